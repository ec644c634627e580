import { describe, expect, it } from 'vitest';
import { overlapPairs } from '../../src/eval/overlap-pairs.ts';
import { prCurve } from '../../src/eval/pr-curve.ts';

describe('prCurve', () => {
  it('re-matches at each cut instead of restricting the full matching', () => {
    // true A = {1,2,3,4,5}; X = {1,2,3} (score .9, Jaccard .6); Y = {1,2,3,4,5} (score .5, Jaccard 1)
    // All rings: Y takes A, X is a false ring. At score ≥ .9 only X is kept and it does match A.
    const pairs = overlapPairs([['1', '2', '3'], ['1', '2', '3', '4', '5']], [['1', '2', '3', '4', '5']]);
    expect(prCurve([0.9, 0.5], pairs, [true], 0.5)).toEqual([
      { threshold: 0.9, flagged_rings: 1, matched: 1, precision: 1, recall: 1, recall_large: 1 },
      { threshold: 0.5, flagged_rings: 2, matched: 1, precision: 0.5, recall: 1, recall_large: 1 },
    ]);
  });

  it('one point per distinct score; equal scores enter together', () => {
    const pairs = overlapPairs([['a'], ['b'], ['z']], [['a'], ['b']]);
    const pts = prCurve([0.7, 0.7, 0.2], pairs, [false, false], 0.5);
    expect(pts.map((p) => [p.threshold, p.flagged_rings, p.matched, p.precision, p.recall, p.recall_large])).toEqual([
      [0.7, 2, 2, 1, 1, null],
      [0.2, 3, 2, 2 / 3, 1, null],
    ]);
  });
});
