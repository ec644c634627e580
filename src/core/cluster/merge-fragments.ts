/**
 * Merge fragments of one ring. Louvain (and time: a ring active in waves) can leave one matrix
 * as several communities joined only by weak evidence. Two communities merge when the evidence
 * between them is substantial in total (`minWeight`) and relative to the smaller one's size
 * (`minPerMember` per member), i.e. the smaller fragment is mostly tied to the larger.
 * Union-find over community pairs; the result is deterministic (sorted members, size order).
 */
import type { Adjacency } from './attach-periphery.ts';

export interface MergeOptions {
  minWeight: number;
  minPerMember: number;
}

export function mergeFragments(communities: string[][], adj: Adjacency, o: MergeOptions): string[][] {
  if (communities.length < 2) return communities;
  const owner = new Map<string, number>();
  communities.forEach((c, i) => c.forEach((m) => owner.set(m, i)));
  const cross = new Map<string, number>();
  communities.forEach((c, i) => {
    for (const m of c)
      for (const [x, w] of adj.get(m) ?? []) {
        const j = owner.get(x);
        if (j === undefined || j <= i) continue;
        const k = `${i}:${j}`;
        cross.set(k, (cross.get(k) ?? 0) + w);
      }
  });
  const parent = communities.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [k, w] of [...cross.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [i, j] = k.split(':').map(Number);
    const small = Math.min(communities[i].length, communities[j].length);
    if (w >= o.minWeight && w >= o.minPerMember * small) {
      const [ri, rj] = [find(i), find(j)];
      if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
  }
  const groups = new Map<number, string[]>();
  communities.forEach((c, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(...c);
    else groups.set(r, [...c]);
  });
  return [...groups.values()].map((g) => g.sort()).sort((x, y) => y.length - x.length || (x[0] < y[0] ? -1 : 1));
}
