/**
 * Embedding benchmarks: transformer notes/s per core by batch size and ONNX
 * intra-op threads, the worker-pool variant, tokenizer cost, neighbour-index
 * build/query throughput and recall, template-family assignment.
 * Figures are medians of BENCH_RUNS (default 3) runs on a shared 2-core machine.
 * Transformer throughput is reported per CPU-second of this process (all its
 * threads), which other developers' load on the same cores distorts far less
 * than wall-clock rates; the wall rate and the load average go in the note.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEncoderPool } from '../src/adapters/onnx/encoder-pool.ts';
import { tryLoadGatedEncoder } from '../src/adapters/onnx/gated-encoder.ts';
import { STATIC_TABLE_BIN } from '../src/adapters/onnx/static-table.ts';
import { DEFAULTS } from '../src/config/params.ts';
import { simGateNotes } from '../test/adapters/onnx/fixtures/sim-gate-notes.ts';
import { loadEncoder, type SentenceEncoder } from '../src/adapters/onnx/sentence-encoder.ts';
import { loadTextTokenizer } from '../src/adapters/onnx/text-tokenizer.ts';
import { ExactIndex } from '../src/core/semantic/exact-index.ts';
import { HnswIndex } from '../src/core/semantic/hnsw-index.ts';
import type { NeighbourIndex } from '../src/core/semantic/neighbour-index.ts';
import { TemplateFamilies } from '../src/core/semantic/template-families.ts';
import { makeNoteCorpus } from '../test/adapters/onnx/fixtures/note-corpus.ts';
import { randomUnitVectors } from '../test/core/semantic/random-unit-vectors.ts';
import { median, type BenchRow } from './bench-row.ts';

const RUNS = Math.max(1, Math.min(Number(process.env.BENCH_RUNS ?? 3), 5));
const MODELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../models');
const BGE = path.join(MODELS, 'bge-small-zh-v15-q');
const MINILM = path.join(MODELS, 'all-minilm-l6-v2-q');
const STAGE = 'embedding';

/** Wall-clock notes/s, and notes per CPU-second of this process (all threads, workers included). */
async function rate(enc: SentenceEncoder, texts: string[]): Promise<{ wall: number; cpu: number }> {
  await enc.embed(texts.slice(0, 16)); // warm-up: first runs allocate arenas
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await enc.embed(texts);
    const s = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    wall.push(texts.length / s);
    cpu.push(texts.length / ((c.user + c.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const round = (x: number, d = 1): number => Number(x.toFixed(d));

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(path.join(BGE, 'model.onnx'))) {
    return [{ stage: STAGE, metric: 'skipped', value: 0, unit: '', note: 'model files absent: run `npm run models:fetch`' }];
  }
  const rows: BenchRow[] = [];
  const notes = makeNoteCorpus(256, 7).map((n) => n.text);
  const meanChars = Math.round(notes.reduce((s, t) => s + t.length, 0) / notes.length);
  // Other developers share the 2 cores: the 1-minute load average says how contended a figure was.
  const load = (): string => `load1 ${loadavg()[0].toFixed(1)}`;
  const corpusNote = `${notes.length} zh notes, mean ${meanChars} chars`;

  // Tokenizer alone (part of every embed call).
  const tok = await loadTextTokenizer(path.join(BGE, 'tokenizer.json'), 512);
  const tokRates: number[] = [];
  let tokens = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    tokens = 0;
    for (const t of notes) tokens += tok.encode(t).length;
    tokRates.push(notes.length / ((performance.now() - t0) / 1000));
  }
  rows.push({ stage: STAGE, metric: 'tokenize bge', value: Math.round(median(tokRates)), unit: 'notes/s', note: `${corpusNote}, mean ${Math.round(tokens / notes.length)} tokens` });

  // Transformer in-process: batch size × intra-op threads.
  for (const threads of [1, 2]) {
    for (const batchSize of [1, 8, 32]) {
      const enc = await loadEncoder(BGE, { intraOpNumThreads: threads, batchSize });
      const r = await rate(enc, notes);
      await enc.close();
      rows.push({ stage: STAGE, metric: `bge-small-zh int8 batch=${batchSize} threads=${threads}`, value: round(r.cpu), unit: 'notes/cpu-s', note: `wall ${round(r.wall)} notes/s; ${corpusNote}; ${load()}` });
    }
  }
  {
    const enc = await loadEncoder(MINILM, { intraOpNumThreads: 1, batchSize: 1 });
    const r = await rate(enc, notes);
    await enc.close();
    rows.push({ stage: STAGE, metric: 'all-MiniLM-L6 int8 batch=1 threads=1', value: round(r.cpu), unit: 'notes/cpu-s', note: `wall ${round(r.wall)} notes/s; ${corpusNote}; ${load()}` });
  }

  // Worker pool: 2 workers × 1 thread, main thread free.
  const pool = await loadEncoderPool(BGE, { workers: 2, chunkSize: 8 });
  const poolRate = await rate(pool, notes);
  rows.push({ stage: STAGE, metric: 'bge pool workers=2 threads=1 batch=1', value: round(poolRate.cpu), unit: 'notes/cpu-s', note: `wall ${round(poolRate.wall)} notes/s, main thread free; ${load()}` });

  rows.push(...(await gatedRows(load)));

  // How long the stream's own event loop stalls while notes are being embedded.
  const stall = async (enc: SentenceEncoder): Promise<number> => {
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    await enc.embed(notes);
    h.disable();
    return h.percentile(99) / 1e6;
  };
  const single = await loadEncoder(BGE);
  await single.embed(notes.slice(0, 16));
  rows.push({ stage: STAGE, metric: 'event-loop delay p99 while embedding, in-process', value: round(await stall(single)), unit: 'ms', note: load() });
  await single.close();
  rows.push({ stage: STAGE, metric: 'event-loop delay p99 while embedding, pool workers=2', value: round(await stall(pool)), unit: 'ms', note: load() });

  // Real embeddings for index recall and template families.
  const corpus = makeNoteCorpus(2200, 42);
  const vecs = await pool.embed(corpus.map((n) => n.text));
  await pool.close();

  indexRows(rows, 'bge 2k real', vecs.slice(0, 2000), vecs.slice(2000));
  const synth = randomUnitVectors(10_200, 512, 5, 100, 2);
  indexRows(rows, 'random 10k 512-d clustered', synth.slice(0, 10_000), synth.slice(10_000));

  // Template families over the real embeddings.
  for (const [name, createIndex] of [
    ['exact', (d: number) => new ExactIndex(d)],
    ['hnsw', (d: number) => new HnswIndex(d)],
  ] as const) {
    const tf = new TemplateFamilies(512, { threshold: 0.9, createIndex });
    const t0 = performance.now();
    corpus.forEach((n, i) => tf.assign(n.id, vecs[i]));
    const s = (performance.now() - t0) / 1000;
    rows.push({ stage: STAGE, metric: `template families assign (${name} leaders)`, value: Math.round(corpus.length / s), unit: 'notes/s', note: `${tf.familyCount} families from ${corpus.length} notes, threshold 0.9` });
  }
  const tf = new TemplateFamilies(512, { threshold: 0.9 });
  corpus.forEach((n, i) => tf.assign(n.id, vecs[i]));
  let same = 0;
  let together = 0;
  let mixed = 0;
  for (let i = 0; i < corpus.length; i++) {
    for (let j = i + 1; j < corpus.length; j++) {
      const a = corpus[i];
      const b = corpus[j];
      const joined = tf.familyOf(a.id) === tf.familyOf(b.id);
      if (a.template !== null && a.template === b.template && a.product === b.product) {
        same++;
        if (joined) together++;
      } else if ((a.template === null) !== (b.template === null) && joined) mixed++;
    }
  }
  rows.push({ stage: STAGE, metric: 'template families pair recall', value: round(together / same, 3), unit: 'ratio', note: `same-template same-product pairs placed together (${same} pairs); template↔free pairs joined: ${mixed}` });
  return rows;
}

function indexRows(rows: BenchRow[], label: string, base: Float32Array[], queries: Float32Array[]): void {
  const dims = base[0].length;
  const build = (idx: NeighbourIndex): number => {
    const t0 = performance.now();
    base.forEach((v, i) => idx.add(`n${i}`, v));
    return base.length / ((performance.now() - t0) / 1000);
  };
  const exact = new ExactIndex(dims);
  const approx = new HnswIndex(dims);
  const buildExact = build(exact);
  const buildHnsw = build(approx);
  rows.push({ stage: STAGE, metric: `hnsw build ${label}`, value: Math.round(buildHnsw), unit: 'inserts/s', note: `exact: ${Math.round(buildExact)} inserts/s; m=16 efConstruction=200` });
  for (const [name, idx] of [
    ['exact', exact],
    ['hnsw', approx],
  ] as const) {
    const qs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      for (const q of queries) idx.search(q, 10);
      qs.push(queries.length / ((performance.now() - t0) / 1000));
    }
    rows.push({ stage: STAGE, metric: `${name} query k=10 ${label}`, value: Math.round(median(qs)), unit: 'queries/s' });
  }
  let hit = 0;
  for (const q of queries) {
    const truth = exact.search(q, 10);
    const kth = truth[truth.length - 1].similarity - 1e-6;
    hit += approx.search(q, 10).filter((r) => r.similarity >= kth).length;
  }
  rows.push({ stage: STAGE, metric: `hnsw recall@10 ${label}`, value: round(hit / (queries.length * 10), 3), unit: 'ratio', note: `${queries.length} held-out queries, efSearch=64` });
}

