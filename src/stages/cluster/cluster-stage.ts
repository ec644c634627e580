/**
 * cluster — keeps the windowed account graph (strong edges from link) and, each time event time
 * crosses a round boundary (`cluster.everyMs`), runs seeded Louvain, splits communities into
 * connected components, scores each and assigns stable ring ids.
 * Consumes: links (edges, note activity, account facts, watermarks). Emits: clusters (one
 * `round` record per round). Keyed: a single logical graph per deployment (see docs/operations.md).
 */
import type { Params } from '../../config/params.ts';
import type { RingEvidence, RingMember } from '../../contracts/ring.ts';
import { ActivityStore, type AccountFactsRecord, type NoteActivity } from '../../core/cluster/activity-store.ts';
import { attachPeriphery, evidenceTo, tiedMembers, type Adjacency } from '../../core/cluster/attach-periphery.ts';
import { addEarlySeeds, isCorroborated } from '../../core/cluster/early-seeds.ts';
import { detectCommunities } from '../../core/cluster/detect-communities.ts';
import { attachWeight, isAnchored, isBeyondTarget } from '../../core/cluster/edge-kinds.ts';
import { keepMembers } from '../../core/cluster/keep-members.ts';
import { mergeFragments } from '../../core/cluster/merge-fragments.ts';
import { RingIdentity } from '../../core/cluster/ring-identity.ts';
import { splitLooseParts } from '../../core/cluster/split-loose.ts';
import { FeatureCache } from '../../core/cluster/feature-cache.ts';
import { round3 } from '../../core/cluster/ring-features.ts';
import { scoreRing } from '../../core/cluster/score-ring.ts';
import type { EdgeRecord } from '../../core/link/score-edge.ts';
import { pairKey } from '../../core/link/pair-store.ts';
import type { Metrics } from '../../runtime/metrics.ts';
import type { Emit, StageProcessor, Watermark } from '../stage.ts';

export interface RingCandidate {
  ring_id: string;
  members: RingMember[];
  score: number;
  evidence: RingEvidence;
  /** ids of previous-round candidates this one took in (ring-identity.ts); the flag stage closes those cases as merged */
  absorbed?: string[];
}

export interface ClusterRound {
  kind: 'round';
  ts: number;
  final: boolean;
  candidates: RingCandidate[];
}

/** when only periphery (weak, non-seeding) evidence changed, cluster again after this much event time */
const WEAK_REFRESH_MS = 2 * 3_600_000;

export type LinkRecord = EdgeRecord | NoteActivity | AccountFactsRecord | Watermark;

