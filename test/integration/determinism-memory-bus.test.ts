/**
 * The same rings from `detect` (embedded chain over a file) and from the five stages running as
 * separate consumer groups on the in-memory bus (the port Kafka implements too).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MemoryBus } from '../../src/adapters/memory/memory-bus.ts';
import { produceFile } from '../../src/cli/commands/produce.ts';
import { resolveParams } from '../../src/config/params.ts';

// SimHash-only on both sides: this test is about the bus and the runner (the Kafka test covers embeddings).
const DEFAULTS = resolveParams({ featurize: { embeddings: { enabled: false } } });
import { detectFile } from '../../src/runtime/detect-file.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';
import { createStage } from '../../src/runtime/pipeline.ts';
import { makeProvenance } from '../../src/runtime/provenance.ts';
import { runStage } from '../../src/runtime/stage-runner.ts';
import { STAGE_ORDER } from '../../src/stages/stage.ts';
import { miniStream } from '../fixtures/mini-stream.ts';
import { ringsOf, topicsWithSuffix, waitForQuiet } from './pipeline-on-bus.ts';

describe('determinism: detect vs stages on the in-memory bus', () => {
  it('gives identical ring events and dead-letter counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-det-'));
    const input = join(dir, 'events.jsonl');
    writeFileSync(input, miniStream(3).lines.join('\n') + '\n');
    const expected = await detectFile({ input, params: DEFAULTS });
    expect(expected.rings.length).toBeGreaterThan(0);

    const bus = new MemoryBus();
    const topics = topicsWithSuffix('mem');
    await produceFile(bus, input, topics);
    const logger = pino({ level: 'silent' });
    const metrics = createMetrics();
    const prov = makeProvenance(DEFAULTS, null);
    const running = [];
    for (const n of STAGE_ORDER) running.push(await runStage({ bus, stage: createStage(n, DEFAULTS, prov, metrics), topics, groupPrefix: 'mem', logger, metrics, idleFlushMs: 50 }));
    const rings = ringsOf(await waitForQuiet(bus, topics.rings, expected.rings.length, 500, 30_000));
    const dlq = await bus.readAll(topics.dlq);
    for (const r of running) await r.stop();
    await bus.close();
    expect(rings).toEqual(expected.rings);
    expect(dlq.length).toBe(expected.deadLetters);
  });
});
