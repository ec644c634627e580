/**
 * Detection parameters: one frozen DEFAULTS object, validated overrides, and a stable hash that
 * is stamped on every output (provenance). Changing any value changes the hash.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { INGEST_DEFAULTS } from '../stages/ingest/ingest-stage.ts';

export const ParamsSchema = z.object({
  seed: z.number().int(),
  ingest: z.object({ maxEventBytes: z.number().int().positive(), allowedLatenessMs: z.number().int().nonnegative(), dedupeWindowMs: z.number().int().positive() }),
  featurize: z.object({
    simhashBits: z.literal(64),
    /**
     * Sentence embeddings (issue 4). Off by default: on the simulator's paraphrase-heavy scenario they
     * added no ring recall and raised repost-chain false flags (README, "Quality"); gated mode keeps
     * the stream at ≥ 2,000 notes/s. When on and the model or static table is missing, the pipeline
     * warns, names the command that fetches or builds it, and runs SimHash-only.
     */
    embeddings: z.object({
      enabled: z.boolean(),
      model: z.string().min(1),
      /** Encoder worker threads in mode 'all'; mode 'gated' always runs one worker (the gate must see notes in order). */
      workers: z.number().int().min(1).max(16),
      /**
       * 'gated' (default): the transformer embeds only notes whose static-table vector is within
       * staticMinCosine of a recent note of another account on the same item, and those matches
       * (docs/detection.md). Needs models/<model>/static-table.*; without it the pipeline warns,
       * names `npm run models:distill` and runs SimHash-only. 'all': every note (~5× slower).
       */
      mode: z.enum(['gated', 'all']),
      /** Static cosine at or above which a cross-account same-item pair goes to the transformer. */
      staticMinCosine: z.number().min(0).max(1),
    }),
  }),
  link: z.object({
    windowMs: z.number().int().positive(),
    nearDupMaxBits: z.number().int().min(0).max(8),
    nearDupMaxFanout: z.number().int().positive(),
    coTargetMaxPosters: z.number().int().positive(),
    /** an account that posted about more than this many items in the window shares items with many others by chance: its co-target evidence is damped by √(this / items); 0 = off */
    coTargetBreadthFree: z.number().int().min(0),
    coTargetKinds: z.array(z.enum(['product', 'merchant', 'brand', 'topic', 'url'])),
    lockstepWindowMs: z.number().int().positive(),
    lockstepMaxEngagers: z.number().int().positive(),
    registrationBurstMs: z.number().int().positive(),
    /**
     * A note published within this long after its author shared note N is a repost of N: its
     * near-duplicate and semantic matches to N and to other reposts of N, and the targets it shares
     * with them, are quotation, not a template, and do not link accounts (0 = off).
     */
    repostWindowMs: z.number().int().min(0),
    weights: z.object({
      near_duplicate: z.number(), semantic: z.number(), co_target: z.number(), lockstep: z.number(),
      registration_burst: z.number(), shared_device: z.number(), shared_ip: z.number(), mutual_engagement: z.number(),
    }),
    edgeMinScore: z.number().min(0),
    edgeMinSignals: z.number().int().min(1),
    edgeSingleSignalMin: z.number().positive(),
    edgeWeakMin: z.number().positive(),
    semanticMinCosine: z.number().min(0).max(1),
    semanticMaxNeighbours: z.number().int().positive(),
  }),
  cluster: z.object({
    everyMs: z.number().int().positive(),
    resolution: z.number().positive(),
    louvainRandomWalk: z.boolean(),
    minRingSize: z.number().int().min(2),
    coreMinStrength: z.number().min(0).max(1),
    attachMinWeight: z.number().positive(),
    attachMinShare: z.number().min(0).max(1),
    attachMinLinks: z.number().int().min(1),
    /** periphery attachment rounds: from the second on, accounts attached earlier count as group members (boosters tied mostly to each other) */
    attachRounds: z.number().int().min(1),
    /** share of an attaching account's evidence to the group that must be more than a shared target (similar wording, lockstep or mutual engagement); 0 = off */
    attachMinBeyondTarget: z.number().min(0).max(1),
    /** after the rounds, groups of ≥ attachCollectiveMinSize also take in the accounts touching them that pass the attachment tests together (attach-periphery.ts: boosters tied mostly to each other) */
    attachCollective: z.boolean(),
    attachCollectiveMinSize: z.number().int().min(2),
    /** on groups smaller than minRingSize, each account joining collectively must also have evidence with this many other joiners: a cohort of boosters, not a few bystanders (0 = no such test) */
    attachCohortMinLinks: z.number().int().min(0),
    /**
     * A strong core smaller than minRingSize takes in accounts with this many ties and this much
     * evidence to it (instead of attachMinLinks / attachMinWeight): a small ring's boosters each back
     * two or three of its posters, and without them it is never a candidate…
     */
    attachSmallCoreMinLinks: z.number().int().min(1),
    attachSmallCoreMinWeight: z.number().positive(),
    /** …a core of minRingSize − 1 keeps them; a smaller core only when it grows to this many accounts (a cohort around a few posters, not a family around a pair) */
    attachSmallCoreGrowTo: z.number().int().min(2),
    /** a ring member whose evidence all aged out of the window, and that no community holds, stays in its ring */
    keepAgedMembers: z.boolean(),
    mergeMinWeight: z.number().positive(),
    mergeMinPerMember: z.number().min(0),
    /** a fragment merges only if its evidence to the larger community is ≥ this × its internal evidence (merge-fragments.ts) */
    mergeMinInternalRatio: z.number().min(0),
    /** for fragment merging, edges without a content, co-target or mutual-engagement signal (lockstep, registration, infrastructure only) count at this factor of their weight */
    mergeUnanchoredFactor: z.number().min(0).max(1),
    /** for attachment and membership, a weak pair's registration / device / IP corroboration counts only when its behavioural evidence reaches this (0 = always) */
    attachCorroborationMinBehaviour: z.number().min(0),
    /**
     * Early seeds: accounts no strong community holds, in the k-core of weak edges that are
     * corroborated by infrastructure and carry ≥ weakSeedMinBehaviour of behavioural weight
     * (0 = off; default 4: much faster detection, some precision lost off `default`, README "Quality").
     */
    weakCoreK: z.number().int().min(0),
    weakSeedMinBehaviour: z.number().min(0),
    /**
     * Early-seed groups are re-partitioned on their own subgraph and a part whose evidence to the
     * rest of its group is below this × its internal evidence (timing-only edges discounted as for
     * merging) becomes a group of its own (split-loose.ts: Louvain's resolution limit joins a small
     * ring to a large one through one or two edges). 0 = off.
     */
    seedSplitRatio: z.number().min(0),
    /**
     * A ring that disappears with ≥ absorbMinShare of its members inside another community is
     * absorbed by it (its case closes as merged, ring-identity.ts) after absorbAfterRounds
     * consecutive rounds.
     */
    absorbAfterRounds: z.number().int().min(1),
    absorbMinShare: z.number().gt(0).max(1),
  }),
  flag: z.object({
    minScore: z.number().min(0).max(1),
    /** an open case keeps following its candidate's membership while the candidate scores ≥ this (below minScore); 1 = only above minScore */
    keepMinScore: z.number().min(0).max(1),
    minRounds: z.number().int().min(1),
    updateMinMemberChange: z.number().min(0).max(1),
    retireAfterMs: z.number().int().positive(),
    stableIdMinOverlap: z.number().min(0).max(1),
  }),
});
export type Params = z.infer<typeof ParamsSchema>;

