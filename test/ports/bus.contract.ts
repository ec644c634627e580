/**
 * The bus contract: one suite, run against every Bus implementation
 * (test/adapters/memory/memory-bus.test.ts, test/adapters/kafka/kafka-bus.test.ts).
 * Error codes are adapter-prefixed (RW_MEMBUS_*, RW_KAFKA_*), so the suite checks the suffix.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bus, BusConsumer, BusMessage, ConsumeOptions, OutgoingMessage } from '../../src/ports/bus.ts';

let counter = 0;
const run = `${process.pid}-${Date.now().toString(36)}`;
function unique(prefix: string): string {
  counter += 1;
  return `contract-${prefix}-${run}-${counter}`;
}

/** Polls until `cond` holds; fails the test with `what` on timeout. */
async function waitFor(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const text = (m: BusMessage): string => m.value.toString('utf8');
const msgs = (values: string[], key: (i: number) => string | null = () => null): OutgoingMessage[] =>
  values.map((value, i) => ({ key: key(i), value }));

interface Running {
  consumer: BusConsumer;
  received: BusMessage[];
  batches: BusMessage[][];
  /** `received.length` at each onCaughtUp call. */
  caughtUp: number[];
  crashes: Error[];
}

export function busContract(name: string, makeBus: () => Promise<Bus>): void {
  describe(`bus contract: ${name}`, () => {
    let bus: Bus;
    let consumers: BusConsumer[] = [];

    beforeEach(async () => {
      bus = await makeBus();
    });
    afterEach(async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      consumers = [];
      await bus.close();
    });

    async function topic(partitions = 1): Promise<string> {
      const t = unique('t');
      await bus.ensureTopics([{ topic: t, partitions }]);
      return t;
    }

    async function send(t: string, messages: OutgoingMessage[]): Promise<void> {
      const p = await bus.producer();
      await p.send(t, messages);
      await p.close();
    }

    async function consume(
      opts: Pick<ConsumeOptions, 'groupId' | 'topics'> & Partial<ConsumeOptions>,
      onBatch: (batch: BusMessage[]) => void = () => undefined,
    ): Promise<Running> {
      const consumer = await bus.consumer();
      consumers.push(consumer);
      const r: Running = { consumer, received: [], batches: [], caughtUp: [], crashes: [] };
      await consumer.run({
        fromBeginning: false,
        eachBatch: async (batch) => {
          onBatch(batch);
          r.batches.push(batch);
          r.received.push(...batch);
        },
        onCaughtUp: async () => {
          r.caughtUp.push(r.received.length);
        },
        onCrash: (e) => r.crashes.push(e),
        ...opts,
      });
      return r;
    }

    it('keeps order within a partition and sends equal keys to one partition', async () => {
      const t = await topic(3);
      const values = Array.from({ length: 300 }, (_, i) => String(i));
      const key = (i: number): string => `k${i % 7}`;
      for (let s = 0; s < 300; s += 100) await send(t, msgs(values.slice(s, s + 100), (i) => key(i + s)));

      const r = await consume({ groupId: unique('g'), topics: [t] });
      await waitFor(() => r.received.length >= 300, '300 messages');

      expect(r.received).toHaveLength(300);
      expect(new Set(r.received.map(text))).toEqual(new Set(values));
      for (const b of r.batches) {
        expect(new Set(b.map((m) => m.partition)).size).toBe(1);
        b.forEach((m, i) => i > 0 && expect(BigInt(m.offset)).toBe(BigInt(b[i - 1].offset) + 1n));
      }
      const byPartition = new Map<number, BusMessage[]>();
      for (const m of r.received) byPartition.set(m.partition, [...(byPartition.get(m.partition) ?? []), m]);
      expect(byPartition.size).toBeGreaterThan(1);
      for (const list of byPartition.values()) {
        expect(list.map((m) => m.offset)).toEqual(list.map((_, i) => String(i)));
      }
      const partitionOfKey = new Map<string, number>();
      const lastOfKey = new Map<string, number>();
      for (const m of r.received) {
        expect(m.topic).toBe(t);
        const k = m.key!;
        expect(partitionOfKey.get(k) ?? m.partition).toBe(m.partition);
        partitionOfKey.set(k, m.partition);
        expect(Number(text(m))).toBeGreaterThan(lastOfKey.get(k) ?? -1);
        lastOfKey.set(k, Number(text(m)));
      }
    });

    it('round-trips keys, binary values, headers and decoded-only payloads', async () => {
      const t = await topic(1);
      const binary = Buffer.from([0, 255, 1, 128, 10]);
      const decoded = { a: 1, b: [true, null, 'ü'] };
      await send(t, [
        { key: null, value: binary },
        { key: '账号-ü', value: 'plain ✓', headers: { 'x-stage': 'ingest', 'x-ü': 'ü✓' } },
        { key: 'empty', value: '', headers: {} },
        { key: 'decoded', decoded },
      ]);
      const r = await consume({ groupId: unique('g'), topics: [t] });
      await waitFor(() => r.received.length >= 4, '4 messages');

      const [m0, m1, m2, m3] = r.received;
      expect(m0.key).toBeNull();
      expect(Buffer.compare(m0.value, binary)).toBe(0);
      expect(m0.headers).toEqual({});
      expect(m1.key).toBe('账号-ü');
      expect(text(m1)).toBe('plain ✓');
      expect(m1.headers).toEqual({ 'x-stage': 'ingest', 'x-ü': 'ü✓' });
      expect(m2.value.length).toBe(0);
      expect(m3.key).toBe('decoded');
      expect(JSON.parse(text(m3))).toEqual(decoded);
      expect(r.received.map((m) => m.offset)).toEqual(['0', '1', '2', '3']);
    });

    it('commits only after the handler resolves: a failed batch goes to the next group member', async () => {
      const t = await topic(1);
      const group = unique('g');
      await send(t, msgs(['m0', 'm1', 'm2']));
      const boom = new Error('boom');
      let lastResolved = -1n;
      const a = await consume({
        groupId: group,
        topics: [t],
        eachBatch: async (batch) => {
          if (batch.some((m) => text(m) === 'm3')) throw boom;
          lastResolved = BigInt(batch[batch.length - 1].offset);
        },
      });
      await waitFor(() => a.caughtUp.length > 0, 'A caught up on m0..m2');
      expect(lastResolved).toBe(2n);
      await send(t, msgs(['m3', 'm4']));
      await waitFor(() => a.crashes.length > 0, 'consumer A to crash on m3');
      expect(a.crashes).toEqual([boom]);
      expect(lastResolved).toBe(2n);

      const b = await consume({ groupId: group, topics: [t] });
      await waitFor(() => b.received.length >= 2 && b.caughtUp.length > 0, 'consumer B to get m3, m4');
      expect(b.received.map((m) => [m.offset, text(m)])).toEqual([
        ['3', 'm3'],
        ['4', 'm4'],
      ]);
      expect(b.crashes).toEqual([]);
    });

    it('resumes a group after its committed offsets', async () => {
      const t = await topic(1);
      const group = unique('g');
      await send(t, msgs(['m0', 'm1', 'm2']));
      const a = await consume({ groupId: group, topics: [t] });
      await waitFor(() => a.caughtUp.length > 0 && a.received.length === 3, 'A caught up');
      await a.consumer.stop();

      await send(t, msgs(['m3']));
      const b = await consume({ groupId: group, topics: [t] });
      await waitFor(() => b.received.length > 0 && b.caughtUp.length > 0, 'B to get m3');
      expect(b.received.map((m) => [m.offset, text(m)])).toEqual([['3', 'm3']]);
    });

    it('fromBeginning re-reads every partition despite commits, and commits the re-read', async () => {
      const t = await topic(2);
      const group = unique('g');
      const values = Array.from({ length: 10 }, (_, i) => `m${i}`);
      await send(t, msgs(values, (i) => `k${i}`));
      const a = await consume({ groupId: group, topics: [t] });
      await waitFor(() => a.received.length === 10 && a.caughtUp.length > 0, 'A caught up');
      await a.consumer.stop();

      const c = await consume({ groupId: group, topics: [t], fromBeginning: true });
      await waitFor(() => c.received.length >= 10 && c.caughtUp.length > 0, 'C to re-read');
      expect(c.received.map(text).sort()).toEqual([...values].sort());
      for (const p of [0, 1]) {
        const offs = c.received.filter((m) => m.partition === p).map((m) => m.offset);
        expect(offs).toEqual(offs.map((_, i) => String(i)));
      }
      await c.consumer.stop();

      await send(t, [{ key: 'k0', value: 'm10' }]);
      const d = await consume({ groupId: group, topics: [t] });
      await waitFor(() => d.received.length > 0 && d.caughtUp.length > 0, 'D to get m10');
      expect(d.received.map(text)).toEqual(['m10']);
    });

    it('signals onCaughtUp when everything is consumed, and again after new messages', async () => {
      const t = await topic(2);
      await send(t, msgs(Array.from({ length: 10 }, (_, i) => `m${i}`), (i) => `k${i}`));
      const r = await consume({ groupId: unique('g'), topics: [t] });
      await waitFor(() => r.caughtUp.length >= 1, 'first onCaughtUp');
      expect(r.caughtUp[0]).toBe(10);

      await send(t, msgs(['n0', 'n1', 'n2'], (i) => `n${i}`));
      await waitFor(() => r.caughtUp.length >= 2, 'second onCaughtUp');
      expect(r.caughtUp[1]).toBe(13);
      expect(r.received).toHaveLength(13);
    });

    it('signals onCaughtUp for an empty topic without delivering anything', async () => {
      const t = await topic(2);
      const r = await consume({ groupId: unique('g'), topics: [t] });
      await waitFor(() => r.caughtUp.length >= 1, 'onCaughtUp on empty topic');
      expect(r.caughtUp[0]).toBe(0);
      expect(r.received).toEqual([]);
    });

    it('delivers every message to each of two groups', async () => {
      const t = await topic(2);
      const values = Array.from({ length: 20 }, (_, i) => `m${i}`);
      await send(t, msgs(values, (i) => `k${i}`));
      const g1 = await consume({ groupId: unique('g1'), topics: [t] });
      const g2 = await consume({ groupId: unique('g2'), topics: [t] });
      await waitFor(() => g1.caughtUp.length > 0 && g2.caughtUp.length > 0, 'both groups caught up');
      expect(g1.received.map(text).sort()).toEqual([...values].sort());
      expect(g2.received.map(text).sort()).toEqual([...values].sort());
    });

    it('readAll returns the whole topic by partition then offset, and commits nothing', async () => {
      const t = await topic(3);
      expect(await bus.readAll(t)).toEqual([]);
      const values = Array.from({ length: 30 }, (_, i) => `m${i}`);
      await send(
        t,
        values.map((value, i) => ({ key: `k${i % 5}`, value, headers: { n: String(i) } })),
      );
      const all = await bus.readAll(t);
      expect(all).toHaveLength(30);
      expect(all.map(text).sort()).toEqual([...values].sort());
      for (const m of all) {
        expect(m.topic).toBe(t);
        expect(m.headers).toEqual({ n: text(m).slice(1) });
        expect(m.key).toBe(`k${Number(text(m).slice(1)) % 5}`);
      }
      const order = all.map((m) => [m.partition, Number(m.offset)] as const);
      const sorted = [...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      expect(order).toEqual(sorted);
      for (const p of new Set(all.map((m) => m.partition))) {
        const offs = all.filter((m) => m.partition === p).map((m) => m.offset);
        expect(offs).toEqual(offs.map((_, i) => String(i)));
      }
      expect(await bus.readAll(t)).toHaveLength(30);
    });

    it('rejects unknown topics with an UNKNOWN_TOPIC code', async () => {
      const missing = unique('missing');
      const p = await bus.producer();
      await expect(p.send(missing, msgs(['x']))).rejects.toMatchObject({ code: expect.stringMatching(/_UNKNOWN_TOPIC$/) });
      await p.close();
      const c = await bus.consumer();
      consumers.push(c);
      const run = c.run({ groupId: unique('g'), topics: [missing], fromBeginning: false, eachBatch: async () => {} });
      await expect(run).rejects.toMatchObject({ code: expect.stringMatching(/_UNKNOWN_TOPIC$/) });
      await expect(bus.readAll(missing)).rejects.toMatchObject({ code: expect.stringMatching(/_UNKNOWN_TOPIC$/) });
    });

    it('ensureTopics is idempotent but refuses a topic with too few partitions', async () => {
      const t = unique('t');
      await bus.ensureTopics([{ topic: t, partitions: 2 }]);
      await bus.ensureTopics([{ topic: t, partitions: 2 }, { topic: t, partitions: 1 }]);
      await expect(bus.ensureTopics([{ topic: t, partitions: 3 }])).rejects.toMatchObject({
        code: expect.stringMatching(/_TOPIC_CONFLICT$/),
      });
    });

    it('can be stopped from inside its own handler', async () => {
      const t = await topic(1);
      await send(t, msgs(['m0', 'm1']));
      const consumer = await bus.consumer();
      consumers.push(consumer);
      const seen: string[] = [];
      let stopped = false;
      await consumer.run({
        groupId: unique('g'),
        topics: [t],
        fromBeginning: false,
        eachBatch: async (batch) => {
          seen.push(...batch.map(text));
        },
        onCaughtUp: async () => {
          await consumer.stop();
          stopped = true;
        },
      });
      await waitFor(() => stopped, 'stop() inside onCaughtUp to return');
      await consumer.stop();
      expect(seen).toEqual(['m0', 'm1']);
    });

    it('runs a consumer only once and refuses work after close()', async () => {
      const t = await topic(1);
      const r = await consume({ groupId: unique('g'), topics: [t] });
      await expect(
        r.consumer.run({ groupId: unique('g'), topics: [t], fromBeginning: false, eachBatch: async () => {} }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/_ALREADY_RUNNING$/) });
      await bus.close();
      await expect(bus.producer()).rejects.toMatchObject({ code: expect.stringMatching(/_CLOSED$/) });
      await bus.close();
    });
  });
}