export function createClusterStage(params: Params, metrics: Metrics): StageProcessor {
  const p = params.cluster;
  const edges = new Map<string, EdgeRecord>();
  // The strong edges again, in Louvain's input order as of the last round, plus those that came
  // since; `replaced` the records that left `edges` meanwhile. Sorting an almost sorted list is
  // one pass, against a full sort of the edges every round.
  let ordered: EdgeRecord[] = [];
  let replaced = new Set<EdgeRecord>();
  /** weak edges that may seed (early-seeds.ts isCorroborated) */
  const weakEdges = new Map<string, EdgeRecord>();
  // strong and weak evidence, as adjacency with weights, for periphery attachment
  const adj: Adjacency = new Map();
  // the same evidence with edges that do not say *what* two accounts share (content, targets, each other's notes) discounted: fragments merge on this
  const anchoredAdj: Adjacency = new Map();
  // strong edges and the weak edges that may seed, for early seeds
  const seedAdj: Adjacency = new Map();
  // the same evidence without edges that only share a target: periphery attachment needs some of this
  const beyondTargetAdj: Adjacency = new Map();
  const setAdj = (a: string, b: string, w: number | null, into: Adjacency = adj) => {
    for (const [x, y] of [[a, b], [b, a]]) {
      let m = into.get(x);
      if (w === null) {
        m?.delete(y);
        if (m && m.size === 0) into.delete(x);
      } else {
        if (!m) into.set(x, (m = new Map()));
        m.set(y, w);
      }
    }
  };
  const activity = new ActivityStore(params.link.windowMs);
  const features = new FeatureCache(activity);
  const identity = new RingIdentity(params.flag.stableIdMinOverlap, params.seed, p.absorbAfterRounds, p.absorbMinShare);
  let lastRound = -1;
  let changed = false;
  let weakChanged = false;
  /** a weak edge that may seed (weakEdges) changed */
  let seedChanged = false;
  /** the last strong-graph communities, and the last early-seed result (recomputed when `changed` / `seedChanged`) */
  let strongFound: string[][] | null = null;
  let seeded: { found: string[][]; coreWeak: EdgeRecord[] } | null = null;
  let roundsSinceRun = 0;
  const weakRefreshRounds = Math.max(1, Math.round(WEAK_REFRESH_MS / p.everyMs));

  const splitOpts = { maxCrossRatio: p.seedSplitRatio, minSize: p.minRingSize, resolution: p.resolution, seed: params.seed, randomWalk: p.louvainRandomWalk };
  const refine = (groups: string[][], es: readonly EdgeRecord[]) => splitLooseParts(groups, es, anchoredAdj, splitOpts);
  const round = (ts: number, final: boolean, emit: Emit) => {
    const t0 = performance.now();
    const list = [...edges.values()];
    // Louvain and the seeds are deterministic in their inputs: rerun each only when its inputs changed
    // (small strong cores may still grow past the minimum size with their periphery: minSize 2)
    if (changed || !strongFound) {
      // the same edge set as `list` (the result depends on nothing else), almost in order already
      ordered = ordered.filter((e) => !replaced.has(e)).sort(byPair);
      replaced = new Set();
      strongFound = detectCommunities(ordered, { resolution: p.resolution, seed: params.seed, minSize: 2, randomWalk: p.louvainRandomWalk });
    }
    if (p.weakCoreK > 0 && (changed || seedChanged || !seeded)) {
      const opts = { k: p.weakCoreK, minBehaviour: p.weakSeedMinBehaviour, minSize: p.minRingSize, resolution: p.resolution, seed: params.seed, randomWalk: p.louvainRandomWalk, refine };
      const grown = strongFound.map((c) => [...c]);
      seeded = { found: grown, coreWeak: addEarlySeeds(grown, list, weakEdges.values(), seedAdj, opts) };
    }
    const found = (seeded?.found ?? strongFound).map((c) => [...c]);
    if (seeded) list.push(...seeded.coreWeak);
    const attached = attachPeriphery(found, adj, { minWeight: p.attachMinWeight, minShare: p.attachMinShare, minLinks: p.attachMinLinks, rounds: p.attachRounds, beyondTarget: beyondTargetAdj, beyondTargetShare: p.attachMinBeyondTarget, collectiveMinSize: p.attachCollective ? p.attachCollectiveMinSize : 0, cohortBelow: p.minRingSize, cohortMinLinks: p.attachCohortMinLinks, smallCore: { below: p.minRingSize, minWeight: p.attachSmallCoreMinWeight, minLinks: p.attachSmallCoreMinLinks, growTo: p.attachSmallCoreGrowTo } });
    const communities = mergeFragments(attached, anchoredAdj, { minWeight: p.mergeMinWeight, minPerMember: p.mergeMinPerMember, minInternalRatio: p.mergeMinInternalRatio }).filter((c) => c.length >= p.minRingSize);
    const { ids, absorbed, previous } = identity.assign(communities, ts);
    if (p.keepAgedMembers) {
      keepMembers(communities, previous, adj, p.attachMinShare);
      communities.forEach((c, i) => identity.record(ids[i], c));
    }
    const byNode = new Map<string, EdgeRecord[]>();
    for (const e of list) {
      (byNode.get(e.a) ?? byNode.set(e.a, []).get(e.a)!).push(e);
    }
    const candidates: RingCandidate[] = communities.map((members, i) => {
      const set = new Set(members);
      const internal: EdgeRecord[] = [];
      for (const m of members) for (const e of byNode.get(m) ?? []) if (set.has(e.b)) internal.push(e);
      const { evidence, strength } = features.get(ids[i], members, internal, ts);
      const maxS = Math.max(...strength.values(), 1e-9);
      const ringMembers: RingMember[] = members.map((m) => {
        const s = round3((strength.get(m) ?? 0) / maxS);
        // its pair evidence (strong and weak) to the other members: why a periphery account is here
        const ties = evidenceTo(m, adj, (y) => set.has(y));
        return { account_id: m, role: s >= p.coreMinStrength ? 'core' : 'periphery', score: s, links: ties.links, evidence_weight: round3(ties.inGroup) };
      });
      evidence.core_size = ringMembers.filter((m) => m.role === 'core').length;
      // a fresh object: the cached features are shared between rounds, and the ties change without them
      const ev = { ...evidence, tied_members: tiedMembers(members, adj) };
      return { ring_id: ids[i], members: ringMembers, score: scoreRing(ev), evidence: ev, ...(absorbed[i].length ? { absorbed: absorbed[i] } : {}) };
    });
    features.keepOnly(new Set(ids));
    metrics.inc('cluster_rounds_total');
    metrics.set('cluster_graph_edges', list.length);
    metrics.set('cluster_last_round_ms', Math.round(performance.now() - t0));
    emit('clusters', null, { kind: 'round', ts, final, candidates } satisfies ClusterRound);
    changed = false;
    weakChanged = false;
    seedChanged = false;
    roundsSinceRun = 0;
  };

  return {
    name: 'cluster',
    inputs: ['links'],
    outputs: ['clusters'],
    handle(msg, emit) {
      const rec = msg.decoded as LinkRecord;
      switch (rec.kind) {
        case 'edge': {
          const k = pairKey(rec.a, rec.b);
          if (rec.strong || edges.has(k)) changed = true; // the strong graph changed
          else weakChanged = true;
          const old = edges.get(k);
          if (old) replaced.add(old);
          if (rec.strong) {
            edges.set(k, rec);
            ordered.push(rec);
          } else edges.delete(k);
          if (rec.weak && p.weakCoreK > 0 && isCorroborated(rec, p.weakSeedMinBehaviour)) {
            weakEdges.set(k, rec);
            seedChanged = true;
          } else if (weakEdges.delete(k)) seedChanged = true;
          setAdj(rec.a, rec.b, rec.strong || rec.weak ? attachWeight(rec, p.attachCorroborationMinBehaviour) : null);
          setAdj(rec.a, rec.b, rec.strong || rec.weak ? rec.weight * (isAnchored(rec) ? 1 : p.mergeUnanchoredFactor) : null, anchoredAdj);
          setAdj(rec.a, rec.b, (rec.strong || rec.weak) && isBeyondTarget(rec) ? rec.weight : null, beyondTargetAdj);
          if (p.weakCoreK > 0) setAdj(rec.a, rec.b, rec.strong || weakEdges.has(k) ? rec.weight : null, seedAdj);
          break;
        }
        case 'note':
          activity.addNote(rec);
          break;
        case 'account':
          activity.setFacts(rec);
          break;
        case 'watermark': {
          const r = Math.floor(rec.ts / p.everyMs);
          if (lastRound < 0) lastRound = r;
          if (r > lastRound) {
            lastRound = r;
            roundsSinceRun++;
            // re-cluster when the strong graph or the seeding weak edges changed; other periphery evidence alone refreshes every 2 h
            if (changed || seedChanged || (weakChanged && roundsSinceRun >= weakRefreshRounds)) round(r * p.everyMs, false, emit);
          }
          if (rec.final) round(rec.ts, true, emit);
          break;
        }
      }
    },
    flush() {},
  };
}

/** Edges by (a, b), as detect-communities.ts sorts them (the link stage emits each pair once, a < b). */
function byPair(x: EdgeRecord, y: EdgeRecord): number {
  return x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0;
}
