import { describe, expect, it } from 'vitest';
import { MemoryBus } from '../../../src/adapters/memory/memory-bus.ts';
import type { BusMessage } from '../../../src/ports/bus.ts';
import { busContract } from '../../ports/bus.contract.ts';

busContract('memory', async () => new MemoryBus());

describe('MemoryBus specifics', () => {
  it('hands the decoded object through without JSON, and serializes it only on demand', async () => {
    const bus = new MemoryBus();
    await bus.ensureTopics([{ topic: 't' }]);
    const decoded = { id: 'e1', n: [1, 2] };
    const p = await bus.producer();
    await p.send('t', [{ key: 'a', decoded }]);
    const [m] = await bus.readAll('t');
    expect(m.decoded).toBe(decoded);
    expect(JSON.parse(m.value.toString('utf8'))).toEqual(decoded);
    await bus.close();
  });

  it('rejects a message with neither value nor decoded, appending nothing', async () => {
    const bus = new MemoryBus();
    await bus.ensureTopics([{ topic: 't' }]);
    const p = await bus.producer();
    await expect(p.send('t', [{ key: 'a', value: 'ok' }, { key: 'b' }])).rejects.toMatchObject({
      code: 'RW_MEMBUS_BAD_ARGUMENT',
    });
    expect(await bus.readAll('t')).toEqual([]);
    await bus.close();
  });

  it('splits partitions over the members of a group and rebalances when one leaves', async () => {
    const bus = new MemoryBus({ maxBatchSize: 4 });
    await bus.ensureTopics([{ topic: 't', partitions: 4 }]);
    const p = await bus.producer();
    await p.send('t', Array.from({ length: 40 }, (_, i) => ({ key: null, value: String(i) })));
    const seen: BusMessage[][] = [[], []];
    const [a, b] = [await bus.consumer(), await bus.consumer()];
    let bCaughtUp = 0;
    await a.run({ groupId: 'g', topics: ['t'], fromBeginning: false, eachBatch: async (x) => void seen[0].push(...x) });
    await b.run({
      groupId: 'g',
      topics: ['t'],
      fromBeginning: false,
      eachBatch: async (x) => void seen[1].push(...x),
      onCaughtUp: async () => void (bCaughtUp += 1),
    });
    await p.send('t', Array.from({ length: 8 }, (_, i) => ({ key: null, value: String(40 + i) })));
    await new Promise((r) => setTimeout(r, 20));
    const partsOf = (ms: BusMessage[]): number[] => [...new Set(ms.map((m) => m.partition))].sort();
    // After b joined, the 8 new messages (2 per partition) went to whichever member owns the partition.
    const late = (ms: BusMessage[]): BusMessage[] => ms.filter((m) => Number(m.value.toString()) >= 40);
    expect(partsOf(late(seen[0]))).toEqual([0, 2]);
    expect(partsOf(late(seen[1]))).toEqual([1, 3]);
    await a.stop();
    await p.send('t', [{ key: null, value: '48' }, { key: null, value: '49' }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(partsOf(seen[1].filter((m) => Number(m.value.toString()) >= 48))).toHaveLength(2);
    const all = [...seen[0], ...seen[1]].map((m) => Number(m.value.toString()));
    expect(new Set(all).size).toBe(50);
    expect(bCaughtUp).toBeGreaterThan(0);
    await bus.close();
  });

  it('is deterministic: the same sends produce the same partitions and offsets', async () => {
    const layout = async (): Promise<string[]> => {
      const bus = new MemoryBus();
      await bus.ensureTopics([{ topic: 't', partitions: 5 }]);
      const p = await bus.producer();
      await p.send('t', Array.from({ length: 50 }, (_, i) => ({ key: i % 3 ? `acct-${i % 11}` : null, value: String(i) })));
      const out = (await bus.readAll('t')).map((m) => `${m.partition}/${m.offset}=${m.value.toString()}`);
      await bus.close();
      return out;
    };
    expect(await layout()).toEqual(await layout());
  });
});