/**
 * The gated encoder's worker (static table + semantic gate + transformer) over simulator notes
 * posted in batches of 200, as featurize posts them: notes offered per second and the share the
 * transformer embedded, at the default threshold.
 */
async function gatedRows(load: () => string): Promise<BenchRow[]> {
  if (!existsSync(path.join(BGE, STATIC_TABLE_BIN))) return [{ stage: STAGE, metric: 'gated worker', value: 0, unit: '', note: 'static table absent: run `npm run models:distill`' }];
  const notes = simGateNotes(4000);
  const cfg = DEFAULTS.featurize.embeddings;
  const rates: number[] = [];
  let vectors = 0;
  let runs = 0;
  for (let r = 0; r < RUNS; r++) {
    const res = await tryLoadGatedEncoder(BGE, { gate: { windowMs: DEFAULTS.link.windowMs, minCosine: cfg.staticMinCosine } });
    const enc = res.encoder!;
    const t0 = performance.now();
    const parts = [];
    for (let i = 0; i < notes.length; i += 200) parts.push(enc.gate(notes.slice(i, i + 200)));
    const out = await Promise.all(parts);
    rates.push(notes.length / ((performance.now() - t0) / 1000));
    vectors = out.reduce((s, o) => s + o.outcomes.reduce((t, x) => t + 1 + x.earlier.length, 0), 0);
    runs = out.reduce((s, o) => s + o.transformerRuns, 0);
    await enc.close();
  }
  return [
    {
      stage: STAGE,
      metric: `gated worker: static + gate + transformer (staticMinCosine ${cfg.staticMinCosine})`,
      value: Math.round(median(rates)),
      unit: 'notes/s',
      note: `${notes.length} paraphrase-heavy notes on items; ${vectors} transformer vectors (${((100 * vectors) / notes.length).toFixed(1)} %), ${runs} runs after the text cache; ${load()}`,
    },
  ];
}
