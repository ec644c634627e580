/**
 * Louvain's aggregation step on a CSR graph (Blondel et al. 2008, phase two): each community becomes one
 * node whose self loop carries the community's internal weight, so modularity on the induced graph equals
 * modularity of the partition on the original.
 */
import type { CsrGraph } from './csr-graph.ts';

/**
 * The graph induced by a partition (Louvain's aggregation step): one node per community, numbered by its
 * first member in node order (relabel[community] is the new id); arcs between communities summed, rows
 * ascending; a community's internal arcs (both directions) and its members' loops become its loops.
 * community[i] must lie in [0, nodeCount).
 */
export function inducedGraph(g: CsrGraph, community: Int32Array): { graph: CsrGraph; relabel: Int32Array } {
  const n = g.nodeCount;
  const relabel = new Int32Array(n).fill(-1);
  let c = 0;
  for (let i = 0; i < n; i++) if (relabel[community[i]] < 0) relabel[community[i]] = c++;
  // Members grouped by new id (counting sort, stable in node order).
  const first = new Int32Array(c + 1);
  for (let i = 0; i < n; i++) first[relabel[community[i]] + 1]++;
  for (let x = 0; x < c; x++) first[x + 1] += first[x];
  const fill = first.slice(0, c);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[relabel[community[i]]]++] = i;

  // Arcs between different communities bound the induced arcs (duplicates merge). Counting them first
  // costs a pass but allocates a fraction of the arc arrays at the first level, where most arcs fall
  // inside communities; at scale those allocations are what trigger full garbage collections.
  let crossing = 0;
  for (let i = 0; i < n; i++) {
    const ci = community[i];
    for (let p = g.offsets[i], end = g.offsets[i + 1]; p < end; p++) if (community[g.neighbours[p]] !== ci) crossing++;
  }
  const out: Induced = {
    offsets: new Int32Array(c + 1),
    loops: new Float64Array(c),
    neighbours: new Int32Array(crossing),
    weights: new Float64Array(crossing),
    size: 0,
    linkWeight: new Float64Array(c),
    stamp: new Int32Array(c),
    touched: new Int32Array(c),
  };
  // One call per row rather than one long loop: V8 optimises the small function whole.
  for (let ci = 0; ci < c; ci++) inducedRow(g, community, relabel, out, ci, members, first[ci], first[ci + 1]);
  out.offsets[c] = out.size;
  const graph = { nodeCount: c, offsets: out.offsets, neighbours: out.neighbours.subarray(0, out.size), weights: out.weights.subarray(0, out.size), loops: out.loops, totalWeight: g.totalWeight };
  return { graph, relabel };
}

interface Induced {
  offsets: Int32Array;
  loops: Float64Array;
  neighbours: Int32Array;
  weights: Float64Array;
  size: number;
  linkWeight: Float64Array;
  /** stamp[cj] === ci + 1: linkWeight[cj] holds row ci's weight to cj. */
  stamp: Int32Array;
  touched: Int32Array;
}

function inducedRow(g: CsrGraph, community: Int32Array, relabel: Int32Array, out: Induced, ci: number, members: Int32Array, from: number, to: number): void {
  const { offsets, neighbours, weights, loops } = g;
  const { linkWeight, stamp, touched } = out;
  const token = ci + 1;
  let nt = 0;
  let internal = 0;
  for (let x = from; x < to; x++) {
    const i = members[x];
    internal += loops[i];
    for (let p = offsets[i], end = offsets[i + 1]; p < end; p++) {
      const cj = relabel[community[neighbours[p]]];
      if (cj === ci) internal += weights[p];
      else if (stamp[cj] !== token) {
        stamp[cj] = token;
        linkWeight[cj] = weights[p];
        touched[nt++] = cj;
      } else linkWeight[cj] += weights[p];
    }
  }
  if (nt > 1) touched.subarray(0, nt).sort();
  out.offsets[ci] = out.size;
  out.loops[ci] = internal;
  let o = out.size;
  for (let x = 0; x < nt; x++) {
    const cj = touched[x];
    out.neighbours[o] = cj;
    out.weights[o++] = linkWeight[cj];
  }
  out.size = o;
}
