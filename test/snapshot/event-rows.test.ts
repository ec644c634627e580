import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionedParquetWriter } from '../../src/adapters/parquet/partitioned-parquet-writer.ts';
import { readParquetRows } from '../../src/adapters/parquet/read-parquet-rows.ts';
import type { FeaturedEvent } from '../../src/contracts/normalized.ts';
import { compareReplayOrder, eventFromRow, eventTable, eventToRow, type RowOptions } from '../../src/snapshot/event-rows.ts';
import { Pseudonymizer } from '../../src/snapshot/pseudonymizer.ts';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'rw-event-rows-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

const id = fc.string({ minLength: 1, maxLength: 10 });
const text = fc.string({ unit: 'grapheme', maxLength: 20 });
const ts = fc.integer({ min: 0, max: 4_102_444_800_000 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const hex16 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((b) => b.toString(16).padStart(16, '0'));

const note = fc.record({
  type: fc.constant('note' as const), event_id: id, ts, account_id: id, note_id: id, action: fc.constantFrom('publish', 'edit', 'delete'),
  title: text, body: text, targets: fc.array(fc.record({ kind: fc.constantFrom('product', 'merchant', 'brand', 'topic', 'url'), id }), { maxLength: 4 }),
  lang: opt(id), tags: opt(fc.array(text, { maxLength: 3 })), media_hashes: opt(fc.array(id, { maxLength: 3 })),
  ai_label: opt(fc.boolean()), ad_disclosure: opt(fc.boolean()), device_id: opt(id), ip_prefix: opt(id),
  features: opt(fc.record({ simhash: hex16, embedding: opt(fc.array(fc.double({ noNaN: true }), { maxLength: 6 })) })),
});
const account = fc.record({
  type: fc.constant('account' as const), event_id: id, ts, account_id: id, action: fc.constantFrom('register', 'update', 'delete'),
  nickname: opt(text), bio: opt(text), avatar_hash: opt(id), registered_at: opt(ts), device_id: opt(id), ip_prefix: opt(id),
  verified: opt(fc.boolean()), declared_partner: opt(fc.boolean()),
});
const interaction = fc.record({
  type: fc.constant('interaction' as const), event_id: id, ts, account_id: id, action: fc.constantFrom('like', 'collect', 'comment', 'share', 'follow'),
  note_id: opt(id), target_account_id: opt(id), text: opt(text),
});
const event = fc.oneof(note, account, interaction).map((e) => clean(e) as FeaturedEvent);

/** Drop keys whose value is undefined (an absent optional field), recursively. */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, clean(x)]));
  return v;
}

let run = 0;
async function roundTrip(events: FeaturedEvent[], o: RowOptions): Promise<FeaturedEvent[]> {
  const root = join(dir, `rt-${run++}`);
  const writers = new Map<string, PartitionedParquetWriter>();
  for (const [seq, ev] of events.entries()) {
    const t = eventTable(ev);
    if (!writers.has(t)) writers.set(t, new PartitionedParquetWriter(root, t, { rowGroupSize: 5 }));
    await writers.get(t)!.append(eventToRow(ev, seq, o), ev.ts);
  }
  const back: { ev: FeaturedEvent; seq: number; ts: number; event_id: string }[] = [];
  for (const [t, w] of writers)
    for (const f of await w.close())
      for await (const r of readParquetRows(join(root, f.path))) {
        const ev = eventFromRow(t as 'notes', r);
        back.push({ ev, seq: Number(r.seq), ts: ev.ts, event_id: ev.event_id });
      }
  return back.sort((a, b) => a.seq - b.seq).map((b) => b.ev);
}

describe('featured events through Parquet', () => {
  it('round-trip exactly, every field, when text is included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 25 }), async (events) => {
        expect(await roundTrip(events, { includeText: true, pseudonymizer: null })).toStrictEqual(events);
      }),
      { numRuns: 40, seed: 5 },
    );
  });

  it('without text keep everything else and drop title, body, tags, nickname, bio and comment text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 25 }), async (events) => {
        const expected = events.map((e) => {
          const { nickname: _n, bio: _b, text: _t, tags: _g, ...rest } = e as Record<string, unknown>;
          return e.type === 'note' ? { ...rest, title: '', body: '' } : rest;
        });
        expect(await roundTrip(events, { includeText: false, pseudonymizer: null })).toStrictEqual(expected);
      }),
      { numRuns: 25, seed: 6 },
    );
  });

  it('with a pseudonymiser replace account, target-account, device and IP values consistently and nothing else', async () => {
    const ps = new Pseudonymizer('k'.repeat(32));
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 25 }), async (events) => {
        const back = await roundTrip(events, { includeText: true, pseudonymizer: ps });
        const expected = events.map((e) => {
          const r = { ...e } as Record<string, unknown>;
          r.account_id = ps.map(e.account_id);
          if (typeof r.target_account_id === 'string') r.target_account_id = ps.map(r.target_account_id);
          if (typeof r.device_id === 'string') r.device_id = ps.map(r.device_id, 'device');
          if (typeof r.ip_prefix === 'string') r.ip_prefix = ps.map(r.ip_prefix, 'ip');
          return r;
        });
        expect(back).toStrictEqual(expected);
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});

describe('compareReplayOrder', () => {
  it('orders by ts, then event_id, then stream position', () => {
    const xs = [
      { ts: 2, event_id: 'a', seq: 0 },
      { ts: 1, event_id: 'b', seq: 1 },
      { ts: 1, event_id: 'a', seq: 3 },
      { ts: 1, event_id: 'a', seq: 2 },
    ];
    expect([...xs].sort(compareReplayOrder).map((x) => x.seq)).toEqual([2, 3, 1, 0]);
  });
});
