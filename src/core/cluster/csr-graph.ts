/**
 * A weighted undirected graph in compressed sparse row form, built from integer-indexed edges,
 * for the typed-array Louvain (louvain-csr.ts).
 *
 * Conventions (the same as graphology's Louvain index, so modularity figures compare):
 * - every undirected edge {u, v} is stored as two arcs, u→v and v→u, each with the edge weight;
 * - duplicate edges (either orientation) are merged into one and their weights summed, in input order;
 * - a self loop of weight w is not stored as an arc: it adds 2w to `loops[u]` (so the node's degree
 *   gains 2w) and w to the total weight m, as graphology counts a self loop in a graph that allows them;
 * - by default each row is sorted by neighbour id, so the CSR, and everything computed from it, does not
 *   depend on the order the edges were given in (floating-point sums of three or more duplicates excepted).
 */

export type IndexArray = Int32Array | Uint32Array;

export interface CsrGraph {
  readonly nodeCount: number;
  /** Row starts, length nodeCount + 1: node u's arcs are [offsets[u], offsets[u + 1]). */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly weights: Float64Array;
  /** Twice the self-loop weight of each node (internal weight of an aggregated node). */
  readonly loops: Float64Array;
  /** m: the sum of all edge weights, each undirected edge and self loop counted once. */
  readonly totalWeight: number;
}

/** A string-keyed weighted edge, structurally the same as detect-communities' WeightedEdge. */
export interface KeyedEdge {
  a: string;
  b: string;
  weight: number;
}

export const GRAPH_ERROR_CODES = Object.freeze([
  /** Node count, endpoint or weight out of range, or arrays of different lengths. */
  'GRAPH_BAD_INPUT',
] as const);
export type GraphErrorCode = (typeof GRAPH_ERROR_CODES)[number];

export class GraphInputError extends Error {
  readonly code: GraphErrorCode;
  /** Bad input stays bad: retrying cannot help. */
  readonly retriable = false;
  constructor(code: GraphErrorCode, message: string) {
    super(message);
    this.name = 'GraphInputError';
    this.code = code;
  }
}

function bad(message: string): never {
  throw new GraphInputError('GRAPH_BAD_INPUT', message);
}

export interface CsrOptions {
  /**
   * 'sorted' (default): rows by ascending neighbour id, independent of edge order.
   * 'input-reversed': rows in reverse order of the edges' first occurrence, the order graphology's Louvain
   * index gives a graph whose edges were added in this order; with it (and walk 'rotate') louvain-csr
   * reproduces graphology-communities-louvain's partition.
   */
  rowOrder?: 'sorted' | 'input-reversed';
}

/**
 * Builds the CSR from parallel arrays: edge e joins src[e] and dst[e] with weight[e].
 * Weights must be finite and ≥ 0; endpoints must lie in [0, nodeCount).
 */
export function buildCsr(nodeCount: number, src: IndexArray, dst: IndexArray, weight: Float64Array, opts: CsrOptions = {}): CsrGraph {
  if (!Number.isInteger(nodeCount) || nodeCount < 0) bad(`nodeCount must be a non-negative integer, got ${nodeCount}`);
  const edgeCount = src.length;
  if (dst.length !== edgeCount || weight.length !== edgeCount) bad(`src, dst and weight lengths differ: ${src.length}, ${dst.length}, ${weight.length}`);
  if (edgeCount * 2 > 0x7fffffff) bad(`too many edges for 32-bit arc offsets: ${edgeCount}`);
  const rowOrder = opts.rowOrder ?? 'sorted';
  if (rowOrder !== 'sorted' && rowOrder !== 'input-reversed') bad(`rowOrder must be 'sorted' or 'input-reversed', got ${String(rowOrder)}`);

  const n = nodeCount;
  const loops = new Float64Array(n);
  const start = new Int32Array(n + 1);
  let m = 0;
  for (let e = 0; e < edgeCount; e++) {
    const u = src[e];
    const v = dst[e];
    const w = weight[e];
    if (u >= n || v >= n || u < 0 || v < 0) bad(`edge ${e} has endpoint out of range: ${u}, ${v} (nodeCount ${n})`);
    if (!(w >= 0) || w === Infinity) bad(`edge ${e} has weight ${w}: weights must be finite and >= 0`);
    m += w;
    if (u === v) loops[u] += 2 * w;
    else {
      start[u + 1]++;
      start[v + 1]++;
    }
  }

  // Pass 1: bucket arcs by source row, in input order.
  for (let u = 0; u < n; u++) start[u + 1] += start[u];
  const arcs = start[n];
  const cursor = start.slice(0, n);
  const nbA = new Int32Array(arcs);
  const wA = new Float64Array(arcs);
  for (let e = 0; e < edgeCount; e++) {
    const u = src[e];
    const v = dst[e];
    if (u === v) continue;
    const w = weight[e];
    let p = cursor[u]++;
    nbA[p] = v;
    wA[p] = w;
    p = cursor[v]++;
    nbA[p] = u;
    wA[p] = w;
  }
  const offsets = new Int32Array(n + 1);
  const out = rowOrder === 'sorted' ? sortedRows(n, start, nbA, wA, offsets) : reversedRows(n, start, nbA, wA, cursor, offsets);
  return { nodeCount: n, offsets, neighbours: out.nb, weights: out.w, loops, totalWeight: m };
}

