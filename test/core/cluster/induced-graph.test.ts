import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr, type CsrGraph } from '../../../src/core/cluster/csr-graph.ts';
import { inducedGraph } from '../../../src/core/cluster/induced-graph.ts';

function rows(g: CsrGraph): [number, number][][] {
  return Array.from({ length: g.nodeCount }, (_, u) => Array.from({ length: g.offsets[u + 1] - g.offsets[u] }, (_, x) => [g.neighbours[g.offsets[u] + x], g.weights[g.offsets[u] + x]] as [number, number]));
}

const edges = (list: [number, number, number][]) => [Int32Array.from(list, (x) => x[0]), Int32Array.from(list, (x) => x[1]), Float64Array.from(list, (x) => x[2])] as const;

describe('inducedGraph', () => {
  it('collapses communities: internal weight (both directions) and loops become the loop', () => {
    // triangle {0,1,2} (weights 1, 2, 3) with a self loop on 1; pair {3,4}; bridges 2–3 (0.5) and 0–4 (1.5)
    const g = buildCsr(5, ...edges([[0, 1, 1], [1, 2, 2], [0, 2, 3], [1, 1, 4], [3, 4, 1], [2, 3, 0.5], [4, 0, 1.5]]));
    const { graph: h, relabel } = inducedGraph(g, Int32Array.from([3, 3, 3, 0, 0]));
    expect([...relabel.subarray(0, 4)]).toEqual([1, -1, -1, 0]);
    expect(h.nodeCount).toBe(2);
    expect([...h.loops]).toEqual([2 * (1 + 2 + 3) + 8, 2 * 1]);
    expect(rows(h)).toEqual([[[1, 2]], [[0, 2]]]);
    expect(h.totalWeight).toBe(g.totalWeight);
  });

  it('keeps total weight and degrees; its singleton modularity is the partition’s modularity', () => {
    const graph = fc.integer({ min: 1, max: 25 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        list: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.double({ min: 0.1, max: 3, noNaN: true })), { minLength: 1, maxLength: 70 }),
        community: fc.array(fc.nat(n - 1), { minLength: n, maxLength: n }),
      }),
    );
    const q = (g: CsrGraph, comm: ArrayLike<number>) => {
      const inside = new Map<number, number>();
      const tot = new Map<number, number>();
      for (let u = 0; u < g.nodeCount; u++) {
        const c = comm[u];
        inside.set(c, (inside.get(c) ?? 0) + g.loops[u]);
        tot.set(c, (tot.get(c) ?? 0) + g.loops[u]);
        for (let p = g.offsets[u]; p < g.offsets[u + 1]; p++) {
          tot.set(c, tot.get(c)! + g.weights[p]);
          if (comm[g.neighbours[p]] === c) inside.set(c, inside.get(c)! + g.weights[p]);
        }
      }
      let s = 0;
      for (const [c, t] of tot) s += inside.get(c)! / (2 * g.totalWeight) - (t / (2 * g.totalWeight)) ** 2;
      return s;
    };
    fc.assert(
      fc.property(graph, ({ n, list, community }) => {
        const g = buildCsr(n, ...edges(list));
        const { graph: h, relabel } = inducedGraph(g, Int32Array.from(community));
        expect(h.totalWeight).toBe(g.totalWeight);
        expect(h.nodeCount).toBe(new Set(community).size);
        // new ids by first member, rows ascending, no arc inside a community
        const firstSeen = new Map<number, number>();
        for (const c of community) if (!firstSeen.has(c)) firstSeen.set(c, firstSeen.size);
        for (const c of community) expect(relabel[c]).toBe(firstSeen.get(c));
        for (const row of rows(h)) for (let x = 1; x < row.length; x++) expect(row[x][0]).toBeGreaterThan(row[x - 1][0]);
        expect(q(h, Int32Array.from({ length: h.nodeCount }, (_, i) => i))).toBeCloseTo(q(g, community), 10);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
