/**
 * Merge fragments of one ring. Louvain (and time: a ring active in waves) can leave one matrix
 * as several communities joined only by weak evidence. A community merges into a larger one when
 * the evidence between them is substantial in total (`minWeight`) and relative to the smaller
 * one's size (`minPerMember` per member) and to its own internal evidence (`minInternalRatio` ×
 * the weight inside it), i.e. the smaller fragment is tied to the larger at least as much as it
 * holds together by itself. (Without the last rule a 21-account ring of one operator merged into a
 * 145-account ring of another through 42 weak lockstep + registration-time edges.)
 * Each community merges into at most one larger partner, the one it has most evidence to: a small
 * group tied to two rings must not chain them together (union over every qualifying pair did — two
 * operators' rings became one case through a 2-account fragment). Chains remain where each step is
 * a fragment's own strongest tie. Deterministic (sorted members, size order).
 */
import type { Adjacency } from './attach-periphery.ts';

export interface MergeOptions {
  minWeight: number;
  minPerMember: number;
  minInternalRatio: number;
}

export function mergeFragments(communities: string[][], adj: Adjacency, o: MergeOptions): string[][] {
  if (communities.length < 2) return communities;
  const owner = new Map<string, number>();
  communities.forEach((c, i) => c.forEach((m) => owner.set(m, i)));
  /** larger = more members, then lower index */
  const larger = (j: number, i: number) => communities[j].length > communities[i].length || (communities[j].length === communities[i].length && j < i);
  const parent = communities.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  communities.forEach((c, i) => {
    const cross = new Map<number, number>();
    for (const m of c)
      for (const [x, w] of adj.get(m) ?? []) {
        const j = owner.get(x);
        if (j === undefined || j === i || !larger(j, i)) continue;
        cross.set(j, (cross.get(j) ?? 0) + w);
      }
    let best = -1;
    let bestW = 0;
    for (const [j, w] of cross) if (w > bestW || (w === bestW && j < best)) [best, bestW] = [j, w];
    if (best >= 0 && bestW >= o.minWeight && bestW >= o.minPerMember * c.length && bestW >= o.minInternalRatio * internalWeight(c, adj)) {
      const [ri, rj] = [find(i), find(best)];
      if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
  });
  const groups = new Map<number, string[]>();
  communities.forEach((c, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(...c);
    else groups.set(r, [...c]);
  });
  return [...groups.values()].map((g) => g.sort()).sort((x, y) => y.length - x.length || (x[0] < y[0] ? -1 : 1));
}

/** Sum of edge weights inside a community (each edge once). */
function internalWeight(c: string[], adj: Adjacency): number {
  const set = new Set(c);
  let w = 0;
  for (const m of c) for (const [x, v] of adj.get(m) ?? []) if (x > m && set.has(x)) w += v;
  return w;
}
