/** Test helper: an undirected weighted adjacency from an edge list. */
import type { Adjacency } from '../../../src/core/cluster/attach-periphery.ts';
import type { EdgeRecord } from '../../../src/core/link/score-edge.ts';

export function graph(edges: [string, string, number][]): Adjacency {
  const adj: Adjacency = new Map();
  for (const [a, b, w] of edges) {
    (adj.get(a) ?? adj.set(a, new Map()).get(a)!).set(b, w);
    (adj.get(b) ?? adj.set(b, new Map()).get(b)!).set(a, w);
  }
  return adj;
}

/** The same, from edge records (their weights). */
export function adjacencyOf(edges: readonly EdgeRecord[]): Adjacency {
  return graph(edges.map((e) => [e.a, e.b, e.weight]));
}
