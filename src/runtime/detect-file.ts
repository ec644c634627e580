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
import type { DeadLetter } from '../stages/ingest/dead-letter.ts';

export interface DetectOptions {
  input: string;
  out?: string;
  dlq?: string;
  params: Params;
  model?: { id: string; sha256?: string } | null;
  onProgress?: (read: number, total: number, lines: number) => void;
  metrics?: Metrics;
}

export interface DetectResult {
  rings: RingEvent[];
  lines: number;
  deadLetters: number;
  metrics: Metrics;
  seconds: number;
}

export async function detectFile(opts: DetectOptions): Promise<DetectResult> {
  const t0 = performance.now();
  const metrics = opts.metrics ?? createMetrics();
  const provenance = makeProvenance(opts.params, opts.model ?? null);
  const stages = STAGE_ORDER.map((n) => createStage(n, opts.params, provenance, metrics));
  const rings: RingEvent[] = [];
  const ringOut = opts.out ? new JsonlWriter(opts.out) : null;
  const dlqOut = opts.dlq ? new JsonlWriter(opts.dlq) : null;
  let deadLetters = 0;
  const chain = new EmbeddedChain(stages, {
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
    chain.endBatch();
    lines += batch.length;
    opts.onProgress?.(bytesRead, bytesTotal, lines);
  }
  chain.end();
  await Promise.all([ringOut?.close(), dlqOut?.close()]);
  return { rings, lines, deadLetters, metrics, seconds: (performance.now() - t0) / 1000 };
}
