/**
 * The per-ring tables that let a reader explain each failure: one row per true ring (what
 * matched it, how well, how late, and the best near-miss if nothing did) and one row per
 * flagged ring (what it matched and what it is made of — true ring members, genuine accounts by
 * hard-negative class, or accounts unknown to the truth).
 */
import type { HardNegativeClass } from '../contracts/truth.ts';
import type { FoldedRing } from './fold-merged.ts';
import type { FlaggedRingRow, TrueRingRow } from './eval-result.ts';
import type { TruthIndex } from './index-truth.ts';
import type { RingPair } from './overlap-pairs.ts';
import { summarizeStrategy } from './summarize-strategy.ts';

const HOUR_MS = 3_600_000;

export function trueRingRows(
  truth: TruthIndex,
  flagged: readonly FoldedRing[],
  pairs: readonly RingPair[],
  matches: ReadonlyMap<number, RingPair>,
  flaggedAccounts: ReadonlySet<string>,
  largeMin: number,
): TrueRingRow[] {
  const best = new Map<number, RingPair>();
  for (const p of pairs) {
    const b = best.get(p.truth);
    if (!b || p.jaccard > b.jaccard) best.set(p.truth, p);
  }
  return truth.rings.map((r, t) => {
    const m = matches.get(t);
    const b = best.get(t);
    const members = truth.members[t];
    const coreIds = new Set(r.members.filter((x) => x.role === 'core').map((x) => x.account_id));
    return {
      ring_id: r.ring_id,
      operator_id: r.operator_id,
      size: members.length,
      core_size: coreIds.size,
      large: members.length >= largeMin,
      strategy: summarizeStrategy(r.strategy),
      matched_ring_id: m ? flagged[m.flagged].ring_id : null,
      jaccard: m ? m.jaccard : null,
      delay_hours: m ? (flagged[m.flagged].detected_ms - r.first_coordinated_ts) / HOUR_MS : null,
      best_ring_id: b ? flagged[b.flagged].ring_id : null,
      best_jaccard: b ? b.jaccard : 0,
      members_flagged: members.filter((a) => flaggedAccounts.has(a)).length,
    };
  });
}

export function flaggedRingRows(
  truth: TruthIndex,
  flagged: readonly FoldedRing[],
  matches: ReadonlyMap<number, RingPair>,
): FlaggedRingRow[] {
  const matchOf = new Map<number, RingPair>();
  for (const p of matches.values()) matchOf.set(p.flagged, p);
  return flagged.map((f, i) => {
    const m = matchOf.get(i);
    let ringMembers = 0;
    let genuine = 0;
    const byClass: Partial<Record<HardNegativeClass, number>> = {};
    for (const a of f.members) {
      if (truth.positives.has(a)) ringMembers++;
      else if (truth.genuine.has(a)) genuine++;
      for (const [cls, entry] of truth.classes) if (entry.accounts.has(a)) byClass[cls] = (byClass[cls] ?? 0) + 1;
    }
    return {
      ring_id: f.ring_id,
      status: f.status,
      versions: f.versions,
      size: f.members.length,
      score: f.score,
      detected_at: f.detected_at,
      merged_from: f.merged_from,
      matched_true_ring_id: m ? truth.rings[m.truth].ring_id : null,
      jaccard: m ? m.jaccard : null,
      ring_members: ringMembers,
      genuine,
      unknown: f.members.length - ringMembers - genuine,
      by_class: byClass,
    };
  });
}
