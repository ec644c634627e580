/** Output contract: ring events on ringwatch.rings.v1 (or a JSONL file). The latest version of a ring is its state. */
import { z } from 'zod';

export const RingMember = z.object({
  account_id: z.string(),
  role: z.enum(['core', 'periphery']),
  score: z.number().min(0).max(1),
  /** How many other members this account has pair evidence with (strong or weak): why a periphery account is in the ring. Absent in events written before it existed. */
  links: z.number().int().min(0).optional(),
  /** The weight of that evidence (sum over those pairs, as scored by link). Absent in events written before it existed. */
  evidence_weight: z.number().min(0).optional(),
});

export const Provenance = z.object({
  code_version: z.string(),
  param_hash: z.string(),
  seed: z.number().int(),
  model_id: z.string(),
  model_sha256: z.string().optional(),
});

export const SignalName = z.enum([
  'near_duplicate',
  'semantic',
  'co_target',
  'lockstep',
  'registration_burst',
  'shared_device',
  'shared_ip',
  'mutual_engagement',
]);
export type SignalName = z.infer<typeof SignalName>;

export const RingEvidence = z.object({
  size: z.number().int(),
  core_size: z.number().int(),
  density: z.number(),
  /** Mean number of members each strongly linked member has evidence with (size-robust density). Absent in events written before it existed. */
  mean_degree: z.number().optional(),
  /** Members with pair evidence to at least one other member (the coordinated core the density terms describe). Absent in events written before it existed. */
  linked_members: z.number().int().optional(),
  /** Members with evidence (strong or weak, as counted for periphery attachment) to at least two other members: boosters tied to several posters count here though no single tie is strong. Absent in events written before it existed. */
  tied_members: z.number().int().optional(),
  signal_contributions: z.record(z.string(), z.number()),
  top_targets: z.array(z.object({ kind: z.string(), id: z.string(), accounts: z.number().int(), notes: z.number().int() })),
  example_note_pairs: z.array(
    z.object({ a: z.object({ account_id: z.string(), note_id: z.string() }), b: z.object({ account_id: z.string(), note_id: z.string() }), signal: z.string(), similarity: z.number() }),
  ),
  /** Notes of different members joined by near-duplicate or semantic similarity (src/core/cluster/note-families.ts). Absent in events written before it existed. */
  template_families: z
    .array(
      z.object({
        accounts: z.number().int(),
        notes: z.number().int(),
        signals: z.array(z.string()),
        min_similarity: z.number(),
        example_notes: z.array(z.object({ account_id: z.string(), note_id: z.string() })),
      }),
    )
    .default([]),
  posting_histogram: z.object({ bucket_ms: z.number().int(), start: z.string(), counts: z.array(z.number().int()) }),
  registration_spread: z.object({ known: z.number().int(), min: z.string().nullable(), max: z.string().nullable(), median_gap_ms: z.number().nullable(), within_24h_share: z.number() }),
  shared_infrastructure: z.object({ devices: z.number().int(), accounts_on_shared_devices: z.number().int(), ip_prefixes: z.number().int(), accounts_on_shared_ip: z.number().int() }),
  synchrony: z.number(),
  target_concentration: z.number(),
});

export const RingEvent = z.object({
  ring_id: z.string(),
  version: z.number().int().positive(),
  /** `merged`: the case was folded into the ring `merged_into` (its accounts now belong to that case); it gets no further versions. */
  status: z.enum(['flagged', 'updated', 'retired', 'merged']),
  /** Only with status `merged`: the ring_id of the case that took this one in. */
  merged_into: z.string().optional(),
  detected_at: z.string(),
  updated_at: z.string(),
  members: z.array(RingMember),
  score: z.number().min(0).max(1),
  evidence: RingEvidence,
  provenance: Provenance,
});

export type RingMember = z.infer<typeof RingMember>;
export type RingEvidence = z.infer<typeof RingEvidence>;
export type RingEvent = z.infer<typeof RingEvent>;
export type Provenance = z.infer<typeof Provenance>;
