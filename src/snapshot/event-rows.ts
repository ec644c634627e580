/**
 * Featured events ↔ rows of the `notes`, `accounts` and `interactions` tables. Pure.
 *
 * Round trip is exact for every field stored: `eventFromRow(eventToRow(e))` deep-equals `e` when
 * text is included and no pseudonymiser is used; without text, title/body are '' and
 * tags/nickname/bio/interaction text are absent (the linker never reads them). Absent optional
 * fields are null in Parquet and absent again after the round trip.
 */
import type { FeaturedEvent, NormalizedAccount, NormalizedInteraction, NormalizedNote, NoteEmbeddingRecord } from '../contracts/normalized.ts';
import type { Target } from '../contracts/events.ts';
import { fromParquetList, toParquetList } from '../adapters/parquet/read-parquet-rows.ts';
import type { Pseudonymizer } from './pseudonymizer.ts';

export type EventTable = 'notes' | 'accounts' | 'interactions';

export interface RowOptions {
  includeText: boolean;
  pseudonymizer: Pseudonymizer | null;
}

export function eventTable(ev: FeaturedEvent): EventTable {
  return ev.type === 'note' ? 'notes' : ev.type === 'account' ? 'accounts' : 'interactions';
}

type Row = Record<string, unknown>;

export function eventToRow(ev: FeaturedEvent, seq: number, o: RowOptions, late: readonly NoteEmbeddingRecord[] = []): Row {
  const ps = o.pseudonymizer;
  const text = o.includeText;
  const account_id = ps ? ps.map(ev.account_id) : ev.account_id;
  if (ev.type === 'note') {
    const n = ev as NormalizedNote & FeaturedEvent;
    return {
      seq, event_id: n.event_id, ts: n.ts, account_id, action: n.action, note_id: n.note_id, simhash: n.features?.simhash,
      targets: n.targets.map(copyTarget),
      lang: n.lang, ai_label: n.ai_label, ad_disclosure: n.ad_disclosure,
      device_id: ps && n.device_id !== undefined ? ps.map(n.device_id, 'device') : n.device_id,
      ip_prefix: ps && n.ip_prefix !== undefined ? ps.map(n.ip_prefix, 'ip') : n.ip_prefix,
      media_hashes: toParquetList(n.media_hashes), embedding: toParquetList(n.features?.embedding),
      title: text ? n.title : undefined, body: text ? n.body : undefined, tags: text ? toParquetList(n.tags) : undefined,
      late_embeddings_json: late.length ? JSON.stringify(late.map((r) => ({ ...r, account_id: ps ? ps.map(r.account_id) : r.account_id }))) : undefined,
    };
  }
  if (ev.type === 'account') {
    const a = ev as NormalizedAccount;
    return {
      seq, event_id: a.event_id, ts: a.ts, account_id, action: a.action, registered_at: a.registered_at,
      device_id: ps && a.device_id !== undefined ? ps.map(a.device_id, 'device') : a.device_id,
      ip_prefix: ps && a.ip_prefix !== undefined ? ps.map(a.ip_prefix, 'ip') : a.ip_prefix,
      verified: a.verified, declared_partner: a.declared_partner, avatar_hash: a.avatar_hash,
      nickname: text ? a.nickname : undefined, bio: text ? a.bio : undefined,
    };
  }
  const i = ev as NormalizedInteraction;
  return {
    seq, event_id: i.event_id, ts: i.ts, account_id, action: i.action, note_id: i.note_id,
    target_account_id: ps && i.target_account_id !== undefined ? ps.map(i.target_account_id) : i.target_account_id,
    text: text ? i.text : undefined,
  };
}

function copyTarget(t: Target): Target {
  return { kind: t.kind, id: t.id };
}

/** The late embedding records stored on a notes row, in the order featurize emitted them (empty when none). */
export function lateEmbeddingsFromRow(r: Row): NoteEmbeddingRecord[] {
  if (r.late_embeddings_json == null) return [];
  return (JSON.parse(str(r.late_embeddings_json)) as Omit<NoteEmbeddingRecord, 'kind'>[]).map((x) => ({ kind: 'embedding', note_id: x.note_id, account_id: x.account_id, ts: x.ts, embedding: x.embedding }));
}

/** A row read back (from parquetjs or any reader giving plain values) → the featured event it came from. */
export function eventFromRow(table: EventTable, r: Row): FeaturedEvent {
  const base = { event_id: str(r.event_id), ts: ms(r.ts), account_id: str(r.account_id) };
  if (table === 'notes') {
    const features = r.simhash == null ? undefined : { simhash: str(r.simhash), ...opt('embedding', fromParquetList<number>(r.embedding)) };
    const n = {
      type: 'note' as const, ...base, note_id: str(r.note_id), action: str(r.action) as NormalizedNote['action'],
      title: r.title == null ? '' : str(r.title), body: r.body == null ? '' : str(r.body),
      targets: ((r.targets as Target[] | null) ?? []).map((t) => ({ kind: t.kind, id: t.id })),
      ...opt('lang', r.lang), ...opt('tags', fromParquetList<string>(r.tags)), ...opt('media_hashes', fromParquetList<string>(r.media_hashes)),
      ...opt('ai_label', r.ai_label), ...opt('ad_disclosure', r.ad_disclosure), ...opt('device_id', r.device_id), ...opt('ip_prefix', r.ip_prefix),
      ...(features ? { features } : {}),
    };
    return n as FeaturedEvent;
  }
  if (table === 'accounts') {
    return {
      type: 'account', ...base, action: str(r.action) as NormalizedAccount['action'],
      ...opt('nickname', r.nickname), ...opt('bio', r.bio), ...opt('avatar_hash', r.avatar_hash),
      ...(r.registered_at == null ? {} : { registered_at: ms(r.registered_at) }),
      ...opt('device_id', r.device_id), ...opt('ip_prefix', r.ip_prefix), ...opt('verified', r.verified), ...opt('declared_partner', r.declared_partner),
    } as FeaturedEvent;
  }
  return {
    type: 'interaction', ...base, action: str(r.action) as NormalizedInteraction['action'],
    ...opt('note_id', r.note_id), ...opt('target_account_id', r.target_account_id), ...opt('text', r.text),
  } as FeaturedEvent;
}

function opt<K extends string>(key: K, v: unknown): Partial<Record<K, unknown>> {
  return v === null || v === undefined ? {} : ({ [key]: v } as Record<K, unknown>);
}

function str(v: unknown): string {
  return String(v);
}

/** Epoch ms from a TIMESTAMP_MILLIS value as readers return it (Date, bigint or number). */
export function ms(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  return Number(v);
}

/** Replay order: the order ingest released events in — (ts, event_id) — with the stream position as the last tie-break. */
export function compareReplayOrder(a: { ts: number; event_id: string; seq: number }, b: { ts: number; event_id: string; seq: number }): number {
  return a.ts - b.ts || (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0) || a.seq - b.seq;
}