/** Rows by ascending neighbour, duplicates summed in input order. */
function sortedRows(n: number, start: Int32Array, nb: Int32Array, w: Float64Array, offsets: Int32Array) {
  let out = 0;
  for (let u = 0; u < n; u++) {
    const from = start[u];
    const to = start[u + 1];
    if (to - from <= 32) insertionSortRow(nb, w, from, to);
    else sortLongRow(nb, w, from, to);
    // merge runs of equal neighbours (duplicate edges), compacting in place
    offsets[u] = out;
    let last = -1;
    for (let p = from; p < to; p++) {
      const v = nb[p];
      if (v === last) w[out - 1] += w[p];
      else {
        nb[out] = v;
        w[out++] = w[p];
        last = v;
      }
    }
  }
  offsets[n] = out;
  return { nb: nb.subarray(0, out), w: w.subarray(0, out) };
}

/** Stable: equal neighbours keep input order, so duplicates are summed in input order. */
function insertionSortRow(nb: Int32Array, w: Float64Array, from: number, to: number): void {
  for (let p = from + 1; p < to; p++) {
    const v = nb[p];
    const x = w[p];
    let q = p - 1;
    while (q >= from && nb[q] > v) {
      nb[q + 1] = nb[q];
      w[q + 1] = w[q];
      q--;
    }
    nb[q + 1] = v;
    w[q + 1] = x;
  }
}

/** Long rows (hubs, rare): sort positions by neighbour then position, and permute. */
function sortLongRow(nb: Int32Array, w: Float64Array, from: number, to: number): void {
  const rowNb = nb.slice(from, to);
  const rowW = w.slice(from, to);
  const order = Int32Array.from({ length: to - from }, (_, x) => x).sort((x, y) => rowNb[x] - rowNb[y] || x - y);
  for (let x = 0; x < order.length; x++) {
    nb[from + x] = rowNb[order[x]];
    w[from + x] = rowW[order[x]];
  }
}

/** Rows in reverse order of first occurrence, duplicates summed into the first occurrence. */
function reversedRows(n: number, start: Int32Array, nb: Int32Array, w: Float64Array, owner: Int32Array, offsets: Int32Array) {
  const where = new Int32Array(n);
  owner.fill(-1);
  let out = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = out;
    for (let p = start[u], end = start[u + 1]; p < end; p++) {
      const v = nb[p];
      if (owner[v] === u) w[where[v]] += w[p];
      else {
        owner[v] = u;
        where[v] = out;
        nb[out] = v;
        w[out] = w[p];
        out++;
      }
    }
    for (let x = offsets[u], y = out - 1; x < y; x++, y--) {
      const tv = nb[x];
      nb[x] = nb[y];
      nb[y] = tv;
      const tw = w[x];
      w[x] = w[y];
      w[y] = tw;
    }
  }
  offsets[n] = out;
  return { nb: nb.subarray(0, out), w: w.subarray(0, out) };
}

export interface IndexedEdges {
  /** Node names in order of first appearance in the edges; node id i is nodes[i]. */
  nodes: string[];
  src: Int32Array;
  dst: Int32Array;
  weight: Float64Array;
}

/**
 * Maps string-keyed edges to integer ids, numbering nodes by first appearance (a then b, edge by edge):
 * the order graphology gives nodes added that way, as detect-communities does. Callers sort the edges
 * first (as detect-communities does) so that ids, and everything built on them, do not depend on arrival.
 */
export function indexKeyedEdges(edges: readonly KeyedEdge[]): IndexedEdges {
  const ids = new Map<string, number>();
  const nodes: string[] = [];
  const k = edges.length;
  const src = new Int32Array(k);
  const dst = new Int32Array(k);
  const weight = new Float64Array(k);
  // Sorted input repeats `a` edge after edge: compare with the previous one before hashing.
  let lastName: string | undefined;
  let a = -1;
  for (let e = 0; e < k; e++) {
    const edge = edges[e];
    if (edge.a !== lastName) {
      lastName = edge.a;
      const id = ids.get(lastName);
      if (id === undefined) {
        ids.set(lastName, (a = nodes.length));
        nodes.push(lastName);
      } else a = id;
    }
    let b = ids.get(edge.b);
    if (b === undefined) {
      ids.set(edge.b, (b = nodes.length));
      nodes.push(edge.b);
    }
    src[e] = a;
    dst[e] = b;
    weight[e] = edge.weight;
  }
  return { nodes, src, dst, weight };
}
