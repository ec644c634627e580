/**
 * Louvain: graphology-communities-louvain against the typed-array louvain-csr, on the planted-community
 * graph of bench/pipeline.ts (blocks of 20 nodes, 80 % of edges inside a block): the 200k-draw graph
 * scaled to per-million edges, then 1M actual edges. Louvain-alone rows run both on the same graph
 * (duplicate edges summed). Figures are medians after one untimed warm-up of each (the detector
 * re-clusters every round, so steady state is what matters); resolution 1, seeded rng.
 */
import { UndirectedGraph } from 'graphology';
import louvainImport from 'graphology-communities-louvain';
import { buildCsr, indexKeyedEdges, type KeyedEdge } from '../src/core/cluster/csr-graph.ts';
import { louvainOnCsr } from '../src/core/cluster/louvain-csr.ts';
import { seededRng } from '../src/core/cluster/seeded-rng.ts';
import { median, timeIt, type BenchRow } from './bench-row.ts';

type Detailed = (g: UndirectedGraph, o: object) => { modularity: number; count: number };
const louvain = ((louvainImport as unknown as { default?: unknown }).default ?? louvainImport) as unknown as { detailed: Detailed };

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/**
 * The generator of bench/pipeline.ts (same rng sequence, so the same 200k-edge graph for nodes = 50 000):
 * draws `draws` edges, 80 % inside the endpoint's block of 20, self loops dropped.
 */
export function plantedEdges(draws: number, nodes: number, seed = 11): KeyedEdge[] {
  const rng = seededRng(seed);
  const edges: KeyedEdge[] = [];
  for (let i = 0; i < draws; i++) {
    const a = Math.floor(rng() * nodes);
    const local = rng() < 0.8;
    const b = local ? (Math.floor(a / 20) * 20 + Math.floor(rng() * 20)) % nodes : Math.floor(rng() * nodes);
    if (a !== b) edges.push({ a: `n${a}`, b: `n${b}`, weight: 0.5 + rng() });
  }
  return edges;
}

/** Sorted as detect-communities sorts before building its graph. */
function sortEdges(edges: KeyedEdge[]): KeyedEdge[] {
  return [...edges].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}

/** Duplicates summed, so graphology and louvain-csr run on the same graph. */
function graphologyGraph(edges: readonly KeyedEdge[]): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const e of edges) {
    if (!g.hasNode(e.a)) g.addNode(e.a);
    if (!g.hasNode(e.b)) g.addNode(e.b);
    const key = g.edge(e.a, e.b);
    if (key === undefined) g.addEdge(e.a, e.b, { weight: e.weight });
    else g.updateEdgeAttribute(key, 'weight', (w: number) => w + e.weight);
  }
  return g;
}

/** The build detect-communities does today (mergeEdge: a duplicate keeps the last weight). */
function graphologyGraphAsDetect(edges: readonly KeyedEdge[]): UndirectedGraph {
  const g = new UndirectedGraph({ allowSelfLoops: false });
  for (const e of edges) {
    if (!g.hasNode(e.a)) g.addNode(e.a);
    if (!g.hasNode(e.b)) g.addNode(e.b);
    g.mergeEdge(e.a, e.b, { weight: e.weight });
  }
  return g;
}

function csrFromKeyed(edges: readonly KeyedEdge[]) {
  const ix = indexKeyedEdges(edges);
  return buildCsr(ix.nodes.length, ix.src, ix.dst, ix.weight);
}

interface Measured {
  runs: number;
  seconds: number;
  modularity: number;
  count: number;
}

function measure(runs: number, fn: () => { modularity: number; count: number }): Measured {
  fn();
  const times: number[] = [];
  let last = { modularity: NaN, count: 0 };
  for (let r = 0; r < runs; r++) times.push(timeIt(() => void (last = fn())));
  return { runs, seconds: median(times), ...last };
}

function scenario(edges: KeyedEdge[], runs: number, csrRuns: number, label: string): BenchRow[] {
  const sorted = sortEdges(edges);
  const perM = (s: number) => Number(((s * 1e6) / edges.length).toFixed(3));
  // louvain-csr first: a live graphology graph of this size makes every full GC seconds long
  const csr = csrFromKeyed(sorted);
  const shuffled = measure(csrRuns, () => louvainOnCsr(csr, { resolution: 1, rng: seededRng(1) }));
  const rotated = measure(csrRuns, () => louvainOnCsr(csr, { resolution: 1, rng: seededRng(1), walk: 'rotate' }));
  const csSorted = measure(csrRuns, () => louvainOnCsr(csr, { resolution: 1, rng: seededRng(1), randomWalk: false }));
  const csBuild = measure(csrRuns, () => louvainOnCsr(csrFromKeyed(sorted), { resolution: 1, rng: seededRng(1) }));
  const g = graphologyGraph(sorted);
  const opts = { getEdgeWeight: 'weight', resolution: 1 };
  const gl = measure(runs, () => louvain.detailed(g, { ...opts, rng: seededRng(1) }));
  const glSorted = measure(runs, () => louvain.detailed(g, { ...opts, rng: seededRng(1), randomWalk: false }));
  const glBuild = measure(runs, () => louvain.detailed(graphologyGraphAsDetect(sorted), { ...opts, rng: seededRng(1) }));
  const row = (metric: string, x: Measured, extra = ''): BenchRow => ({
    stage: 'cluster',
    metric,
    value: perM(x.seconds),
    unit: 's per 1M edges',
    note: `${label}; Q=${x.modularity.toFixed(5)}, ${x.count} communities${extra}; median of ${x.runs}`,
  });
  return [
    row('graphology louvain alone, seeded random start', gl),
    row('graphology louvain alone, sorted node order', glSorted),
    row('graphology graph build + louvain', glBuild, '; detect-communities build (mergeEdge: duplicates keep the last weight)'),
    row('louvain-csr alone, seeded shuffled order', shuffled),
    row('louvain-csr alone, random start (graphology walk)', rotated, '; walk rotate'),
    row('louvain-csr alone, sorted node order', csSorted),
    row('louvain-csr index + CSR build + louvain', csBuild, '; from sorted keyed edges'),
  ];
}

export async function run(): Promise<BenchRow[]> {
  const small = plantedEdges(200_000, 50_000);
  const rows = scenario(small, RUNS, RUNS, `${small.length} edges, 50000 nodes`);
  // 1M actual edges at the same density (4 draws per node): graphology once, louvain-csr median of 5,
  // each after a warm-up
  const big = plantedEdges(1_100_000, 275_000).slice(0, 1_000_000);
  rows.push(...scenario(big, 1, 5, `${big.length} edges, 275000 nodes`).map((r) => ({ ...r, metric: `${r.metric} @1M` })));
  return rows;
}
