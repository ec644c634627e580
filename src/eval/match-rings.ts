/**
 * One-to-one greedy matching of flagged rings to true rings: candidate pairs with
 * Jaccard ≥ threshold are taken in order of decreasing Jaccard (ties broken by true-ring index,
 * then flagged-ring index, so the result is deterministic) and a pair is kept when neither side
 * is matched yet. A second flagged ring covering an already-matched true ring is a false ring
 * (a duplicate), not a second hit. `include` restricts the flagged rings taken part (used for
 * the score-threshold curve). Returns true-ring index → matched pair.
 */
import type { RingPair } from './overlap-pairs.ts';

/** Float slack so that e.g. 3/10 still meets a threshold of 0.3. */
const EPS = 1e-12;

export function matchRings(
  pairs: readonly RingPair[],
  threshold: number,
  include: (flagged: number) => boolean = () => true,
): Map<number, RingPair> {
  const candidates = pairs
    .filter((p) => p.jaccard >= threshold - EPS && include(p.flagged))
    .sort((a, b) => b.jaccard - a.jaccard || a.truth - b.truth || a.flagged - b.flagged);
  const byTruth = new Map<number, RingPair>();
  const usedFlagged = new Set<number>();
  for (const p of candidates) {
    if (byTruth.has(p.truth) || usedFlagged.has(p.flagged)) continue;
    byTruth.set(p.truth, p);
    usedFlagged.add(p.flagged);
  }
  return byTruth;
}
