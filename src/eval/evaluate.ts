/**
 * Detection quality of a ring-event stream against the simulator's ground truth — the figures
 * behind `ringwatch eval`. Pure: plain data in, plain data out. Definitions are in
 * docs/evaluation.md; in short:
 *  - rings: flagged rings (collapseRings; a case merged into another is part of it, foldMerged) are matched one-to-one to true rings by greedy
 *    highest-Jaccard matching over pairs with Jaccard ≥ `jaccardThreshold` (matchRings);
 *    precision = matched / flagged, recall = matched / true, and recall over true rings of
 *    ≥ `largeRingMinSize` accounts separately;
 *  - accounts: precision / recall / F1 of the union of flagged members against all ring members;
 *  - false flags: flagged / all over genuine accounts and each hard-negative class;
 *  - time to detection: matched ring's first flag, earliest over its merge lineage (event time)
 *    − first_coordinated_ts.
 */
import type { RingEvent } from '../contracts/ring.ts';
import type { Truth } from '../contracts/truth.ts';
import { accountMetrics } from './account-metrics.ts';
import { collapseRings } from './collapse-rings.ts';
import { EvalError } from './eval-error.ts';
import { foldMerged } from './fold-merged.ts';
import type { EvalResult } from './eval-result.ts';
import { indexTruth } from './index-truth.ts';
import { matchRings } from './match-rings.ts';
import { overlapPairs } from './overlap-pairs.ts';
import { prCurve } from './pr-curve.ts';
import { quantile } from './quantile.ts';
import { ratio } from './ratio.ts';
import { flaggedRingRows, trueRingRows } from './ring-tables.ts';

export interface EvalOptions {
  /** a flagged ring matches a true ring when their member sets have Jaccard ≥ this */
  jaccardThreshold: number;
  /** "large" rings, whose recall the bar is set on, have at least this many accounts */
  largeRingMinSize: number;
}

export const EVAL_DEFAULTS: Readonly<EvalOptions> = Object.freeze({
  jaccardThreshold: 0.5,
  largeRingMinSize: 5,
});

export function resolveEvalOptions(opts: Partial<EvalOptions> = {}): EvalOptions {
  const o = { ...EVAL_DEFAULTS, ...opts };
  if (!(o.jaccardThreshold > 0 && o.jaccardThreshold <= 1)) {
    throw new EvalError('EVAL_BAD_OPTION', `jaccardThreshold must be in (0, 1], got ${o.jaccardThreshold}`);
  }
  if (!(Number.isInteger(o.largeRingMinSize) && o.largeRingMinSize >= 1)) {
    throw new EvalError('EVAL_BAD_OPTION', `largeRingMinSize must be a positive integer, got ${o.largeRingMinSize}`);
  }
  return o;
}

export function evaluate(truth: Truth, rings: readonly RingEvent[], opts: Partial<EvalOptions> = {}): EvalResult {
  const o = resolveEvalOptions(opts);
  const ti = indexTruth(truth);
  const { rings: flagged, merged } = foldMerged(collapseRings(rings));

  const pairs = overlapPairs(
    flagged.map((f) => f.members),
    ti.members,
  );
  const matches = matchRings(pairs, o.jaccardThreshold);
  const isLarge = ti.members.map((m) => m.length >= o.largeRingMinSize);
  const totalLarge = isLarge.filter(Boolean).length;
  const matchedLarge = [...matches.keys()].filter((t) => isLarge[t]).length;

  const flaggedAccounts = new Set([...flagged, ...merged].flatMap((f) => f.members));
  const { account, false_flags } = accountMetrics(flaggedAccounts, ti);

  const trueRows = trueRingRows(ti, flagged, pairs, matches, flaggedAccounts, o.largeRingMinSize);
  const delays = trueRows.flatMap((r) => (r.delay_hours === null ? [] : [r.delay_hours])).sort((a, b) => a - b);

  return {
    scenario: truth.scenario,
    seed: truth.seed,
    window: { start: truth.start, end: truth.end },
    settings: { jaccard_threshold: o.jaccardThreshold, large_ring_min_size: o.largeRingMinSize },
    counts: {
      ring_events: rings.length,
      true_rings: ti.rings.length,
      true_rings_large: totalLarge,
      flagged_rings: flagged.length,
      flagged_rings_retired: flagged.filter((f) => f.status === 'retired').length,
      flagged_rings_merged: merged.length,
      ring_accounts: ti.positives.size,
      genuine_accounts: ti.genuine.size,
      flagged_accounts: flaggedAccounts.size,
    },
    ring: {
      precision: ratio(matches.size, flagged.length),
      recall: ratio(matches.size, ti.rings.length),
      recall_large: ratio(matchedLarge, totalLarge),
      matched: matches.size,
      matched_large: matchedLarge,
    },
    account,
    false_flags,
    detection: {
      matched: delays.length,
      median_hours: quantile(delays, 0.5),
      p90_hours: quantile(delays, 0.9),
      delays_hours: delays,
    },
    pr_curve: prCurve(
      flagged.map((f) => f.score),
      pairs,
      isLarge,
      o.jaccardThreshold,
    ),
    true_rings: trueRows,
    flagged_rings: flaggedRingRows(ti, flagged, matches),
  };
}
