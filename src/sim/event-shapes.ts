/**
 * Build contract-shaped plain objects (src/contracts/events.ts) with the mixed timestamp
 * encodings real producers use: account service in local ISO, note service mostly epoch ms,
 * interaction service epoch ms with a minority of ISO from an older client.
 */
import type { AccountEvent, InteractionEvent, NoteEvent, Target } from '../contracts/events.ts';
import type { SimAccount } from './account.ts';
import { encodeTs, type TsStyle } from './clock.ts';
import type { Rng } from './rng.ts';

export function tsStyle(rng: Rng, type: 'account' | 'note' | 'interaction'): TsStyle {
  const r = rng.next();
  if (type === 'account') return r < 0.55 ? 'iso_local' : r < 0.65 ? 'iso_local_ms' : 'ms';
  if (type === 'note') return r < 0.88 ? 'ms' : 'iso_utc';
  return r < 0.96 ? 'ms' : 'iso_local_ms';
}

export function accountEvent(
  rng: Rng,
  eventId: string,
  t: number,
  a: SimAccount,
  action: 'register' | 'update' | 'delete',
  changed?: { nickname?: string; bio?: string; avatar?: string },
): AccountEvent {
  const base = { event_id: eventId, ts: encodeTs(t, tsStyle(rng, 'account')), account_id: a.id, type: 'account' as const, action };
  if (action === 'delete') return base;
  if (action === 'update') {
    const e: AccountEvent = { ...base };
    if (changed?.nickname !== undefined) e.nickname = changed.nickname;
    if (changed?.bio !== undefined) e.bio = changed.bio;
    if (changed?.avatar !== undefined) e.avatar_hash = changed.avatar;
    if (rng.chance(0.5)) e.device_id = a.devices[0];
    return e;
  }
  return {
    ...base,
    nickname: a.nickname,
    bio: a.bio,
    avatar_hash: a.avatar,
    registered_at: encodeTs(a.registeredAt, rng.chance(0.7) ? 'iso_local' : 'ms'),
    device_id: a.devices[0],
    ip_prefix: a.ip,
    verified: a.verified,
    declared_partner: a.partner,
  };
}

export interface NoteFields {
  noteId: string;
  action: 'publish' | 'edit' | 'delete';
  title: string;
  body: string;
  targets: Target[];
  lang?: string;
  tags?: string[];
  media?: string[];
  aiLabel?: boolean;
  adDisclosure?: boolean;
  device?: string;
  ip?: string;
}

export function noteEvent(rng: Rng, eventId: string, t: number, a: SimAccount, f: NoteFields): NoteEvent {
  const e: NoteEvent = {
    event_id: eventId,
    ts: encodeTs(t, tsStyle(rng, 'note')),
    account_id: a.id,
    type: 'note',
    note_id: f.noteId,
    action: f.action,
    title: f.title,
    body: f.body,
    targets: f.targets,
  };
  if (f.lang !== undefined) e.lang = f.lang;
  if (f.tags !== undefined) e.tags = f.tags;
  if (f.media !== undefined) e.media_hashes = f.media;
  if (f.aiLabel !== undefined) e.ai_label = f.aiLabel;
  if (f.adDisclosure !== undefined) e.ad_disclosure = f.adDisclosure;
  if (f.device !== undefined) e.device_id = f.device;
  if (f.ip !== undefined) e.ip_prefix = f.ip;
  return e;
}

export function interactionEvent(
  rng: Rng,
  eventId: string,
  t: number,
  a: SimAccount,
  action: InteractionEvent['action'],
  noteId?: string,
  targetAccount?: string,
  text?: string,
): InteractionEvent {
  const e: InteractionEvent = { event_id: eventId, ts: encodeTs(t, tsStyle(rng, 'interaction')), account_id: a.id, type: 'interaction', action };
  if (noteId !== undefined) e.note_id = noteId;
  if (targetAccount !== undefined) e.target_account_id = targetAccount;
  if (text !== undefined) e.text = text;
  return e;
}
