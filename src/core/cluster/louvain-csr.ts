/**
 * Louvain modularity optimisation on typed arrays.
 *
 * [Articles]
 * Blondel, Guillaume, Lambiotte, Lefebvre, « Fast unfolding of communities in large networks »,
 * J. Stat. Mech. (2008) P10008, https://arxiv.org/abs/0803.0476 — local moving + aggregation.
 * Traag, Waltman, van Eck, « From Louvain to Leiden », Sci. Rep. 9, 5233 (2019) — the fast local move
 * queue (only neighbours of a moved node are revisited).
 * Lambiotte, Delvenne, Barahona, « Laplacian Dynamics and Multiscale Modular Structure in Networks »,
 * https://arxiv.org/abs/0812.1770 — the resolution γ in Q = Σ_c [ w_in(c)/m − γ (tot(c)/2m)² ].
 *
 * It follows graphology-communities-louvain 2.0.2 step for step (fast local moves, the same gain, its
 * tie-breaking with ε = 1e-10, isolating a node when every move loses, aggregation until a level makes no
 * move), with these differences:
 * - randomWalk visits each level's nodes in a seeded Fisher–Yates permutation (walk 'shuffle', the
 *   default); graphology only draws a random starting index and then visits nodes in index order, which
 *   walk 'rotate' reproduces. With 'rotate' (or randomWalk false), rowOrder 'input-reversed', nodes numbered
 *   in graphology's order and the same rng, the partition is graphology's exactly, barring gains that tie
 *   within floating-point noise;
 * - duplicate edges are summed, as graphology's Louvain does on a multigraph (detect-communities builds
 *   its graph with mergeEdge, which keeps the last weight instead);
 * - community ids are dense, numbered by each community's first node in id order;
 * - an edgeless graph gives singletons with modularity NaN (as graphology) and levels 0.
 */
import { buildCsr, type CsrGraph, type CsrOptions, type IndexArray, type KeyedEdge, GraphInputError, indexKeyedEdges } from './csr-graph.ts';
import { inducedGraph } from './induced-graph.ts';

export interface LouvainOptions {
  /** γ: higher gives smaller communities. */
  resolution?: number;
  /** Seeded uniform [0, 1) source; used only when randomWalk is true. Never Math.random. */
  rng: () => number;
  /** Visit each level's nodes in a seeded random order (true) or in id order (false). */
  randomWalk?: boolean;
  /** The random order: a seeded permutation per level, or graphology's random start then id order. */
  walk?: 'shuffle' | 'rotate';
  /** Stop after this many aggregations (the communities found by then are returned). */
  maxLevels?: number;
}

export const LOUVAIN_DEFAULTS = Object.freeze({ resolution: 1, randomWalk: true, walk: 'shuffle' as 'shuffle' | 'rotate', maxLevels: Infinity });

export interface LouvainResult {
  /** Community of each node, dense ids 0..count-1 in order of each community's first node. */
  communities: Int32Array;
  count: number;
  /** Q of the returned partition at the requested resolution (NaN for a graph without weight). */
  modularity: number;
  /** Number of aggregations performed (graphology's `level`). */
  levels: number;
}

/** Two gains closer than this are a tie (graphology's EPSILON). */
const EPSILON = 1e-10;

/** Louvain over integer-indexed weighted undirected edges (see buildCsr for duplicates and self loops). */
export function louvainCsr(nodeCount: number, src: IndexArray, dst: IndexArray, weight: Float64Array, opts: LouvainOptions & CsrOptions): LouvainResult {
  return louvainOnCsr(buildCsr(nodeCount, src, dst, weight, opts), opts);
}

/** Louvain over string-keyed edges (sort them first for determinism); node i of the result is nodes[i]. */
export function louvainKeyedEdges(edges: readonly KeyedEdge[], opts: LouvainOptions & CsrOptions): LouvainResult & { nodes: string[] } {
  const ix = indexKeyedEdges(edges);
  return { nodes: ix.nodes, ...louvainCsr(ix.nodes.length, ix.src, ix.dst, ix.weight, opts) };
}

