/**
 * Diff of two ring-event streams (recorded in a snapshot vs. replayed with other params). Pure.
 *
 * Each side's state is the latest version of each ring (the output contract: the latest version
 * of a ring is its state). Rings are matched by ring_id first; rings left over on both sides are
 * then paired greedily by member Jaccard (≥ minOverlap), because changed params can make a ring
 * first appear at another round and so get another id. Every matched pair and every unmatched
 * ring gives one row, classified by the most significant change: membership, then score, then
 * status (retired or merged on one side only, or merged into different rings; `flagged` vs `updated`
 * is only a version difference).
 */
import { isDeepStrictEqual } from 'node:util';
import type { RingEvent } from '../contracts/ring.ts';

export const DIFF_DEFAULTS = Object.freeze({ minOverlap: 0.5, scoreEpsilon: 1e-9 });

export const RING_CHANGES = ['added', 'removed', 'membership_changed', 'score_changed', 'status_changed', 'unchanged'] as const;
export type RingChange = (typeof RING_CHANGES)[number];

export interface RingDiffRow {
  change: RingChange;
  /** Id in the replay (null when removed). */
  ring_id: string | null;
  /** Id in the recorded snapshot (null when added). */
  recorded_ring_id: string | null;
  matched_by: 'ring_id' | 'overlap' | null;
  recorded_version: number | null;
  replay_version: number | null;
  recorded_status: string | null;
  replay_status: string | null;
  recorded_score: number | null;
  replay_score: number | null;
  score_delta: number | null;
  recorded_size: number | null;
  replay_size: number | null;
  jaccard: number | null;
  membership_changed: boolean;
  score_changed: boolean;
  members_added: string[];
  members_removed: string[];
}

export interface RingDiff {
  rows: RingDiffRow[];
  counts: Record<RingChange, number>;
  recordedEvents: number;
  replayEvents: number;
  /** The two event streams are equal event by event (provenance compared too). */
  identicalEvents: boolean;
}

export function diffRings(recorded: readonly RingEvent[], replayed: readonly RingEvent[], opts: Partial<typeof DIFF_DEFAULTS> = {}): RingDiff {
  const o = { ...DIFF_DEFAULTS, ...opts };
  const rec = latest(recorded);
  const rep = latest(replayed);
  const rows: RingDiffRow[] = [];
  const recLeft = new Map(rec);
  const repLeft = new Map(rep);
  for (const [id, a] of rec) {
    const b = rep.get(id);
    if (!b) continue;
    rows.push(compare(a, b, 'ring_id', o.scoreEpsilon));
    recLeft.delete(id);
    repLeft.delete(id);
  }
  const candidates: { j: number; a: RingEvent; b: RingEvent }[] = [];
  for (const a of recLeft.values()) for (const b of repLeft.values()) {
    const j = jaccard(a, b);
    if (j >= o.minOverlap) candidates.push({ j, a, b });
  }
  candidates.sort((x, y) => y.j - x.j || cmp(x.a.ring_id, y.a.ring_id) || cmp(x.b.ring_id, y.b.ring_id));
  for (const { a, b } of candidates) {
    if (!recLeft.has(a.ring_id) || !repLeft.has(b.ring_id)) continue;
    rows.push(compare(a, b, 'overlap', o.scoreEpsilon));
    recLeft.delete(a.ring_id);
    repLeft.delete(b.ring_id);
  }
  for (const a of recLeft.values()) rows.push(oneSided(a, 'removed'));
  for (const b of repLeft.values()) rows.push(oneSided(b, 'added'));
  rows.sort((x, y) => RING_CHANGES.indexOf(x.change) - RING_CHANGES.indexOf(y.change) || cmp(x.recorded_ring_id ?? x.ring_id ?? '', y.recorded_ring_id ?? y.ring_id ?? ''));
  const counts = Object.fromEntries(RING_CHANGES.map((c) => [c, 0])) as Record<RingChange, number>;
  for (const r of rows) counts[r.change]++;
  return { rows, counts, recordedEvents: recorded.length, replayEvents: replayed.length, identicalEvents: isDeepStrictEqual(recorded, replayed) };
}

function latest(events: readonly RingEvent[]): Map<string, RingEvent> {
  const m = new Map<string, RingEvent>();
  for (const e of events) {
    const prev = m.get(e.ring_id);
    if (!prev || e.version >= prev.version) m.set(e.ring_id, e);
  }
  return m;
}

function members(e: RingEvent): Set<string> {
  return new Set(e.members.map((m) => m.account_id));
}

function jaccard(a: RingEvent, b: RingEvent): number {
  const A = members(a);
  const B = members(b);
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  const union = A.size + B.size - inter;
  return union === 0 ? 1 : inter / union;
}

function compare(a: RingEvent, b: RingEvent, by: 'ring_id' | 'overlap', eps: number): RingDiffRow {
  const A = members(a);
  const B = members(b);
  const added = [...B].filter((x) => !A.has(x)).sort();
  const removed = [...A].filter((x) => !B.has(x)).sort();
  const membership = added.length > 0 || removed.length > 0;
  const delta = b.score - a.score;
  const scoreChanged = Math.abs(delta) > eps;
  // closed (retired or merged, and into what) vs open; `flagged` vs `updated` is only a version difference
  const closed = (e: RingEvent) => (e.status === 'retired' || e.status === 'merged' ? `${e.status}:${e.merged_into ?? ''}` : 'open');
  const retiredChanged = closed(a) !== closed(b);
  const change: RingChange = membership ? 'membership_changed' : scoreChanged ? 'score_changed' : retiredChanged ? 'status_changed' : 'unchanged';
  return {
    change, ring_id: b.ring_id, recorded_ring_id: a.ring_id, matched_by: by,
    recorded_version: a.version, replay_version: b.version, recorded_status: a.status, replay_status: b.status,
    recorded_score: a.score, replay_score: b.score, score_delta: delta,
    recorded_size: A.size, replay_size: B.size, jaccard: jaccard(a, b),
    membership_changed: membership, score_changed: scoreChanged, members_added: added, members_removed: removed,
  };
}

function oneSided(e: RingEvent, change: 'added' | 'removed'): RingDiffRow {
  const ids = [...members(e)].sort();
  const mine = change === 'added';
  return {
    change, ring_id: mine ? e.ring_id : null, recorded_ring_id: mine ? null : e.ring_id, matched_by: null,
    recorded_version: mine ? null : e.version, replay_version: mine ? e.version : null,
    recorded_status: mine ? null : e.status, replay_status: mine ? e.status : null,
    recorded_score: mine ? null : e.score, replay_score: mine ? e.score : null, score_delta: null,
    recorded_size: mine ? null : ids.length, replay_size: mine ? ids.length : null, jaccard: null,
    membership_changed: true, score_changed: false, members_added: mine ? ids : [], members_removed: mine ? [] : ids,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
