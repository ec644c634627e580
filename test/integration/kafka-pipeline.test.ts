/**
 * The pipeline on a real Kafka broker: a sample is produced to the input topics, the five stages
 * run as separate processes and consumer groups (`ringwatch run --stage NAME`), one stage is
 * SIGKILLed mid-stream and restarted, and the rings topic is read back. It must equal what
 * `ringwatch detect` produces on the same file: every ring, none twice, every dead letter.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { KafkaBus } from '../../src/adapters/kafka/kafka-bus.ts';
import { produceFile } from '../../src/cli/commands/produce.ts';
import { resolveParams } from '../../src/config/params.ts';

// The semantic signal on (model fetched by .ci/run): embeddings must not break determinism across processes either.
const SEMANTIC_ON = { featurize: { embeddings: { enabled: true } } };
const WITH_EMBEDDINGS = resolveParams(SEMANTIC_ON);
import { detectFile } from '../../src/runtime/detect-file.ts';
import { STAGE_ORDER, type StageName } from '../../src/stages/stage.ts';
import { miniStream } from '../fixtures/mini-stream.ts';
import { kafkaBrokers, uniqueName } from '../setup/kafka-env.ts';
import { ringsOf, topicsWithSuffix, waitForQuiet } from './pipeline-on-bus.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const children = new Set<ChildProcess>();

function startStage(stage: StageName | 'snapshot', config: string, log: string[], env: Record<string, string> = {}, extra: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'bin/ringwatch'), 'run', '--stage', stage, '--config', config, ...extra], {
    cwd: ROOT,
    env: { ...process.env, RINGWATCH_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => log.push(`[${stage}] ${d.toString()}`));
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

describe('pipeline on a real Kafka broker (kafkaBrokers)', () => {
  it('survives a stage killed mid-stream: every ring once, identical to detect, dead letters accounted for', async () => {
    const brokers = kafkaBrokers();
    const dir = mkdtempSync(join(tmpdir(), 'rw-kafka-'));
    const input = join(dir, 'events.jsonl');
    writeFileSync(input, miniStream(5, { genuine: 250, days: 6 }).lines.join('\n') + '\n');
    const expected = await detectFile({ input, params: WITH_EMBEDDINGS });
    expect(expected.rings.length).toBeGreaterThan(0);

    const suffix = uniqueName('it');
    const topics = topicsWithSuffix(suffix);
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ kafka: { brokers, clientId: 'rw-it', sessionTimeoutMs: 6000 }, topics, groupPrefix: suffix, idleFlushMs: 1500, params: SEMANTIC_ON }));

    const logger = pino({ level: 'silent' });
    const bus = new KafkaBus({ brokers, logger, clientId: 'rw-it-driver' });
    const log: string[] = [];
    try {
      await bus.ensureTopics(Object.values(topics).map((topic) => ({ topic })));
      await produceFile(bus, input, topics);
      const procs = new Map<StageName, ChildProcess>();
      // The link stage dies by SIGKILL right after its first batch's outputs are durable and before
      // its input offsets are committed (a failpoint); the featurize stage is SIGKILLed from outside
      // while it works. Both are restarted.
      for (const s of STAGE_ORDER) procs.set(s, startStage(s, config, log, s === 'link' ? { RINGWATCH_FAILPOINT_CRASH_AFTER_BATCHES: '1' } : {}));
      const snaps = join(dir, 'snapshots');
      startStage('snapshot', config, log, {}, ['--snapshot-dir', snaps]);
      const linkExit = new Promise<NodeJS.Signals | null>((r) => procs.get('link')!.once('exit', (_c, sig) => r(sig)));
      await waitUntil(async () => (await bus.readAll(topics.features)).length > 100, 90_000, 'featurize output');
      procs.get('featurize')!.kill('SIGKILL');
      expect(await linkExit).toBe('SIGKILL');
      const linksAtKill = (await bus.readAll(topics.links)).length;
      await new Promise((r) => setTimeout(r, 300));
      procs.set('featurize', startStage('featurize', config, log));
      procs.set('link', startStage('link', config, log));

      const rings = ringsOf(await waitForQuiet(bus, topics.rings, expected.rings.length, 8_000, 150_000));
      const keys = rings.map((r) => `${r.ring_id}#${r.version}`);
      expect(new Set(keys).size).toBe(keys.length); // none twice
      expect(rings).toEqual(expected.rings); // every ring, same content and order
      const dlq = await bus.readAll(topics.dlq);
      expect(dlq.length).toBe(expected.deadLetters);
      const reasons = dlq.map((m) => JSON.parse(m.value.toString()).reason).sort();
      expect(reasons).toEqual(['duplicate_event_id', 'malformed_json', 'schema_violation', 'unknown_type']);
      // the intermediate topic written by the killed stage holds each output exactly once
      const seqs = (await bus.readAll(topics.links)).map((m) => Number(m.headers['rw-seq']));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(linksAtKill).toBeLessThan(seqs.length); // the kill really was mid-stream

      // the snapshot stage published what the detector saw (one or more snapshots, rotated when the
      // inputs go quiet), each with the Kafka offset ranges it covers: together every record exactly once
      const notesPublished = (await bus.readAll(topics.features)).filter((m) => JSON.parse(m.value.toString()).type === 'note').length;
      const manifests = () =>
        existsSync(snaps)
          ? readdirSync(snaps)
              .filter((d) => existsSync(join(snaps, d, 'manifest.json')))
              .map((d) => JSON.parse(readFileSync(join(snaps, d, 'manifest.json'), 'utf8')))
          : [];
      const total = (table: string) => manifests().reduce((a, m) => a + (m.tables[table]?.rows ?? 0), 0);
      await waitUntil(async () => total('rings') >= rings.length && total('notes') >= notesPublished, 60_000, 'snapshots covering the run');
      expect(total('rings')).toBe(rings.length);
      expect(total('notes')).toBe(notesPublished);
      const ringRecords = manifests().flatMap((m) => m.input.ranges).filter((r: { topic: string }) => r.topic === topics.rings);
      expect(ringRecords.reduce((a: number, r: { records: number }) => a + r.records, 0)).toBe(rings.length);
      expect(manifests().every((m) => m.input.kind === 'kafka')).toBe(true);
    } catch (err) {
      process.stderr.write(log.join('').split('\n').filter((l) => !l.includes('"level":20')).slice(-60).join('\n'));
      throw err;
    } finally {
      for (const c of children) c.kill('SIGTERM');
      await bus.close();
    }
  });
});

async function waitUntil(cond: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timeout waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
