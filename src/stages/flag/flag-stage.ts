/**
 * flag — turns cluster rounds into ring events: `flagged` the first time a candidate scores at
 * least `flag.minScore`, `updated` when its membership or score moves materially, `retired` when
 * it has not been seen above the bar for `flag.retireAfterMs`, `merged` (with `merged_into`) when
 * cluster reports that a flagged ring it took in (`absorbed`, ring-identity.ts) was another open case
 * (if the survivor is not a case yet, when it becomes one), or when a case about to retire has
 * ≥ `cluster.absorbMinShare` of its accounts in another open case: fragments of one matrix flagged
 * apart become one case. Idempotent by (ring_id, version):
 * the runner primes `alreadyEmitted` from the rings topic, so redelivery never re-flags.
 * Consumes: clusters. Emits: rings (keyed by ring_id).
 */
import type { Params } from '../../config/params.ts';
import type { Provenance, RingEvent } from '../../contracts/ring.ts';
import type { Metrics } from '../../runtime/metrics.ts';
import type { ClusterRound, RingCandidate } from '../cluster/cluster-stage.ts';
import type { StageProcessor } from '../stage.ts';

interface FlagState {
  version: number;
  detected_at: string;
  members: Set<string>;
  score: number;
  lastSeen: number;
  last: RingEvent;
}

export interface FlagStage extends StageProcessor {
  alreadyEmitted: Set<string>;
}

export function createFlagStage(params: Params, provenance: Provenance, metrics: Metrics): FlagStage {
  const p = params.flag;
  const state = new Map<string, FlagState>();
  const alreadyEmitted = new Set<string>();
  const streak = new Map<string, number>();
  /** a candidate that is not an open case yet → the open cases cluster folded into it (closed as merged when it opens) */
  const awaiting = new Map<string, string[]>();

  const changedEnough = (s: FlagState, c: RingCandidate) => {
    const now = new Set(c.members.map((m) => m.account_id));
    let diff = 0;
    for (const m of now) if (!s.members.has(m)) diff++;
    for (const m of s.members) if (!now.has(m)) diff++;
    const union = new Set([...now, ...s.members]).size;
    return diff / union >= p.updateMinMemberChange || Math.abs(c.score - s.score) >= 0.1;
  };

  /** the case `id` was merged into, followed transitively (itself when it was not merged) */
  const survivorOf = (id: string): string => {
    const seen = new Set<string>();
    let cur = id;
    for (let s = state.get(cur); s?.last.status === 'merged' && s.last.merged_into && !seen.has(cur); s = state.get(cur)) {
      seen.add(cur);
      cur = s.last.merged_into;
    }
    return cur;
  };

  /** the open case (largest overlap, then id) holding ≥ cluster.absorbMinShare of `s`'s members, if any */
  const duplicateOf = (s: FlagState): string | undefined => {
    let best: string | undefined;
    let bestN = 0;
    for (const [id, t] of state) {
      if (t === s || t.last.status === 'retired' || t.last.status === 'merged') continue;
      let n = 0;
      for (const m of s.members) if (t.members.has(m)) n++;
      if (n > bestN || (n > 0 && n === bestN && id < best!)) [best, bestN] = [id, n];
    }
    return best !== undefined && bestN >= params.cluster.absorbMinShare * s.members.size ? best : undefined;
  };

  return {
    name: 'flag',
    inputs: ['clusters'],
    outputs: ['rings'],
    alreadyEmitted,
    handle(msg, emit) {
      const round = msg.decoded as ClusterRound;
      if (round.kind !== 'round') return;
      const at = new Date(round.ts).toISOString();
      const out = (ev: RingEvent) => {
        const key = `${ev.ring_id}#${ev.version}`;
        if (alreadyEmitted.has(key)) return metrics.inc('flag_duplicates_suppressed_total');
        alreadyEmitted.add(key);
        metrics.inc('flag_ring_events_total', { status: ev.status });
        emit('rings', ev.ring_id, ev);
      };
      /** the case takes the candidate's membership and score as a new `updated` version */
      const update = (s: FlagState, c: RingCandidate) => {
        s.version++;
        s.members = new Set(c.members.map((m) => m.account_id));
        s.score = c.score;
        s.last = { ring_id: c.ring_id, version: s.version, status: 'updated', detected_at: s.detected_at, updated_at: at, members: c.members, score: c.score, evidence: c.evidence, provenance };
        out(s.last);
      };
      for (const c of round.candidates) {
        const s = state.get(c.ring_id);
        if (c.score < p.minScore) {
          streak.delete(c.ring_id);
          // an open case follows its candidate's membership while it scores ≥ keepMinScore (opening needs minScore)
          if (s && c.score >= p.keepMinScore && s.last.status !== 'retired' && s.last.status !== 'merged' && changedEnough(s, c)) update(s, c);
          continue;
        }
        // a new case needs to hold above the bar for `minRounds` consecutive rounds (transient groups don't)
        const n = (streak.get(c.ring_id) ?? 0) + 1;
        streak.set(c.ring_id, n);
        if (!s && n < p.minRounds) continue;
        if (!s) {
          const ev: RingEvent = { ring_id: c.ring_id, version: 1, status: 'flagged', detected_at: at, updated_at: at, members: c.members, score: c.score, evidence: c.evidence, provenance };
          state.set(c.ring_id, { version: 1, detected_at: at, members: new Set(c.members.map((m) => m.account_id)), score: c.score, lastSeen: round.ts, last: ev });
          out(ev);
          continue;
        }
        if (s.last.status === 'merged') continue; // closed for good (cluster never reuses an absorbed id)
        s.lastSeen = round.ts;
        if (s.last.status === 'retired' || changedEnough(s, c)) update(s, c);
      }
      // a flagged case taken in by another flagged case is closed as merged into it; taken in by a
      // candidate that is not a case yet, it waits for that candidate to become one (or to be taken in
      // itself, and then follows it)
      for (const c of round.candidates) {
        const taken: string[] = [...(awaiting.get(c.ring_id) ?? [])];
        for (const id of c.absorbed ?? []) {
          taken.push(id, ...(awaiting.get(id) ?? []));
          awaiting.delete(id);
        }
        // a candidate whose own case was closed as merged (at retirement) passes what it takes in to that case's survivor
        const target = survivorOf(c.ring_id);
        const open = [...new Set(taken)].filter((id) => id !== target && state.has(id) && state.get(id)!.last.status !== 'merged').sort();
        const into = state.get(target);
        if (open.length && (!into || into.last.status === 'retired')) {
          awaiting.set(c.ring_id, open);
          continue;
        }
        awaiting.delete(c.ring_id);
        for (const id of open) {
          const s = state.get(id)!;
          s.version++;
          s.last = { ...s.last, version: s.version, status: 'merged', merged_into: target, updated_at: at };
          out(s.last);
        }
      }
      const present = new Set(round.candidates.map((c) => c.ring_id));
      for (const id of [...streak.keys()]) if (!present.has(id)) streak.delete(id);
      for (const [, s] of [...state.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (s.last.status !== 'retired' && s.last.status !== 'merged' && round.ts - s.lastSeen >= p.retireAfterMs) {
          s.version++;
          // a case whose accounts now sit in another open case is that case's duplicate: merged, not retired
          const into = duplicateOf(s);
          s.last = into ? { ...s.last, version: s.version, status: 'merged', merged_into: into, updated_at: at } : { ...s.last, version: s.version, status: 'retired', updated_at: at };
          out(s.last);
        }
      }
    },
    flush() {},
  };
}
