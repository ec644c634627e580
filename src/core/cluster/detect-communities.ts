/**
 * Communities in the account graph: Louvain (Blondel et al. 2008, graphology implementation)
 * with a seeded RNG and a resolution above 1 so that small rings are not absorbed into larger
 * communities (see bench/resolution and docs/detection.md), then each community split into its
 * connected components — Louvain may group pieces that share no edge.
 *
 * The graph is rebuilt from edges sorted by key every round, so the result depends only on the
 * edge set and the seed, never on arrival history.
 */
import { UndirectedGraph } from 'graphology';
import louvainImport from 'graphology-communities-louvain';
import { seededRng } from './seeded-rng.ts';

// graphology-communities-louvain is CommonJS; under NodeNext its default import is the module object.
const louvain = ((louvainImport as unknown as { default?: unknown }).default ?? louvainImport) as unknown as (
  g: UndirectedGraph,
  o: { getEdgeWeight: string; resolution: number; rng: () => number; randomWalk: boolean },
) => Record<string, number>;

export interface WeightedEdge {
  a: string;
  b: string;
  weight: number;
}

export interface CommunityOptions {
  resolution: number;
  seed: number;
  minSize: number;
  /** Visit nodes in a seeded random order (true) or in sorted order (false: ~1.7× faster, same modularity in our bench). */
  randomWalk?: boolean;
}

export function detectCommunities(edges: readonly WeightedEdge[], opts: CommunityOptions): string[][] {
  const sorted = [...edges].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (const e of sorted) {
    if (!graph.hasNode(e.a)) graph.addNode(e.a);
    if (!graph.hasNode(e.b)) graph.addNode(e.b);
    graph.mergeEdge(e.a, e.b, { weight: e.weight });
  }
  if (graph.order === 0) return [];
  const mapping = louvain(graph, { getEdgeWeight: 'weight', resolution: opts.resolution, rng: seededRng(opts.seed), randomWalk: opts.randomWalk ?? true });
  const byCommunity = new Map<number, string[]>();
  graph.forEachNode((n) => {
    const c = mapping[n];
    const list = byCommunity.get(c);
    if (list) list.push(n);
    else byCommunity.set(c, [n]);
  });
  const out: string[][] = [];
  for (const members of byCommunity.values()) {
    for (const comp of componentsWithin(graph, members)) if (comp.length >= opts.minSize) out.push(comp.sort());
  }
  return out.sort((x, y) => y.length - x.length || (x[0] < y[0] ? -1 : 1));
}

function componentsWithin(graph: UndirectedGraph, members: string[]): string[][] {
  const inSet = new Set(members);
  const seen = new Set<string>();
  const comps: string[][] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    const comp: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const n = stack.pop()!;
      comp.push(n);
      graph.forEachNeighbor(n, (m) => {
        if (inSet.has(m) && !seen.has(m)) {
          seen.add(m);
          stack.push(m);
        }
      });
    }
    comps.push(comp);
  }
  return comps;
}
