/**
 * Gated semantic mode across runners: the embedded chain (file order, lookahead, its own batches)
 * and the five stages as separate consumer groups on the in-memory bus (no lookahead, the bus's
 * batches, embedding records through JSON) give the same rings. The encoder is the word-bag
 * stand-in (test/fixtures), so the test needs no model; the Kafka test runs the real one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MemoryBus } from '../../src/adapters/memory/memory-bus.ts';
import { routeRaw } from '../../src/adapters/files/jsonl-reader.ts';
import { produceFile } from '../../src/cli/commands/produce.ts';
import { resolveParams } from '../../src/config/params.ts';
import type { RingEvent } from '../../src/contracts/ring.ts';
import { EmbeddedChain } from '../../src/runtime/embedded-chain.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';
import { createStage } from '../../src/runtime/pipeline.ts';
import { makeProvenance } from '../../src/runtime/provenance.ts';
import { runStage } from '../../src/runtime/stage-runner.ts';
import { STAGE_ORDER } from '../../src/stages/stage.ts';
import { miniStream } from '../fixtures/mini-stream.ts';
import { wordBagEmbedder } from '../fixtures/word-bag-embedder.ts';
import { ringsOf, topicsWithSuffix, waitForQuiet } from './pipeline-on-bus.ts';

const PARAMS = resolveParams({ featurize: { embeddings: { enabled: true, staticMinCosine: 0.9 } }, link: { semanticMinCosine: 0.9 } });

describe('determinism with gated embeddings: embedded chain vs stages on the in-memory bus', () => {
  it('gives identical ring events', async () => {
    const lines = miniStream(3).lines;
    const prov = makeProvenance(PARAMS, null);
    const metrics = createMetrics();
    const embedder = wordBagEmbedder(PARAMS);
    const expected: RingEvent[] = [];
    const chain = new EmbeddedChain(
      STAGE_ORDER.map((n) => createStage(n, PARAMS, prov, metrics, { embedder })),
      { onOutput: (role, _k, v) => role === 'rings' && expected.push(v as RingEvent) },
    );
    for (let i = 0; i < lines.length; i++) {
      const raw = Buffer.from(lines[i]);
      chain.push(routeRaw(raw), raw, `file:${i + 1}`);
      if (i % 97 === 96) await chain.endBatch();
    }
    await chain.end();
    expect(expected.length).toBeGreaterThan(0);
    expect(metrics.get('link_late_embeddings_total')).toBeGreaterThan(0);

    const bus = new MemoryBus();
    const topics = topicsWithSuffix('gated');
    const input = join(mkdtempSync(join(tmpdir(), 'rw-gated-')), 'events.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');
    await produceFile(bus, input, topics);
    const logger = pino({ level: 'silent' });
    const busMetrics = createMetrics();
    const busEmbedder = wordBagEmbedder(PARAMS);
    const running = [];
    for (const n of STAGE_ORDER) running.push(await runStage({ bus, stage: createStage(n, PARAMS, prov, busMetrics, { embedder: busEmbedder }), topics, groupPrefix: 'gated', logger, metrics: busMetrics, idleFlushMs: 50 }));
    const rings = ringsOf(await waitForQuiet(bus, topics.rings, expected.length, 500, 30_000));
    for (const r of running) await r.stop();
    await bus.close();
    expect(rings).toEqual(expected);
    expect(busEmbedder.calls.texts).toBe(embedder.calls.texts);
  }, 60_000);
});
