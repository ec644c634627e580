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
import { attachPeriphery, type Adjacency } from '../../core/cluster/attach-periphery.ts';
import { denseCore } from '../../core/cluster/dense-core.ts';
import { detectCommunities } from '../../core/cluster/detect-communities.ts';
import { mergeFragments } from '../../core/cluster/merge-fragments.ts';
import { RingIdentity } from '../../core/cluster/ring-identity.ts';
import { ringFeatures, round3 } from '../../core/cluster/ring-features.ts';
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
}

export interface ClusterRound {
  kind: 'round';
  ts: number;
  final: boolean;
  candidates: RingCandidate[];
}

export type LinkRecord = EdgeRecord | NoteActivity | AccountFactsRecord | Watermark;

/** A weak edge that may seed an early community: real behavioural evidence, tipped by infrastructure. */
const isCorroborated = (e: EdgeRecord, minBehaviour: number) => CORROBORATION.some((s) => (e.signals[s] ?? 0) > 0) && behaviouralWeight(e) >= minBehaviour;
const behaviouralWeight = (e: EdgeRecord) => BEHAVIOURAL.reduce((a, s) => a + (e.signals[s] ?? 0), 0);
const CORROBORATION = ['registration_burst', 'shared_device', 'shared_ip'] as const;

const BEHAVIOURAL = ['near_duplicate', 'semantic', 'co_target', 'lockstep', 'mutual_engagement'] as const;

/** How many behavioural signals each carry ≥ 10% of a group's internal behavioural evidence (as for one edge, one kind of coincidence is not enough). */
function behaviouralBreadth(members: string[], edges: EdgeRecord[]): number {
  const set = new Set(members);
  const sum: Record<string, number> = {};
  let total = 0;
  for (const e of edges) {
    if (!set.has(e.a) || !set.has(e.b)) continue;
    for (const s of BEHAVIOURAL) {
      const x = e.signals[s] ?? 0;
      sum[s] = (sum[s] ?? 0) + x;
      total += x;
    }
  }
  return BEHAVIOURAL.filter((s) => total > 0 && (sum[s] ?? 0) >= 0.1 * total).length;
}

/** Share of `m`'s evidence to members of `within` that goes to accounts satisfying `to`. */
function shareTo(m: string, adj: Adjacency, within: Set<string>, to: (x: string) => boolean): number {
  let total = 0;
  let hit = 0;
  for (const [x, w] of adj.get(m) ?? []) {
    if (!within.has(x)) continue;
    total += w;
    if (to(x)) hit += w;
  }
  return total > 0 ? hit / total : 0;
}

