/**
 * Collapses the ring-event stream (several versions per ring_id) into one record per ring that
 * was ever flagged. The rules, also in docs/evaluation.md:
 *  - versions are ordered by `version`; a repeated (ring_id, version) — at-least-once redelivery —
 *    keeps the copy that appears last in the stream;
 *  - a ring counts as flagged if any version had status `flagged` or `updated`; a ring that was
 *    later `retired` still counts, because it was shown to moderators while it was active;
 *  - membership and score come from the latest flagged/updated version (a retire or merge event
 *    may carry an empty or stale member list);
 *  - `detected_at` comes from the first flagged/updated version (its first flag), in event time;
 *  - a ring whose latest version is `merged` keeps its `merged_into`; fold-merged.ts then folds it
 *    into the case that took it in.
 * Rings that never had a flagged/updated version are dropped. Output is sorted by ring_id.
 */
import type { RingEvent } from '../contracts/ring.ts';
import { EvalError } from './eval-error.ts';

export interface CollapsedRing {
  ring_id: string;
  /** status of the latest version */
  status: RingEvent['status'];
  /** number of distinct versions seen */
  versions: number;
  /** distinct account ids of the latest flagged/updated version, sorted */
  members: string[];
  /** score of the latest flagged/updated version */
  score: number;
  /** `detected_at` of the first flagged/updated version, as given */
  detected_at: string;
  /** the same instant in epoch ms */
  detected_ms: number;
  /** the ring this case was merged into (latest status `merged`), else null */
  merged_into: string | null;
}

export function collapseRings(events: readonly RingEvent[]): CollapsedRing[] {
  const byRing = new Map<string, Map<number, RingEvent>>();
  for (const ev of events) {
    let versions = byRing.get(ev.ring_id);
    if (!versions) byRing.set(ev.ring_id, (versions = new Map()));
    versions.set(ev.version, ev);
  }

  const out: CollapsedRing[] = [];
  for (const [ringId, versions] of byRing) {
    const ordered = [...versions.values()].sort((a, b) => a.version - b.version);
    const active = ordered.filter((v) => v.status === 'flagged' || v.status === 'updated');
    if (active.length === 0) continue;
    const first = active[0];
    const last = active[active.length - 1];
    out.push({
      ring_id: ringId,
      status: ordered[ordered.length - 1].status,
      versions: ordered.length,
      members: [...new Set(last.members.map((m) => m.account_id))].sort(),
      score: last.score,
      detected_at: first.detected_at,
      detected_ms: parseEventTime(first.detected_at, ringId),
      merged_into: ordered[ordered.length - 1].status === 'merged' ? (ordered[ordered.length - 1].merged_into ?? null) : null,
    });
  }
  return out.sort((a, b) => (a.ring_id < b.ring_id ? -1 : a.ring_id > b.ring_id ? 1 : 0));
}

/** ISO-8601 (what the flag stage writes) or a string of epoch milliseconds. */
function parseEventTime(s: string, ringId: string): number {
  const ms = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
  if (!Number.isFinite(ms)) {
    throw new EvalError('EVAL_BAD_TIMESTAMP', `ring ${ringId}: detected_at ${JSON.stringify(s)} is not a timestamp`);
  }
  return ms;
}
