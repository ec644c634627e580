/**
 * Engine benchmarks: ingest+validation, Louvain per million edges, embedded end to end.
 * Each figure is the median of several runs on one core (the process is single-threaded).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS, resolveParams } from '../src/config/params.ts';
import { detectCommunities, type WeightedEdge } from '../src/core/cluster/detect-communities.ts';
import { seededRng } from '../src/core/cluster/seeded-rng.ts';
import { UndirectedGraph } from 'graphology';
import louvainImport from 'graphology-communities-louvain';

const louvain = ((louvainImport as unknown as { default?: unknown }).default ?? louvainImport) as unknown as (g: UndirectedGraph, o: object) => Record<string, number>;
import { detectFile } from '../src/runtime/detect-file.ts';
import { createMetrics } from '../src/runtime/metrics.ts';
import { createIngestStage } from '../src/stages/ingest/ingest-stage.ts';
import { writeSimulation } from '../src/sim/index.ts';
import { readJsonlLines, routeRaw } from '../src/adapters/files/jsonl-reader.ts';
import { median, timeIt, type BenchRow } from './bench-row.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rw-bench-'));
  const events = join(dir, 'events.jsonl');
  await writeSimulation({ scenario: 'demo', seed: 3, out: events, truth: join(dir, 'truth.json') });
  const lines: Buffer[] = [];
  for await (const batch of readJsonlLines(events)) for (const l of batch) lines.push(Buffer.from(l.raw));
  const rows: BenchRow[] = [];

  // ingest: decode + validate + dedupe + order, no downstream
  const ingestRates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const stage = createIngestStage(DEFAULTS.ingest, createMetrics());
    stage.assign?.(['accounts:0', 'notes:0', 'interactions:0']);
    let n = 0;
    const emit = () => void n++;
    const s = timeIt(() => {
      for (let i = 0; i < lines.length; i++) {
        const role = routeRaw(lines[i]);
        stage.handle({ role, partition: `${role}:0`, source: `b:${i}`, value: lines[i] }, emit);
        if (i % 2000 === 1999) stage.endBatch!(emit);
      }
      stage.flush(emit);
    });
    ingestRates.push(lines.length / s);
  }
  rows.push({ stage: 'ingest', metric: 'validate+dedupe+order', value: Math.round(median(ingestRates)), unit: 'events/s', note: `${lines.length} events, median of ${RUNS}` });

  // Louvain on a sparse graph with planted communities, 200k edges, scaled to per-million
  const rng = seededRng(11);
  const edges: WeightedEdge[] = [];
  const nodes = 50_000;
  for (let i = 0; i < 200_000; i++) {
    const a = Math.floor(rng() * nodes);
    const local = rng() < 0.8;
    const b = local ? (Math.floor(a / 20) * 20 + Math.floor(rng() * 20)) % nodes : Math.floor(rng() * nodes);
    if (a !== b) edges.push({ a: `n${a}`, b: `n${b}`, weight: 0.5 + rng() });
  }
  const lv: number[] = [];
  const bare: number[] = [];
  const sortedOrder: number[] = [];
  for (let r = 0; r < Math.min(RUNS, 3); r++) {
    lv.push(timeIt(() => detectCommunities(edges, { resolution: 1, seed: 1, minSize: 3 })));
    const g = new UndirectedGraph();
    for (const e of edges) {
      if (!g.hasNode(e.a)) g.addNode(e.a);
      if (!g.hasNode(e.b)) g.addNode(e.b);
      g.mergeEdge(e.a, e.b, { weight: e.weight });
    }
    bare.push(timeIt(() => louvain(g, { getEdgeWeight: 'weight', resolution: 1, rng: seededRng(1) })));
    sortedOrder.push(timeIt(() => louvain(g, { getEdgeWeight: 'weight', resolution: 1, rng: seededRng(1), randomWalk: false })));
  }
  rows.push({ stage: 'cluster', metric: 'detectCommunities: sort+index+louvain-csr+components', value: Number(((median(lv) * 1e6) / edges.length).toFixed(2)), unit: 's per 1M edges', note: `${edges.length} edges, ${nodes} nodes` });
  rows.push({ stage: 'cluster', metric: 'reference: graphology-communities-louvain alone, random start', value: Number(((median(bare) * 1e6) / edges.length).toFixed(2)), unit: 's per 1M edges', note: `${edges.length} edges` });
  rows.push({ stage: 'cluster', metric: 'reference: graphology-communities-louvain alone, sorted order', value: Number(((median(sortedOrder) * 1e6) / edges.length).toFixed(2)), unit: 's per 1M edges', note: 'randomWalk: false (cluster.louvainRandomWalk)' });

  // embedded end to end over the demo stream: SimHash only, then with the sentence encoder
  const simhashOnly = resolveParams({ featurize: { embeddings: { enabled: false } } });
  const e2e: number[] = [];
  for (let r = 0; r < Math.min(RUNS, 3); r++) {
    const res = await detectFile({ input: events, params: simhashOnly });
    e2e.push(res.lines / res.seconds);
  }
  rows.push({ stage: 'embedded', metric: 'end-to-end detect (SimHash only)', value: Math.round(median(e2e)), unit: 'events/s', note: `${lines.length} events (demo scenario), median of ${e2e.length}` });
  const sem = await detectFile({ input: events, params: resolveParams({ featurize: { embeddings: { enabled: true } } }) });
  const notes = sem.metrics.get('featurize_embeddings_total');
  if (notes === 0) rows.push({ stage: 'embedded', metric: 'with embeddings', value: 0, unit: '', note: 'model not fetched (npm run models:fetch): skipped' });
  else {
    rows.push({ stage: 'embedded', metric: 'end-to-end detect (with embeddings)', value: Math.round(sem.lines / sem.seconds), unit: 'events/s', note: `1 run; ${notes} notes embedded` });
    rows.push({ stage: 'embedded', metric: 'notes through the pipeline with embeddings', value: Math.round(notes / sem.seconds), unit: 'notes/s', note: 'whole pipeline, 2 encoder workers' });
  }
  return rows;
}