export function louvainOnCsr(graph: CsrGraph, opts: LouvainOptions): LouvainResult {
  const resolution = opts.resolution ?? LOUVAIN_DEFAULTS.resolution;
  const randomWalk = opts.randomWalk ?? LOUVAIN_DEFAULTS.randomWalk;
  const walk = opts.walk ?? LOUVAIN_DEFAULTS.walk;
  const maxLevels = opts.maxLevels ?? LOUVAIN_DEFAULTS.maxLevels;
  if (!(resolution >= 0) || resolution === Infinity) bad(`resolution must be finite and >= 0, got ${resolution}`);
  if (walk !== 'shuffle' && walk !== 'rotate') bad(`walk must be 'shuffle' or 'rotate', got ${String(walk)}`);
  if (!(maxLevels >= 0)) bad(`maxLevels must be >= 0, got ${maxLevels}`);
  if (typeof opts.rng !== 'function') bad('rng must be a seeded function');

  const n = graph.nodeCount;
  const mapping = new Int32Array(n);
  for (let i = 0; i < n; i++) mapping[i] = i;
  if (!(graph.totalWeight > 0)) return { communities: mapping, count: n, modularity: NaN, levels: 0 };

  const work = new Workspace(n);
  const rng = randomWalk ? opts.rng : null;
  let g = graph;
  let levels = 0;
  while (levels < maxLevels && localMoves(work, g, resolution, rng, walk === 'rotate')) {
    const next = inducedGraph(g, work.comm);
    for (let i = 0; i < n; i++) mapping[i] = next.relabel[work.comm[mapping[i]]];
    g = next.graph;
    levels++;
  }
  // Each aggregation numbers communities by their first member, so by induction the ids in mapping are
  // already dense in order of each community's first original node.
  return { communities: mapping, count: g.nodeCount, modularity: singletonModularity(g, resolution), levels };
}

function bad(message: string): never {
  throw new GraphInputError('GRAPH_BAD_INPUT', message);
}

/**
 * Scratch arrays sized for the first level and reused by every level, plus the current level's graph.
 * The work is split into small functions called once per node (visit, gather): V8 optimises them whole,
 * where one long loop was compiled on-stack, deoptimised repeatedly on a cold run and ran 3× slower.
 */
class Workspace {
  readonly comm: Int32Array;
  readonly tot: Float64Array;
  readonly size: Int32Array;
  readonly unused: Int32Array;
  readonly queue: Int32Array;
  readonly inQueue: Uint8Array;
  /** Indexed by community, all zeros between calls to gather; allocated only if a row is long. */
  linkWeight: Float64Array = new Float64Array(0);
  /** Sized by the longest row of the level. */
  touched: Int32Array = new Int32Array(0);
  touchedWeight: Float64Array = new Float64Array(0);
  // the current level
  n = 0;
  offsets: Int32Array = new Int32Array(0);
  neighbours: Int32Array = new Int32Array(0);
  weights: Float64Array = new Float64Array(0);
  loops: Float64Array = new Float64Array(0);
  gammaOver2m = 0;
  head = 0;
  pending = 0;
  free = 0;
  ownWeight = 0;
  /** The visited node's arc weights summed in row order (graphology's `degree`, loops excluded). */
  degree = 0;
  constructor(n: number) {
    this.comm = new Int32Array(n);
    this.tot = new Float64Array(n);
    this.size = new Int32Array(n);
    this.unused = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.inQueue = new Uint8Array(n);
  }
}

/**
 * One local-moving phase: every node starts as a singleton and is queued once (in a seeded random order
 * when rng is given); a node that moves queues its neighbours outside its new community. Returns whether
 * any node moved; leaves each node's community in w.comm.
 */
function localMoves(w: Workspace, g: CsrGraph, resolution: number, rng: (() => number) | null, rotate: boolean): boolean {
  const n = g.nodeCount;
  w.n = n;
  w.offsets = g.offsets;
  w.neighbours = g.neighbours;
  w.weights = g.weights;
  w.loops = g.loops;
  w.gammaOver2m = resolution / (2 * g.totalWeight);
  const { tot, comm, size, queue, inQueue } = w;
  const { offsets, weights, loops } = g;
  let longest = 0;
  for (let i = 0; i < n; i++) {
    let k = loops[i];
    for (let p = offsets[i], end = offsets[i + 1]; p < end; p++) k += weights[p];
    longest = Math.max(longest, offsets[i + 1] - offsets[i]);
    tot[i] = k;
    comm[i] = i;
    size[i] = 1;
    queue[i] = i;
    inQueue[i] = 1;
  }
  // Scratch sized to need: at scale, allocations are what trigger full garbage collections.
  if (w.touched.length < longest) {
    w.touched = new Int32Array(longest);
    w.touchedWeight = new Float64Array(longest);
  }
  if (longest > SMALL_ROW && w.linkWeight.length < n) w.linkWeight = new Float64Array(n);
  if (rng && rotate) {
    const r = Math.floor(rng() * n);
    for (let s = 0; s < n; s++) queue[s] = r + s < n ? r + s : r + s - n;
  } else if (rng) shuffle(queue, n, rng);
  w.head = 0;
  w.pending = n;
  w.free = 0;
  let moved = false;
  while (w.pending !== 0) {
    const i = queue[w.head];
    w.head = w.head + 1 === n ? 0 : w.head + 1;
    w.pending--;
    inQueue[i] = 0;
    if (visit(w, i)) moved = true;
  }
  return moved;
}

