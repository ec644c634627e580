/**
 * Engine benchmarks: ingest+validation, Louvain per million edges, embedded end to end.
 * Each figure is the median of several runs; SimHash-only runs on one core (the process is
 * single-threaded), the embeddings rows add the encoder's worker thread.
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
import { loadEmbedder } from '../src/runtime/load-embedder.ts';
import { tryLoadGatedEncoder } from '../src/adapters/onnx/gated-encoder.ts';
import { fileURLToPath } from 'node:url';

const MODELS = fileURLToPath(new URL('../models/', import.meta.url));
import type { Metrics } from '../src/runtime/metrics.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rw-bench-'));
  const events = join(dir, 'events.jsonl');
  await writeSimulation({ scenario: 'demo', seed: 3, out: events, truth: join(dir, 'truth.json') });
  // end to end first, on a small heap: the data of the benches below stays live until run() returns
  // and slows every later run's garbage collection (measured: 8–13 % on the end-to-end rows)
  const e2eRows = await endToEndRows(events);
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

  rows.push(...e2eRows);
  return rows;
}

/** Embedded end to end over the demo stream: SimHash only, then with the sentence encoder. */
async function endToEndRows(events: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const simhashOnly = resolveParams({ featurize: { embeddings: { enabled: false } } });
  const e2e: number[] = [];
  let eventCount = 0;
  for (let r = 0; r < Math.min(RUNS, 3); r++) {
    const res = await detectFile({ input: events, params: simhashOnly });
    e2e.push(res.lines / res.seconds);
    eventCount = res.lines;
  }
  rows.push({ stage: 'embedded', metric: 'end-to-end detect (SimHash only)', value: Math.round(median(e2e)), unit: 'events/s', note: `${eventCount} events (demo scenario), median of ${e2e.length}` });
  rows.push(...(await embeddingRows(events, eventCount)));
  return rows;
}

/**
 * The pipeline with semantic similarity on: mode 'gated' (the default when embeddings are enabled:
 * the transformer embeds only what the static-table gate selects) as the median of 3 runs, with
 * the share of notes the transformer embedded; then mode 'all' (every note) once, for scale.
 * The gated worker's start-up (its own row) overlaps the start of each run and is included.
 */
async function embeddingRows(events: string, eventCount: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const gated = resolveParams({ featurize: { embeddings: { enabled: true } } });
  const probe = await loadEmbedder(gated);
  await probe.embedder?.close();
  if (!probe.embedder) {
    rows.push({ stage: 'embedded', metric: 'with embeddings (gated)', value: 0, unit: '', note: `skipped: ${probe.warning}` });
    return rows;
  }
  const t0 = performance.now();
  const boot = (await tryLoadGatedEncoder(join(MODELS, gated.featurize.embeddings.model), { gate: { windowMs: gated.link.windowMs, minCosine: gated.featurize.embeddings.staticMinCosine } })).encoder!;
  await boot.ready;
  const loadS = (performance.now() - t0) / 1000;
  await boot.close();
  rows.push({ stage: 'embedded', metric: 'gated worker start-up (boot, load, verify checksums)', value: Number(loadS.toFixed(2)), unit: 's', note: 'overlaps the start of the stream (the rows below include it)' });
  const runs: { events: number; notes: number; metrics: Metrics }[] = [];
  for (let r = 0; r < Math.min(RUNS, 3); r++) {
    const res = await detectFile({ input: events, params: gated });
    runs.push({ events: res.lines / res.seconds, notes: res.metrics.get('featurize_notes_total') / res.seconds, metrics: res.metrics });
  }
  const m = runs[0].metrics;
  const notes = m.get('featurize_notes_total');
  const vectors = m.get('featurize_embeddings_total');
  const tau = gated.featurize.embeddings.staticMinCosine;
  rows.push({ stage: 'embedded', metric: 'end-to-end detect (embeddings, gated)', value: Math.round(median(runs.map((r) => r.events))), unit: 'events/s', note: `${eventCount} events (demo scenario), median of ${runs.length}; staticMinCosine ${tau}` });
  rows.push({ stage: 'embedded', metric: 'notes through the pipeline (embeddings, gated)', value: Math.round(median(runs.map((r) => r.notes))), unit: 'notes/s', note: `${notes} notes, median of ${runs.length}; 1 gate worker + main thread` });
  rows.push({
    stage: 'embedded',
    metric: 'share of notes the transformer embedded (gated)',
    value: Number(((100 * vectors) / notes).toFixed(1)),
    unit: '%',
    note: `${vectors} vectors (${m.get('featurize_gate_candidates_total')} candidates + ${vectors - m.get('featurize_gate_candidates_total')} earlier matches) for ${notes} notes; ${m.get('featurize_transformer_runs_total')} transformer runs after the exact-text cache`,
  });
  const all = await detectFile({ input: events, params: resolveParams({ featurize: { embeddings: { enabled: true, mode: 'all' } } }) });
  const allNotes = all.metrics.get('featurize_embeddings_total');
  if (allNotes > 0) {
    rows.push({ stage: 'embedded', metric: 'end-to-end detect (embeddings, all notes)', value: Math.round(all.lines / all.seconds), unit: 'events/s', note: `1 run; ${allNotes} notes embedded` });
    rows.push({ stage: 'embedded', metric: 'notes through the pipeline (embeddings, all notes)', value: Math.round(allNotes / all.seconds), unit: 'notes/s', note: `whole pipeline, ${DEFAULTS.featurize.embeddings.workers} encoder workers` });
  }
  return rows;
}
