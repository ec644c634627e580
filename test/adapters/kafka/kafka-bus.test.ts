import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaBus } from '../../../src/adapters/kafka/kafka-bus.ts';
import type { KafkaBusOptions } from '../../../src/adapters/kafka/options.ts';
import { busContract } from '../../ports/bus.contract.ts';
import { kafkaBrokers, uniqueName } from '../../setup/kafka-env.ts';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'error' });
const options = (extra: Partial<KafkaBusOptions> = {}): KafkaBusOptions => ({
  brokers: kafkaBrokers(),
  logger,
  clientId: 'ringwatch-test',
  maxWaitTimeMs: 100,
  ...extra,
});

busContract('kafka', async () => new KafkaBus(options()));

describe('KafkaBus against a real broker', () => {
  let bus: KafkaBus;
  let admin: ReturnType<Kafka['admin']>;
  beforeAll(async () => {
    bus = new KafkaBus(options());
    admin = new Kafka({ brokers: kafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
  });
  afterAll(async () => {
    await bus.close();
    await admin.disconnect();
  });

  it('talks to a KRaft broker that kafkajs can administer', async () => {
    const cluster = await admin.describeCluster();
    expect(cluster.brokers.length).toBeGreaterThan(0);
    expect(cluster.controller).not.toBeNull();
  });

  it('commits a batch in the group only after its handler resolved', async () => {
    const t = uniqueName('commit');
    const group = uniqueName('g');
    await bus.ensureTopics([{ topic: t }]);
    const p = await bus.producer();
    await p.send(t, [{ key: null, value: 'a' }, { key: null, value: 'b' }]);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered = false;
    let handled = 0;
    const c = await bus.consumer();
    await c.run({
      groupId: group,
      topics: [t],
      fromBeginning: false,
      eachBatch: async (batch) => {
        entered = true;
        await gate;
        handled += batch.length;
      },
    });
    const committed = async (): Promise<string> =>
      (await admin.fetchOffsets({ groupId: group, topics: [t] }))[0].partitions[0].offset;
    while (!entered) await new Promise((r) => setTimeout(r, 10));
    for (let i = 0; i < 5; i++) {
      expect(await committed()).toBe('-1'); // handler still pending: nothing committed
      await new Promise((r) => setTimeout(r, 100));
    }
    release();
    const deadline = Date.now() + 30_000;
    while ((await committed()) !== '2' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await committed()).toBe('2');
    expect(handled).toBe(2);
    await c.stop();
    await p.close();
  });

  it('splits sends larger than one broker request (3 MiB to one partition)', async () => {
    const t = uniqueName('big');
    await bus.ensureTopics([{ topic: t }]);
    const p = await bus.producer();
    const big = Buffer.alloc(100 * 1024, 7);
    await p.send(t, Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: big })));
    await p.close();
    const all = await bus.readAll(t);
    expect(all).toHaveLength(30);
    expect(all.every((m) => m.value.length === big.length && m.value[0] === 7)).toBe(true);
  });

  it('does not hang on an unknown topic even though the idempotent producer retries forever', async () => {
    const p = await bus.producer();
    const started = Date.now();
    await expect(p.send(uniqueName('nope'), [{ key: null, value: 'x' }])).rejects.toMatchObject({
      code: 'RW_KAFKA_UNKNOWN_TOPIC',
      retriable: false,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    await p.close();
  });

  it('leaves no readAll consumer groups behind', async () => {
    const t = uniqueName('ra');
    await bus.ensureTopics([{ topic: t }]);
    const p = await bus.producer();
    await p.send(t, [{ key: null, value: 'x' }]);
    await p.close();
    await bus.readAll(t);
    const { groups } = await admin.listGroups();
    expect(groups.filter((g) => g.groupId.startsWith('ringwatch-readall-'))).toEqual([]);
  });

  it('reports a broker it cannot reach with a coded error', async () => {
    const dead = new KafkaBus(options({ brokers: ['127.0.0.1:1'], retries: 0, connectionTimeoutMs: 500, logger: pino({ level: 'silent' }) }));
    await expect(dead.ensureTopics([{ topic: 'x' }])).rejects.toMatchObject({ code: 'RW_KAFKA_ADMIN_FAILED' });
    await dead.close();
  });
});
