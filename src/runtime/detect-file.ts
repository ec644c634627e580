/**
 * `ringwatch detect`: the embedded engine over a JSONL file, in file order as if it were the
 * stream. Lines are routed to the input topic their `type` names (one partition per topic, as
 * in the default Kafka deployment), so a file run and a Kafka run see the same sequence.
 */
import type { Params } from '../config/params.ts';
import type { RingEvent } from '../contracts/ring.ts';
import { readJsonlLines, routeRaw } from '../adapters/files/jsonl-reader.ts';
import { JsonlWriter } from '../adapters/files/jsonl-writer.ts';
import { STAGE_ORDER } from '../stages/stage.ts';
import { EmbeddedChain } from './embedded-chain.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createStage } from './pipeline.ts';
import { makeProvenance } from './provenance.ts';
import { loadEmbedder, modelProvenance } from './load-embedder.ts';
import type { NoteEmbedder } from '../stages/featurize/note-embedder.ts';
import type { DeadLetter } from '../stages/ingest/dead-letter.ts';
import { SnapshotWriter, type SnapshotOptions } from '../snapshot/snapshot-writer.ts';
import type { SnapshotManifest } from '../snapshot/snapshot-manifest.ts';

export interface DetectOptions {
  input: string;
  out?: string;
  dlq?: string;
  params: Params;
  model?: { id: string; sha256?: string } | null;
  onProgress?: (read: number, total: number, lines: number) => void;
  metrics?: Metrics;
  /** Write a Parquet snapshot (features, edges, rings) of this run to this directory (src/snapshot/). */
  snapshot?: string;
  snapshotOptions?: Partial<SnapshotOptions>;
  /** Use this encoder instead of loading params.featurize.embeddings' model (tests). */
  embedder?: NoteEmbedder;
}

export interface DetectResult {
  rings: RingEvent[];
  lines: number;
  deadLetters: number;
  metrics: Metrics;
  seconds: number;
  snapshot?: SnapshotManifest;
}

export async function detectFile(opts: DetectOptions): Promise<DetectResult> {
  const t0 = performance.now();
  const metrics = opts.metrics ?? createMetrics();
  const loaded = opts.embedder ? null : await loadEmbedder(opts.params);
  const embedder = opts.embedder ?? loaded?.embedder ?? null;
  const warning = loaded?.warning ?? null;
  if (warning) process.stderr.write(`ringwatch: warning: ${warning}\n`);
  const provenance = makeProvenance(opts.params, embedder && !opts.embedder ? await modelProvenance(opts.params) : (opts.model ?? null));
  const stages = STAGE_ORDER.map((n) => createStage(n, opts.params, provenance, metrics, { embedder }));
  const rings: RingEvent[] = [];
  const ringOut = opts.out ? new JsonlWriter(opts.out) : null;
  const dlqOut = opts.dlq ? new JsonlWriter(opts.dlq) : null;
  let deadLetters = 0;
  const snap = opts.snapshot ? await SnapshotWriter.open(opts.snapshot, opts.params, provenance, opts.snapshotOptions) : null;
  const chain = new EmbeddedChain(stages, {
    tap: snap ? (role, value) => snap.tap(role, value) : undefined,
    onOutput(role, _key, value) {
      if (role === 'rings') {
        rings.push(value as RingEvent);
        ringOut?.write(value);
      } else if (role === 'dlq') {
        deadLetters++;
        dlqOut?.write(value as DeadLetter);
      }
    },
  });
  let lines = 0;
  let bytesRead = 0;
  let bytesTotal = 0;
  for await (const batch of readJsonlLines(opts.input, (r, t) => ((bytesRead = r), (bytesTotal = t)))) {
    for (const l of batch) chain.push(routeRaw(l.raw), l.raw, `file:${l.n}`);
    await chain.endBatch();
    await snap?.drain();
    lines += batch.length;
    opts.onProgress?.(bytesRead, bytesTotal, lines);
  }
  await chain.end();
  await loaded?.embedder?.close();
  await Promise.all([ringOut?.close(), dlqOut?.close()]);
  const snapshot = await snap?.finish({ kind: 'file', path: opts.input, lines });
  return { rings, lines, deadLetters, metrics, seconds: (performance.now() - t0) / 1000, ...(snapshot ? { snapshot } : {}) };
}
