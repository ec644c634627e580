/**
 * Communities in the account graph: Louvain (Blondel et al. 2008) with a seeded RNG, on typed
 * arrays (louvain-csr.ts: the same moves, in the same order, as graphology-communities-louvain,
 * which the tests hold it to, at 4–5× the speed), then each community split into its connected
 * components — Louvain may group pieces that share no edge.
 *
 * The graph is rebuilt from edges sorted by key every round, so the result depends only on the
 * edge set and the seed, never on arrival history.
 */
import { louvainKeyedEdges } from './louvain-csr.ts';
import { seededRng } from './seeded-rng.ts';

export interface WeightedEdge {
  a: string;
  b: string;
  weight: number;
}

export interface CommunityOptions {
  resolution: number;
  seed: number;
  minSize: number;
  /** Visit nodes from a seeded random start (true, graphology's randomWalk) or in sorted order (false). */
  randomWalk?: boolean;
}

export function detectCommunities(edges: readonly WeightedEdge[], opts: CommunityOptions): string[][] {
  const sorted = uniqueSorted(edges);
  if (sorted.length === 0) return [];
  const { communities, nodes } = louvainKeyedEdges(sorted, {
    resolution: opts.resolution,
    rng: seededRng(opts.seed),
    randomWalk: opts.randomWalk ?? true,
    walk: 'rotate',
    rowOrder: 'input-reversed',
  });
  // connected components inside each community (union-find over intra-community edges)
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n, i));
  const parent = new Int32Array(nodes.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const e of sorted) {
    const a = index.get(e.a)!;
    const b = index.get(e.b)!;
    if (communities[a] !== communities[b]) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, string[]>();
  for (let i = 0; i < nodes.length; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(nodes[i]);
    else groups.set(r, [nodes[i]]);
  }
  const out: string[][] = [];
  for (const g of groups.values()) if (g.length >= opts.minSize) out.push(g.sort());
  return out.sort((x, y) => y.length - x.length || (x[0] < y[0] ? -1 : 1));
}

/** Edges oriented a < b, sorted by (a, b), self loops dropped, one edge per unordered pair (the largest weight, whatever the input order). */
function uniqueSorted(edges: readonly WeightedEdge[]): WeightedEdge[] {
  const oriented: WeightedEdge[] = [];
  for (const e of edges) if (e.a !== e.b) oriented.push(e.a < e.b ? e : { a: e.b, b: e.a, weight: e.weight });
  oriented.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : x.weight - y.weight));
  const out: WeightedEdge[] = [];
  for (const e of oriented) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.a === e.a && prev.b === e.b) out[out.length - 1] = e;
    else out.push(e);
  }
  return out;
}