export function createClusterStage(params: Params, metrics: Metrics): StageProcessor {
  const p = params.cluster;
  const edges = new Map<string, EdgeRecord>();
  const weakEdges = new Map<string, EdgeRecord>();
  // strong and weak evidence, as adjacency with weights, for periphery attachment
  const adj: Adjacency = new Map();
  const setAdj = (a: string, b: string, w: number | null) => {
    for (const [x, y] of [[a, b], [b, a]]) {
      let m = adj.get(x);
      if (w === null) {
        m?.delete(y);
        if (m && m.size === 0) adj.delete(x);
      } else {
        if (!m) adj.set(x, (m = new Map()));
        m.set(y, w);
      }
    }
  };
  const activity = new ActivityStore(params.link.windowMs);
  const identity = new RingIdentity(params.flag.stableIdMinOverlap, params.seed);
  let lastRound = -1;
  let changed = false;
  let weakChanged = false;
  let roundsSinceRun = 0;

  const round = (ts: number, final: boolean, emit: Emit) => {
    const t0 = performance.now();
    const list = [...edges.values()];
    // small strong cores may still grow past the minimum size with their periphery
    const found = detectCommunities(list, { resolution: p.resolution, seed: params.seed, minSize: 2, randomWalk: p.louvainRandomWalk });
    if (p.weakCoreK > 0) {
      // early evidence: dense groups of corroborated weak evidence (with the strong edges) either
      // grow the strong community they overlap or, where none holds them yet, seed a new one
      const owner = new Map<string, number>();
      found.forEach((c, i) => c.forEach((m) => owner.set(m, i)));
      const weak = [...weakEdges.values()].filter((e) => isCorroborated(e, p.weakSeedMinBehaviour));
      const seedAdj: Adjacency = new Map();
      for (const e of [...list, ...weak]) {
        (seedAdj.get(e.a) ?? seedAdj.set(e.a, new Map()).get(e.a)!).set(e.b, e.weight);
        (seedAdj.get(e.b) ?? seedAdj.set(e.b, new Map()).get(e.b)!).set(e.a, e.weight);
      }
      const core = denseCore(seedAdj, p.weakCoreK);
      const coreWeak = weak.filter((e) => core.has(e.a) && core.has(e.b));
      const coreEdges = [...list.filter((e) => core.has(e.a) && core.has(e.b)), ...coreWeak];
      const seeds = detectCommunities(coreEdges, { resolution: p.resolution, seed: params.seed, minSize: p.minRingSize, randomWalk: p.louvainRandomWalk });
      for (const seed of seeds) {
        if (behaviouralBreadth(seed, coreEdges) < 2) continue;
        const fresh = seed.filter((m) => !owner.has(m));
        if (fresh.length === 0) continue;
        const overlap = new Map<number, number>();
        for (const m of seed) if (owner.has(m)) overlap.set(owner.get(m)!, (overlap.get(owner.get(m)!) ?? 0) + 1);
        const [bestC, bestN] = [...overlap].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0] ?? [-1, 0];
        // a fresh member joins the overlapping community only if most of its evidence inside the seed
        // points at that community; the others (often a sister ring of the same operator) stay a seed of their own
        const inSeed = new Set(seed);
        const joins = bestN >= 2 ? fresh.filter((m) => shareTo(m, seedAdj, inSeed, (x) => owner.get(x) === bestC) >= 0.5) : [];
        const rest = fresh.filter((m) => !joins.includes(m));
        if (joins.length) {
          for (const m of joins) owner.set(m, bestC);
          found[bestC] = [...found[bestC], ...joins].sort();
        }
        if (rest.length >= p.minRingSize) {
          const c = found.push(rest) - 1;
          for (const m of rest) owner.set(m, c);
        }
      }
      list.push(...coreWeak);
    }
    const attached = attachPeriphery(found, adj, { minWeight: p.attachMinWeight, minShare: p.attachMinShare, minLinks: p.attachMinLinks });
    const communities = mergeFragments(attached, adj, { minWeight: p.mergeMinWeight, minPerMember: p.mergeMinPerMember }).filter((c) => c.length >= p.minRingSize);
    const ids = identity.assign(communities, ts);
    const byNode = new Map<string, EdgeRecord[]>();
    for (const e of list) {
      (byNode.get(e.a) ?? byNode.set(e.a, []).get(e.a)!).push(e);
    }
    const candidates: RingCandidate[] = communities.map((members, i) => {
      const set = new Set(members);
      const internal: EdgeRecord[] = [];
      for (const m of members) for (const e of byNode.get(m) ?? []) if (set.has(e.b)) internal.push(e);
      const { evidence, strength } = ringFeatures(members, internal, activity, ts);
      const maxS = Math.max(...strength.values(), 1e-9);
      const ringMembers: RingMember[] = members.map((m) => {
        const s = round3(strength.get(m)! / maxS);
        return { account_id: m, role: s >= p.coreMinStrength ? 'core' : 'periphery', score: s };
      });
      evidence.core_size = ringMembers.filter((m) => m.role === 'core').length;
      return { ring_id: ids[i], members: ringMembers, score: scoreRing(evidence), evidence };
    });
    metrics.inc('cluster_rounds_total');
    metrics.set('cluster_graph_edges', list.length);
    metrics.set('cluster_last_round_ms', Math.round(performance.now() - t0));
    emit('clusters', null, { kind: 'round', ts, final, candidates } satisfies ClusterRound);
    changed = false;
    weakChanged = false;
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
          if (rec.strong) edges.set(k, rec);
          else edges.delete(k);
          if (rec.weak && p.weakCoreK > 0) weakEdges.set(k, rec);
          else weakEdges.delete(k);
          setAdj(rec.a, rec.b, rec.strong || rec.weak ? rec.weight : null);
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
            // re-cluster when the strong graph changed; periphery evidence alone refreshes every 4 rounds
            if (changed || (weakChanged && (p.weakCoreK > 0 || roundsSinceRun >= 4))) round(r * p.everyMs, false, emit);
          }
          if (rec.final) round(rec.ts, true, emit);
          break;
        }
      }
    },
    flush() {},
  };
}