const HOUR = 3_600_000;

export const DEFAULTS: Readonly<Params> = Object.freeze({
  seed: 42,
  ingest: { ...INGEST_DEFAULTS },
  featurize: { simhashBits: 64 as const, embeddings: { enabled: false, model: 'bge-small-zh-v15-q', workers: 2, mode: 'gated' as const, staticMinCosine: 0.985 } },
  link: {
    windowMs: 28 * 24 * HOUR,
    nearDupMaxBits: 3,
    nearDupMaxFanout: 50,
    coTargetMaxPosters: 150,
    coTargetBreadthFree: 16,
    coTargetKinds: ['product', 'merchant', 'url', 'brand'] as ('product' | 'merchant' | 'url' | 'brand')[],
    lockstepWindowMs: 3 * HOUR,
    lockstepMaxEngagers: 200,
    repostWindowMs: 10 * 60_000,
    registrationBurstMs: 72 * HOUR,
    weights: {
      near_duplicate: 1.0, semantic: 0.8, co_target: 1.0, lockstep: 1.0,
      registration_burst: 0.5, shared_device: 0.5, shared_ip: 0.25, mutual_engagement: 1.0,
    },
    edgeMinScore: 1.2,
    edgeMinSignals: 2,
    edgeSingleSignalMin: 2.5,
    edgeWeakMin: 0.6,
    semanticMinCosine: 0.95,
    semanticMaxNeighbours: 10,
  },
  cluster: { everyMs: 15 * 60_000, resolution: 0.5, louvainRandomWalk: true, minRingSize: 5, coreMinStrength: 0.5, attachMinWeight: 3, attachMinShare: 0.5, attachMinLinks: 3, attachRounds: 3, attachMinBeyondTarget: 0.2, attachCollective: true, attachCollectiveMinSize: 3, attachCohortMinLinks: 2, attachSmallCoreMinLinks: 2, attachSmallCoreMinWeight: 1.2, attachSmallCoreGrowTo: 8, attachCorroborationMinBehaviour: 0.2, keepAgedMembers: true, mergeMinWeight: 3, mergeMinPerMember: 2, mergeMinInternalRatio: 1, mergeUnanchoredFactor: 0.5, weakCoreK: 4, weakSeedMinBehaviour: 0.3, seedSplitRatio: 0.25, absorbAfterRounds: 8, absorbMinShare: 0.8 },
  flag: { minScore: 0.6, keepMinScore: 0.5, minRounds: 1, updateMinMemberChange: 0.1, retireAfterMs: 7 * 24 * HOUR, stableIdMinOverlap: 0.3 },
});

/** Deep-merge overrides (from a config file, env or --set) onto DEFAULTS and validate once. */
export function resolveParams(overrides: unknown = {}): Params {
  const merged = deepMerge(structuredClone(DEFAULTS) as unknown as Record<string, unknown>, (overrides ?? {}) as Record<string, unknown>);
  return ParamsSchema.parse(merged);
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    base[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' ? deepMerge(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return base;
}

/** Parse `a.b.c=value` into a nested override (value parsed as JSON when it parses, else string). */
export function parseSet(assignment: string): Record<string, unknown> {
  const eq = assignment.indexOf('=');
  if (eq < 1) throw new Error(`--set expects key=value, got ${assignment}`);
  const path = assignment.slice(0, eq).split('.');
  const raw = assignment.slice(eq + 1);
  let value: unknown;
  try { value = JSON.parse(raw); } catch { value = raw; }
  const root: Record<string, unknown> = {};
  let cur = root;
  path.forEach((k, i) => { if (i === path.length - 1) cur[k] = value; else cur = (cur[k] = {}) as Record<string, unknown>; });
  return root;
}

export function stableStringify(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function paramHash(p: Params): string {
  return createHash('sha256').update(stableStringify(p)).digest('hex').slice(0, 16);
}
