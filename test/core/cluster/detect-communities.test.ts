import { describe, expect, it } from 'vitest';
import { detectCommunities, type WeightedEdge } from '../../../src/core/cluster/detect-communities.ts';
import { seededRng } from '../../../src/core/cluster/seeded-rng.ts';

function clique(prefix: string, n: number, w = 1): WeightedEdge[] {
  const e: WeightedEdge[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) e.push({ a: `${prefix}${i}`, b: `${prefix}${j}`, weight: w });
  return e;
}

describe('detectCommunities', () => {
  it('finds planted cliques joined by weak bridges', () => {
    const edges = [...clique('a', 8), ...clique('b', 6), ...clique('c', 5), { a: 'a0', b: 'b0', weight: 0.1 }, { a: 'b1', b: 'c1', weight: 0.1 }];
    const got = detectCommunities(edges, { resolution: 1, seed: 1, minSize: 3 });
    expect(got.map((c) => c.length)).toEqual([8, 6, 5]);
    expect(got[2].every((m) => m.startsWith('c'))).toBe(true);
  });

  it('is deterministic for a seed, whatever the order edges arrive in', () => {
    const rng = seededRng(9);
    const edges: WeightedEdge[] = [];
    for (let i = 0; i < 400; i++) edges.push({ a: `n${Math.floor(rng() * 120)}`, b: `n${Math.floor(rng() * 120)}`, weight: 0.5 + rng() }).toString();
    const clean = edges.filter((e) => e.a !== e.b);
    const shuffled = [...clean].reverse();
    const x = detectCommunities(clean, { resolution: 1.2, seed: 5, minSize: 2 });
    const y = detectCommunities(shuffled, { resolution: 1.2, seed: 5, minSize: 2 });
    expect(x).toEqual(y);
  });

  it('splits a community into connected components', () => {
    // two disconnected triangles with resolution so low Louvain would happily merge anything
    const edges = [...clique('x', 3), ...clique('y', 3)];
    const got = detectCommunities(edges, { resolution: 0.01, seed: 1, minSize: 3 });
    expect(got).toHaveLength(2);
  });

  it('keeps a small ring apart from a large community at resolution > 1', () => {
    const big = clique('g', 40, 1);
    const small = clique('r', 5, 1);
    // the small ring hangs off the big community by several edges
    const bridges = [0, 1, 2, 3, 4].map((i) => ({ a: `r${i}`, b: `g${i}`, weight: 0.4 }));
    const got = detectCommunities([...big, ...small, ...bridges], { resolution: 1.5, seed: 3, minSize: 4 });
    expect(got.some((c) => c.length === 5 && c.every((m) => m.startsWith('r')))).toBe(true);
  });
});
