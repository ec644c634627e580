/**
 * Split loosely tied parts off Louvain communities. Modularity has a resolution limit (Fortunato
 * & Barthélemy 2007): in a large graph, a small dense group joined to a large community by even one
 * or two edges raises modularity by joining it, so a 6-account ring of one operator rides along
 * in another operator's 100-account group through one booster's lockstep and registration-time
 * edges. Each community is re-partitioned on its own induced subgraph (the same seeded Louvain),
 * and a part is split off when its evidence to the rest of the community is below
 * `maxCrossRatio` × its internal evidence — the mirror of merge-fragments.ts, which joins a
 * fragment only when it is tied to a larger community at least as much as it holds together
 * itself, so what this splits that one does not re-merge. The parts come from `edges` (the graph
 * the communities were found on); the test weighs all the evidence in `adj` (the cluster stage
 * passes the merge adjacency, timing-only edges discounted): the early-seed graph keeps only
 * infrastructure-corroborated weak edges, and on it two halves of one ring split by IP prefix
 * look unrelated. The largest part and parts smaller than `minSize` stay. Pure and deterministic.
 */
import type { EdgeRecord } from '../link/score-edge.ts';
import type { Adjacency } from './attach-periphery.ts';
import { detectCommunities } from './detect-communities.ts';

export interface SplitOptions {
  /** a part leaves when cross evidence < maxCrossRatio × internal evidence; 0 = never split */
  maxCrossRatio: number;
  minSize: number;
  resolution: number;
  seed: number;
  randomWalk: boolean;
}

export function splitLooseParts(communities: string[][], edges: readonly EdgeRecord[], adj: Adjacency, o: SplitOptions): string[][] {
  if (o.maxCrossRatio <= 0) return communities;
  const groupOf = new Map<string, number>();
  communities.forEach((c, i) => {
    if (c.length >= 2 * o.minSize) for (const m of c) groupOf.set(m, i);
  });
  if (groupOf.size === 0) return communities;
  const induced = new Map<number, EdgeRecord[]>();
  for (const e of edges) {
    const g = groupOf.get(e.a);
    if (g === undefined || groupOf.get(e.b) !== g) continue;
    (induced.get(g) ?? induced.set(g, []).get(g)!).push(e);
  }
  const out: string[][] = [];
  communities.forEach((c, i) => {
    const inner = induced.get(i);
    if (!inner) {
      out.push(c);
      return;
    }
    const parts = detectCommunities(inner, { resolution: o.resolution, seed: o.seed, minSize: 1, randomWalk: o.randomWalk });
    if (parts.length < 2) {
      out.push(c);
      return;
    }
    const partOf = new Map<string, number>();
    parts.forEach((p, k) => p.forEach((m) => partOf.set(m, k)));
    const within = new Float64Array(parts.length);
    const cross = new Float64Array(parts.length);
    for (const m of c) {
      const pm = partOf.get(m);
      if (pm === undefined) continue;
      for (const [x, w] of adj.get(m) ?? []) {
        const px = partOf.get(x);
        if (px === undefined) continue;
        if (px === pm) within[pm] += w / 2; // each internal edge is seen from both ends
        else cross[pm] += w;
      }
    }
    const leave = new Set<number>();
    // parts are largest first: the largest is the community's body and never leaves
    for (let k = 1; k < parts.length; k++) if (parts[k].length >= o.minSize && cross[k] < o.maxCrossRatio * within[k]) leave.add(k);
    if (leave.size === 0) {
      out.push(c);
      return;
    }
    const leaving = new Set([...leave].flatMap((k) => parts[k]));
    out.push(c.filter((m) => !leaving.has(m)));
    for (const k of leave) out.push([...parts[k]].sort());
  });
  return out;
}
