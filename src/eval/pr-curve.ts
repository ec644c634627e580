/**
 * Ring-level precision and recall at each distinct ring-score cut: for every score s that some
 * flagged ring has, keep the rings with score ≥ s and re-run the one-to-one matching on just
 * those (restricting the full matching would be wrong: dropping a ring can free a true ring for
 * another). Points are ordered by descending threshold; the last point keeps every ring.
 */
import type { PrPoint } from './eval-result.ts';
import { matchRings } from './match-rings.ts';
import type { RingPair } from './overlap-pairs.ts';
import { ratio } from './ratio.ts';

export function prCurve(
  scores: readonly number[],
  pairs: readonly RingPair[],
  trueIsLarge: readonly boolean[],
  threshold: number,
): PrPoint[] {
  const totalLarge = trueIsLarge.filter(Boolean).length;
  const cuts = [...new Set(scores)].sort((a, b) => b - a);
  return cuts.map((cut) => {
    const kept = scores.filter((s) => s >= cut).length;
    const matches = matchRings(pairs, threshold, (f) => scores[f] >= cut);
    let matchedLarge = 0;
    for (const t of matches.keys()) if (trueIsLarge[t]) matchedLarge++;
    return {
      threshold: cut,
      flagged_rings: kept,
      matched: matches.size,
      precision: ratio(matches.size, kept),
      recall: ratio(matches.size, trueIsLarge.length),
      recall_large: ratio(matchedLarge, totalLarge),
    };
  });
}
