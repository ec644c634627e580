import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr, type CsrGraph, GraphInputError, indexKeyedEdges } from '../../../src/core/cluster/csr-graph.ts';

function rows(g: CsrGraph): [number, number][][] {
  return Array.from({ length: g.nodeCount }, (_, u) => Array.from({ length: g.offsets[u + 1] - g.offsets[u] }, (_, x) => [g.neighbours[g.offsets[u] + x], g.weights[g.offsets[u] + x]] as [number, number]));
}

const edges = (list: [number, number, number][]) => [Int32Array.from(list, (x) => x[0]), Int32Array.from(list, (x) => x[1]), Float64Array.from(list, (x) => x[2])] as const;

describe('buildCsr', () => {
  const input = edges([
    [2, 0, 1],
    [0, 1, 2],
    [1, 0, 0.5],
    [3, 3, 4],
    [0, 3, 1],
  ]);

  it('sorted rows: both arcs of every edge, ascending neighbours, duplicates summed, self loops apart', () => {
    const g = buildCsr(5, ...input);
    expect(rows(g)).toEqual([[[1, 2.5], [2, 1], [3, 1]], [[0, 2.5]], [[0, 1]], [[0, 1]], []]);
    expect([...g.loops]).toEqual([0, 0, 0, 8, 0]);
    expect(g.totalWeight).toBe(8.5);
  });

  it("input-reversed rows: graphology's order, reverse of each neighbour's first occurrence", () => {
    const g = buildCsr(5, ...input, { rowOrder: 'input-reversed' });
    expect(rows(g)).toEqual([[[3, 1], [1, 2.5], [2, 1]], [[0, 2.5]], [[0, 1]], [[0, 1]], []]);
  });

  it('sorted rows do not depend on edge order or orientation', () => {
    const list = fc.array(fc.tuple(fc.nat(9), fc.nat(9), fc.integer({ min: 0, max: 8 })), { maxLength: 60 });
    fc.assert(
      fc.property(list, fc.nat(), (l, rot) => {
        const shifted = l.map((_, i) => l[(i + rot) % l.length]).map(([u, v, w], i) => (i % 2 ? [v, u, w] : [u, v, w]) as [number, number, number]);
        // integer weights: sums are exact whatever the order
        expect(buildCsr(10, ...edges(shifted))).toEqual(buildCsr(10, ...edges(l)));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('sorts long rows (hubs) too, duplicates summed', () => {
    // hub 0 with leaves 1..150 given in a scrambled order, every leaf twice (weights l and 1000)
    const list: [number, number, number][] = [];
    for (let x = 0; x < 300; x++) {
      const leaf = 1 + (((x >> 1) * 37) % 150);
      list.push(x % 2 ? [0, leaf, leaf] : [leaf, 0, 1000]);
    }
    const g = buildCsr(151, ...edges(list));
    expect(rows(g)[0]).toEqual(Array.from({ length: 150 }, (_, x) => [x + 1, x + 1001]));
    expect(rows(g)[150]).toEqual([[0, 1150]]);
  });

  it('rejects bad input with GRAPH_BAD_INPUT', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return 'no error';
      } catch (err) {
        expect(err).toBeInstanceOf(GraphInputError);
        return (err as GraphInputError).code;
      }
    };
    expect(code(() => buildCsr(-1, ...edges([])))).toBe('GRAPH_BAD_INPUT');
    expect(code(() => buildCsr(2, ...edges([[0, 2, 1]])))).toBe('GRAPH_BAD_INPUT');
    expect(code(() => buildCsr(2, ...edges([[0, 1, -0.5]])))).toBe('GRAPH_BAD_INPUT');
    expect(code(() => buildCsr(2, ...edges([[0, 1, 1]]), { rowOrder: 'random' as 'sorted' }))).toBe('GRAPH_BAD_INPUT');
    expect(code(() => buildCsr(2, Uint32Array.of(0, 1), Uint32Array.of(1), Float64Array.of(1, 1)))).toBe('GRAPH_BAD_INPUT');
    expect(code(() => buildCsr(2, Uint32Array.of(0), Uint32Array.of(1), Float64Array.of(0)))).toBe('no error');
  });
});

describe('indexKeyedEdges', () => {
  it('numbers nodes by first appearance, a before b', () => {
    const ix = indexKeyedEdges([
      { a: 'x', b: 'm', weight: 1 },
      { a: 'b', b: 'x', weight: 2 },
      { a: 'm', b: 'q', weight: 3 },
    ]);
    expect(ix.nodes).toEqual(['x', 'm', 'b', 'q']);
    expect([...ix.src]).toEqual([0, 2, 1]);
    expect([...ix.dst]).toEqual([1, 0, 3]);
    expect([...ix.weight]).toEqual([1, 2, 3]);
  });
});
