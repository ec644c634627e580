import { describe, expect, it } from 'vitest';
import type { TopicRole } from '../../../src/contracts/events.ts';
import { createMetrics } from '../../../src/runtime/metrics.ts';
import { INGEST_DEFAULTS, createIngestStage } from '../../../src/stages/ingest/ingest-stage.ts';

const like = (id: string, ts: number) => Buffer.from(JSON.stringify({ type: 'interaction', event_id: id, ts, account_id: 'a', action: 'like', note_id: 'n' }));

function harness() {
  const metrics = createMetrics();
  const stage = createIngestStage({ ...INGEST_DEFAULTS, allowedLatenessMs: 60_000 }, metrics);
  const out: { role: TopicRole; value: any }[] = [];
  const emit = (role: TopicRole, _k: string | null, value: unknown) => out.push({ role, value });
  let off = 0;
  const push = (raw: Buffer, part = 'interactions:0') => stage.handle({ role: 'interactions', partition: part, source: `${part}:${off++}`, value: raw }, emit);
  return { stage, out, emit, push, metrics };
}

describe('ingest stage', () => {
  it('dead-letters duplicates and late events, keeps going, and releases every valid event once in time order', () => {
    const h = harness();
    const base = Date.UTC(2026, 0, 1);
    h.push(like('e2', base + 2000));
    h.push(like('e1', base + 1000));
    h.push(like('e2', base + 2000)); // redelivery
    h.push(Buffer.from('not json'));
    h.push(like('e3', base + 10 * 60_000));
    h.push(like('e0', base)); // 10 min behind its partition with 1 min allowance: late
    h.stage.endBatch!(h.emit);
    h.stage.flush(h.emit);
    const events = h.out.filter((o) => o.role === 'events' && o.value.kind !== 'watermark').map((o) => o.value.event_id);
    const dead = h.out.filter((o) => o.role === 'dlq').map((o) => o.value.reason);
    expect(events).toEqual(['e1', 'e2', 'e3']);
    expect(dead.sort()).toEqual(['duplicate_event_id', 'malformed_json', 'too_late']);
    expect(h.metrics.get('ingest_events_in_total', { topic: 'interactions' })).toBe(6);
    const last = h.out[h.out.length - 1].value;
    expect(last).toMatchObject({ kind: 'watermark', final: true });
  });
});
