import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/config/params.ts';
import type { FeaturedEvent } from '../../src/contracts/normalized.ts';
import { makeProvenance } from '../../src/runtime/provenance.ts';
import { readFeaturedEvents } from '../../src/snapshot/read-snapshot.ts';
import { SnapshotSink } from '../../src/snapshot/snapshot-sink.ts';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'rw-sink-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

const params = resolveParams({});
const like = (i: number): FeaturedEvent => ({ type: 'interaction', event_id: `e${i}`, ts: Date.UTC(2026, 4, 1) + i * 60_000, account_id: `u${i % 5}`, action: 'like', note_id: `n${i}` });

describe('SnapshotSink', () => {
  it('records the offset range of each topic-partition, skips redeliveries, and publishes them in the manifest', async () => {
    const sink = await SnapshotSink.open(join(dir, 'k1'), params, makeProvenance(params, null));
    const feed = (partition: number, offset: number, i: number) => sink.record({ role: 'features', topic: 'ringwatch.features.v1', partition, offset: String(offset), value: like(i) });
    expect(feed(0, 10, 0)).toBe(true);
    expect(feed(1, 500, 1)).toBe(true);
    expect(feed(0, 11, 2)).toBe(true);
    await sink.flush();
    expect(feed(0, 11, 2)).toBe(false); // redelivered after a rebalance
    expect(feed(0, 9, 99)).toBe(false);
    expect(feed(0, 12, 3)).toBe(true);
    expect(sink.record({ role: 'features', topic: 'ringwatch.features.v1', partition: 1, offset: '501', value: { kind: 'watermark', ts: 0, final: false } })).toBe(true);
    const m = await sink.publish();
    expect(m.input).toEqual({
      kind: 'kafka',
      ranges: [
        { topic: 'ringwatch.features.v1', partition: 0, first_offset: '10', last_offset: '12', records: 3 },
        { topic: 'ringwatch.features.v1', partition: 1, first_offset: '500', last_offset: '501', records: 2 },
      ],
    });
    expect(m.tables.interactions.rows).toBe(4);
    expect((await readFeaturedEvents(join(dir, 'k1'), m)).map((e) => ('event_id' in e ? e.event_id : e.note_id))).toEqual(['e0', 'e1', 'e2', 'e3']);
  });

  it('compares offsets numerically, beyond 2^53', async () => {
    const sink = await SnapshotSink.open(join(dir, 'k2'), params, makeProvenance(params, null));
    const rec = (offset: string, i: number) => sink.record({ role: 'features', topic: 't', partition: 0, offset, value: like(i) });
    expect(rec('9007199254740993', 0)).toBe(true);
    expect(rec('9007199254740992', 1)).toBe(false);
    expect(rec('10000000000000000', 2)).toBe(true);
    await sink.abort();
  });
});
