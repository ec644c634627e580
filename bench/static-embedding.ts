/**
 * Static-table embedder (src/adapters/onnx/static-embedder.ts) throughput on
 * simulator notes, single thread: tokenisation alone, and tokenise + table sum
 * + normalise (what `embed` costs). Also the one-off table load. Figures are
 * medians of BENCH_RUNS (default 3) runs; the 2 cores are shared, so the rate
 * per CPU-second of this process goes in the note next to the wall rate.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../src/adapters/onnx/model-manifest.ts';
import { loadStaticEmbedder, makeStaticEmbedder } from '../src/adapters/onnx/static-embedder.ts';
import { STATIC_TABLE_JSON, readStaticTable, staticTableCommand } from '../src/adapters/onnx/static-table.ts';
import { loadTextTokenizer } from '../src/adapters/onnx/text-tokenizer.ts';
import { simulate } from '../src/sim/index.ts';
import { noteText } from '../src/stages/featurize/note-embedder.ts';
import { median, type BenchRow } from './bench-row.ts';

const RUNS = Math.max(1, Math.min(Number(process.env.BENCH_RUNS ?? 3), 5));
const ID = 'bge-small-zh-v15-q';
const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../models', ID);
const STAGE = 'static-embedding';
const NOTES = 4000;

/** The first `n` published notes of a seeded simulator run (the stream is generated lazily). */
function simulatorNotes(n: number): string[] {
  const out: string[] = [];
  for (const ev of simulate('paraphrase-heavy', 5).events) {
    if (ev.type === 'note' && ev.action === 'publish') out.push(noteText(ev.title ?? '', ev.body ?? ''));
    if (out.length >= n) break;
  }
  return out;
}

/** Median wall rate and rate per CPU-second of `fn` over all texts. */
function rate(texts: string[], fn: (t: string) => unknown): { wall: number; cpu: number } {
  for (const t of texts.slice(0, 200)) fn(t); // warm-up (JIT)
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const t of texts) fn(t);
    const s = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    wall.push(texts.length / s);
    cpu.push(texts.length / ((c.user + c.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(path.join(DIR, 'model.onnx')) || !existsSync(path.join(DIR, STATIC_TABLE_JSON))) {
    return [{ stage: STAGE, metric: 'skipped', value: 0, unit: '', note: `model or static table absent: run \`npm run models:fetch\` then \`${staticTableCommand(ID)}\`` }];
  }
  const rows: BenchRow[] = [];
  const load = (): string => `load1 ${loadavg()[0].toFixed(1)}`;

  const t0 = performance.now();
  const emb = await loadStaticEmbedder(DIR);
  const loadMs = performance.now() - t0;
  rows.push({ stage: STAGE, metric: 'load table (read + sha256 verify)', value: Math.round(loadMs), unit: 'ms', note: `${ID}, ${emb.dims} dims` });

  const notes = simulatorNotes(NOTES);
  const { manifest } = await readManifest(DIR);
  const tok = await loadTextTokenizer(path.join(DIR, manifest.files.tokenizer.path), manifest.maxTokens);
  let tokens = 0;
  for (const t of notes) tokens += tok.encode(t).length;
  const meanChars = Math.round(notes.reduce((s, t) => s + t.length, 0) / notes.length);
  const corpus = `${notes.length} paraphrase-heavy seed 5 notes, mean ${meanChars} chars, ${Math.round(tokens / notes.length)} tokens`;

  const tokRate = rate(notes, (t) => tok.encode(t));
  rows.push({ stage: STAGE, metric: 'tokenize only (bge tokenizer)', value: Math.round(tokRate.wall), unit: 'notes/s', note: `${Math.round(tokRate.cpu)} per CPU-s; ${corpus}; ${load()}` });

  const embRate = rate(notes, (t) => emb.embed(t));
  rows.push({ stage: STAGE, metric: 'static embed (tokenize + sum + normalise), 1 thread', value: Math.round(embRate.wall), unit: 'notes/s', note: `${Math.round(embRate.cpu)} per CPU-s; ${corpus}; ${load()}` });

  // The table sum alone, from pre-tokenised ids: what is left once tokenisation is paid.
  const ids = notes.map((t) => tok.encode(t));
  const at = new Map(notes.map((t, i) => [t, ids[i]]));
  const { meta, rows: table } = await readStaticTable(DIR, manifest, false);
  const skip = new Uint8Array(meta.vocabSize);
  for (const z of meta.zeroRows) skip[z] = 1;
  const sumOnly = makeStaticEmbedder(emb.id, emb.checksum, table, meta.dims, skip, (t) => at.get(t)!);
  const sumRate = rate(notes, (t) => sumOnly.embed(t));
  rows.push({ stage: STAGE, metric: 'table sum + normalise only (pre-tokenised)', value: Math.round(sumRate.wall), unit: 'notes/s', note: `${Math.round(sumRate.cpu)} per CPU-s; ${load()}` });
  return rows;
}
