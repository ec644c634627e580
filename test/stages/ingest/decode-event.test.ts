import { describe, expect, it } from 'vitest';
import { DLQ_REASONS } from '../../../src/stages/ingest/dead-letter.ts';
import { decodeEvent } from '../../../src/stages/ingest/decode-event.ts';

const opts = { maxBytes: 2048 };
const note = { type: 'note', event_id: 'e1', ts: '2026-05-15T08:00:00+08:00', account_id: 'a1', note_id: 'n1', action: 'publish', title: 't', body: 'b', targets: [{ kind: 'product', id: 'p1' }] };
const dec = (v: unknown) => decodeEvent(Buffer.isBuffer(v) ? v : Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)), 'test:0:1', opts);

describe('decodeEvent', () => {
  it('accepts a valid note and normalises its timestamp to epoch ms UTC', () => {
    const d = dec(note);
    expect(d.ok).toBe(true);
    if (d.ok) expect(d.event.ts).toBe(Date.UTC(2026, 4, 15, 0, 0, 0));
  });

  it('accepts extra fields', () => {
    expect(dec({ ...note, something_new: [1, 2] }).ok).toBe(true);
  });

  const cases: [string, unknown, string][] = [
    ['malformed JSON', '{"type": "note", ', DLQ_REASONS.MALFORMED_JSON],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), DLQ_REASONS.INVALID_UTF8],
    ['oversized payload', { ...note, body: 'x'.repeat(4096) }, DLQ_REASONS.OVERSIZED],
    ['non-object', '[1,2]', DLQ_REASONS.NOT_AN_OBJECT],
    ['unknown type', { ...note, type: 'story' }, DLQ_REASONS.UNKNOWN_TYPE],
    ['missing field', { ...note, note_id: undefined }, DLQ_REASONS.SCHEMA_VIOLATION],
    ['mistyped field', { ...note, targets: 'p1' }, DLQ_REASONS.SCHEMA_VIOLATION],
    ['timestamp without zone', { ...note, ts: '2026-05-15T08:00:00' }, DLQ_REASONS.SCHEMA_VIOLATION],
    ['impossible date', { ...note, ts: '2026-13-45T08:00:00Z' }, DLQ_REASONS.BAD_TIMESTAMP],
    ['like without note_id', { type: 'interaction', event_id: 'e', ts: 1, account_id: 'a', action: 'like' }, DLQ_REASONS.SCHEMA_VIOLATION],
    ['follow without target', { type: 'interaction', event_id: 'e', ts: 1, account_id: 'a', action: 'follow', note_id: 'n' }, DLQ_REASONS.SCHEMA_VIOLATION],
  ];
  for (const [name, input, reason] of cases) {
    it(`dead-letters ${name} as ${reason}, keeping the original bytes`, () => {
      const raw = Buffer.isBuffer(input) ? input : Buffer.from(typeof input === 'string' ? input : JSON.stringify(input));
      const d = decodeEvent(raw, 'test:0:7', opts);
      expect(d.ok).toBe(false);
      if (!d.ok) {
        expect(d.dead.reason).toBe(reason);
        expect(Buffer.from(d.dead.original_b64, 'base64').equals(raw)).toBe(true);
        expect(d.dead.source).toBe('test:0:7');
        expect(d.dead.detail).not.toContain('x'.repeat(50)); // never echoes the body
      }
    });
  }
});