/** Fisher–Yates over queue[0..n). */
function shuffle(queue: Int32Array, n: number, rng: () => number): void {
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = queue[i];
    queue[i] = queue[j];
    queue[j] = t;
  }
}

/** Moves node i to the community with the best gain, if any, and queues its neighbours left outside. */
function visit(w: Workspace, i: number): boolean {
  const { comm, tot, touched, touchedWeight } = w;
  const current = comm[i];
  const nt = gather(w, i, current);

  // Gain of joining community t with node i taken out: k_i,t − γ k_i tot_t / 2m (graphology's fastDelta).
  const k = w.degree + w.loops[i];
  const scale = k * w.gammaOver2m;
  let best = current;
  let bestDelta = w.ownWeight - scale * (tot[current] - k);
  for (let x = 0; x < nt; x++) {
    const t = touched[x];
    const delta = touchedWeight[x] - scale * tot[t];
    if (Math.abs(delta - bestDelta) < EPSILON) {
      // a tie: stay put if staying is among the best, else take the larger id (graphology's tieBreaker)
      if (best !== current && t > best) {
        best = t;
        bestDelta = delta;
      }
    } else if (delta > bestDelta) {
      best = t;
      bestDelta = delta;
    }
  }

  const size = w.size;
  if (bestDelta < 0) {
    // Every community, its own included, loses: the node is better alone.
    if (size[current] === 1) return false;
    best = w.unused[--w.free];
  } else if (best === current) return false;

  tot[current] -= k;
  tot[best] += k;
  comm[i] = best;
  size[best]++;
  if (--size[current] === 0) w.unused[w.free++] = current;

  const { queue, inQueue, n, neighbours } = w;
  for (let p = w.offsets[i], end = w.offsets[i + 1]; p < end; p++) {
    const j = neighbours[p];
    if (inQueue[j] === 0 && comm[j] !== best) {
      inQueue[j] = 1;
      let tail = w.head + w.pending;
      if (tail >= n) tail -= n;
      queue[tail] = j;
      w.pending++;
    }
  }
  return true;
}

/** Rows up to this long gather their neighbours' communities by linear scan in a small, cached buffer. */
const SMALL_ROW = 32;

/**
 * Lists the communities adjacent to node i other than its own in w.touched[0..nt) (first-seen order), the
 * weight of i's arcs into each in w.touchedWeight, the weight into its own community in w.ownWeight and
 * the sum of its arc weights in w.degree.
 * Returns nt. Short rows scan a small buffer instead of a community-indexed array: on large graphs that
 * array misses the cache on every arc, and local moving is bound by memory latency.
 */
function gather(w: Workspace, i: number, current: number): number {
  const { comm, neighbours, weights, touched, touchedWeight } = w;
  const start = w.offsets[i];
  const end = w.offsets[i + 1];
  let own = 0;
  let degree = 0;
  let nt = 0;
  if (end - start <= SMALL_ROW) {
    for (let p = start; p < end; p++) {
      const c = comm[neighbours[p]];
      degree += weights[p];
      if (c === current) {
        own += weights[p];
        continue;
      }
      let x = 0;
      while (x < nt && touched[x] !== c) x++;
      if (x === nt) {
        touched[nt] = c;
        touchedWeight[nt++] = weights[p];
      } else touchedWeight[x] += weights[p];
    }
  } else {
    // A zero entry marks a community not yet seen (a zero-weight edge may list a community twice, which
    // only repeats a comparison).
    const linkWeight = w.linkWeight;
    for (let p = start; p < end; p++) {
      const c = comm[neighbours[p]];
      degree += weights[p];
      if (c === current) {
        own += weights[p];
        continue;
      }
      const lw = linkWeight[c];
      if (lw === 0) touched[nt++] = c;
      linkWeight[c] = lw + weights[p];
    }
    for (let x = 0; x < nt; x++) {
      const c = touched[x];
      touchedWeight[x] = linkWeight[c];
      linkWeight[c] = 0;
    }
  }
  w.ownWeight = own;
  w.degree = degree;
  return nt;
}

/** Q when every node of g is its own community: Σ_c loops_c/2m − γ (k_c/2m)². */
function singletonModularity(g: CsrGraph, resolution: number): number {
  const m2 = 2 * g.totalWeight;
  let q = 0;
  for (let c = 0; c < g.nodeCount; c++) {
    let k = g.loops[c];
    for (let p = g.offsets[c], end = g.offsets[c + 1]; p < end; p++) k += g.weights[p];
    q += g.loops[c] / m2 - resolution * (k / m2) * (k / m2);
  }
  return q;
}
