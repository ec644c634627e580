/**
 * Decode and validate one raw input message against the input contract v1.
 * Pure: bytes (or an already-parsed object from a trusted in-process reader) in,
 * a normalised event or a dead letter out. Never throws on bad input.
 */
import { EVENT_SCHEMAS, type EventType } from '../../contracts/events.ts';
import type { NormalizedEvent } from '../../contracts/normalized.ts';
import { toEpochMs } from '../../core/event-time.ts';
import { DLQ_REASONS, type DeadLetter } from './dead-letter.ts';

export type Decoded = { ok: true; event: NormalizedEvent } | { ok: false; dead: DeadLetter };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface DecodeOptions {
  maxBytes: number;
}

export function decodeEvent(raw: Buffer, source: string, opts: DecodeOptions, parsed?: unknown): Decoded {
  const dead = (reason: DeadLetter['reason'], detail: string, event_id?: string): Decoded => ({
    ok: false,
    dead: { reason, detail, source, stage: 'ingest', original_b64: raw.toString('base64'), ...(event_id ? { event_id } : {}) },
  });
  if (raw.length > opts.maxBytes) return dead(DLQ_REASONS.OVERSIZED, `${raw.length} bytes > limit ${opts.maxBytes}`);
  let obj = parsed;
  if (obj === undefined) {
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      return dead(DLQ_REASONS.INVALID_UTF8, 'payload is not valid UTF-8');
    }
    try {
      obj = JSON.parse(text);
    } catch (err) {
      return dead(DLQ_REASONS.MALFORMED_JSON, (err as Error).message.slice(0, 200));
    }
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return dead(DLQ_REASONS.NOT_AN_OBJECT, 'event must be a JSON object');
  const rec = obj as Record<string, unknown>;
  const eventId = typeof rec.event_id === 'string' ? rec.event_id : undefined;
  const type = rec.type;
  if (typeof type !== 'string' || !(type in EVENT_SCHEMAS)) {
    return dead(DLQ_REASONS.UNKNOWN_TYPE, `type ${JSON.stringify(type)?.slice(0, 40)} is not account|note|interaction`, eventId);
  }
  const result = EVENT_SCHEMAS[type as EventType].safeParse(rec);
  if (!result.success) {
    const issue = result.error.issues[0];
    return dead(DLQ_REASONS.SCHEMA_VIOLATION, `${issue.path.join('.') || '(root)'}: ${issue.message}`.slice(0, 300), eventId);
  }
  const ev = result.data as Record<string, unknown>;
  const ts = toEpochMs(ev.ts as string | number);
  if (Number.isNaN(ts)) return dead(DLQ_REASONS.BAD_TIMESTAMP, 'ts is not a valid instant', eventId);
  const out: Record<string, unknown> = { ...ev, ts };
  if (ev.registered_at !== undefined) {
    const reg = toEpochMs(ev.registered_at as string | number);
    if (Number.isNaN(reg)) return dead(DLQ_REASONS.BAD_TIMESTAMP, 'registered_at is not a valid instant', eventId);
    out.registered_at = reg;
  }
  return { ok: true, event: out as unknown as NormalizedEvent };
}
