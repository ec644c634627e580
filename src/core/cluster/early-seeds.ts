/**
 * Early seeds (cluster.weakCoreK): in a ring's first hours each member pair has engaged the same
 * note once or twice — weak evidence — long before any pair is strong. Weak edges corroborated by
 * infrastructure (a shared device, IP prefix or registration burst) that carry real behavioural
 * weight, together with the strong edges, are peeled to their k-core (dense-core.ts) and grouped by
 * Louvain. A group needs ≥ 2 behavioural signals. Its members not yet in a strong community join
 * the strong community the group overlaps (≥ 2 members) when most of their group evidence points
 * there; the others, if enough, become a community of their own (often a sister ring of the same
 * operator). Pure: the result depends only on its inputs.
 */
import type { EdgeRecord } from '../link/score-edge.ts';
import type { Adjacency } from './attach-periphery.ts';
import { denseCore } from './dense-core.ts';
import { detectCommunities } from './detect-communities.ts';
import { behaviourOf } from './edge-kinds.ts';
import { BEHAVIOURAL_SIGNALS } from './score-ring.ts';

export interface EarlySeedOptions {
  k: number;
  minBehaviour: number;
  minSize: number;
  resolution: number;
  seed: number;
  randomWalk: boolean;
  /** refines the Louvain groups before they are used (split-loose.ts); identity when absent */
  refine?: (groups: string[][], edges: readonly EdgeRecord[]) => string[][];
}

const CORROBORATION = ['registration_burst', 'shared_device', 'shared_ip'] as const;

/**
 * Grows `found` (communities on strong edges; modified in place) with early seeds and returns the
 * weak edges inside the dense core, which count as internal evidence of the communities.
 * `weakEdges` must already be the corroborated ones (`isCorroborated`) and `adj` the adjacency of
 * `strong` ∪ `weakEdges` with their weights: the cluster stage keeps both up to date as edges
 * arrive, so neither is rebuilt every round.
 */
export function addEarlySeeds(found: string[][], strong: readonly EdgeRecord[], weakEdges: Iterable<EdgeRecord>, adj: Adjacency, o: EarlySeedOptions): EdgeRecord[] {
  const owner = new Map<string, number>();
  found.forEach((c, i) => c.forEach((m) => owner.set(m, i)));
  const weak = [...weakEdges];
  const core = denseCore(adj, o.k);
  const inCore = (e: EdgeRecord) => core.has(e.a) && core.has(e.b);
  const coreWeak = weak.filter(inCore);
  let fresh = false;
  for (const m of core) if (!owner.has(m)) fresh = true;
  if (!fresh) return coreWeak; // every core account is in a strong community already: no seed can add anyone
  const coreEdges = [...strong.filter(inCore), ...coreWeak];
  const groups = detectCommunities(coreEdges, { resolution: o.resolution, seed: o.seed, minSize: o.minSize, randomWalk: o.randomWalk });
  // only groups with accounts no strong community holds can add anything (refining the others could not change that)
  const isOpen = (g: string[]) => g.some((m) => !owner.has(m));
  const open = o.refine ? o.refine(groups.filter(isOpen), coreEdges).filter(isOpen) : groups.filter(isOpen);
  const breadth = behaviouralBreadth(open, coreEdges);
  for (const [gi, group] of open.entries()) {
    if (breadth[gi] < 2) continue;
    const freshMembers = group.filter((m) => !owner.has(m));
    const overlap = new Map<number, number>();
    for (const m of group) if (owner.has(m)) overlap.set(owner.get(m)!, (overlap.get(owner.get(m)!) ?? 0) + 1);
    const [bestC, bestN] = [...overlap].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0] ?? [-1, 0];
    const inGroup = new Set(group);
    const joins = new Set(bestN >= 2 ? freshMembers.filter((m) => shareTo(m, adj, inGroup, (x) => owner.get(x) === bestC) >= 0.5) : []);
    const rest = freshMembers.filter((m) => !joins.has(m));
    if (joins.size) {
      for (const m of joins) owner.set(m, bestC);
      found[bestC] = [...found[bestC], ...joins].sort();
    }
    if (rest.length >= o.minSize) {
      const c = found.push(rest) - 1;
      for (const m of rest) owner.set(m, c);
    }
  }
  return coreWeak;
}

/** A weak edge that may seed: real behavioural evidence, tipped by infrastructure. */
export function isCorroborated(e: EdgeRecord, minBehaviour: number): boolean {
  return CORROBORATION.some((s) => (e.signals[s] ?? 0) > 0) && behaviourOf(e) >= minBehaviour;
}

/** Per group, how many behavioural signals each carry ≥ 10% of its internal behavioural evidence (as for one edge, one kind of coincidence is not enough). One pass over the edges. */
function behaviouralBreadth(groups: string[][], edges: readonly EdgeRecord[]): number[] {
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((m) => groupOf.set(m, i)));
  const sums = groups.map(() => new Array<number>(BEHAVIOURAL_SIGNALS.length).fill(0));
  for (const e of edges) {
    const g = groupOf.get(e.a);
    if (g === undefined || groupOf.get(e.b) !== g) continue;
    const sum = sums[g];
    for (let k = 0; k < BEHAVIOURAL_SIGNALS.length; k++) sum[k] += e.signals[BEHAVIOURAL_SIGNALS[k]] ?? 0;
  }
  return sums.map((sum) => {
    const total = sum.reduce((a, x) => a + x, 0);
    return total > 0 ? sum.filter((x) => x >= 0.1 * total).length : 0;
  });
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
