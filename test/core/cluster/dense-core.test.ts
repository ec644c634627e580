import { describe, expect, it } from 'vitest';
import type { Adjacency as WeightedAdjacency } from '../../../src/core/cluster/attach-periphery.ts';
import { denseCore } from '../../../src/core/cluster/dense-core.ts';

function adjacency(edges: [string, string][]): WeightedAdjacency {
  const adj: WeightedAdjacency = new Map();
  for (const [a, b] of edges) {
    (adj.get(a) ?? adj.set(a, new Map()).get(a)!).set(b, 1);
    (adj.get(b) ?? adj.set(b, new Map()).get(b)!).set(a, 1);
  }
  return adj;
}

const clique = (names: string[]): [string, string][] => names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b] as [string, string]));

describe('denseCore', () => {
  it('keeps a clique of k+1 and peels a star of any size', () => {
    const ring = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const star = Array.from({ length: 40 }, (_, i) => ['creator', `fan${i}`] as [string, string]);
    const core = denseCore(adjacency([...clique(ring), ...star]), 4);
    expect([...core].sort()).toEqual(ring);
  });

  it('peels in cascade: removing one node can drop its neighbours below k', () => {
    // a chain of triangles: every node has degree ≤ 3, nothing survives k = 3 except a real 3-core
    const edges: [string, string][] = [['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd'], ['d', 'e'], ['e', 'c']];
    expect(denseCore(adjacency(edges), 3).size).toBe(0);
    expect([...denseCore(adjacency(edges), 2)].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('agrees with a brute-force core on random graphs', () => {
    let s = 7;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 20; t++) {
      const n = 30;
      const edges: [string, string][] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rnd() < 0.15) edges.push([`n${i}`, `n${j}`]);
      const adj = adjacency(edges);
      for (const k of [2, 3, 4]) {
        // brute force: repeatedly delete any node with fewer than k surviving neighbours
        const alive = new Set(adj.keys());
        let changed = true;
        while (changed) {
          changed = false;
          for (const v of [...alive]) if ([...adj.get(v)!.keys()].filter((x) => alive.has(x)).length < k) { alive.delete(v); changed = true; }
        }
        expect([...denseCore(adj, k)].sort()).toEqual([...alive].sort());
      }
    }
  });
});
