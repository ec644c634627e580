import { describe, expect, it } from 'vitest';
import { matchRings } from '../../src/eval/match-rings.ts';
import { overlapPairs } from '../../src/eval/overlap-pairs.ts';

const ids = (m: Map<number, { flagged: number }>): [number, number][] => [...m].map(([t, p]): [number, number] => [t, p.flagged]).sort((a, b) => a[0] - b[0]);

describe('matchRings', () => {
  it('a second flagged ring over an already-matched true ring stays unmatched (one-to-one)', () => {
    // X = {1,2,3,4} vs A = {1,2,3,4}: 1.0; Y = {1,2,3,4,5} vs A: 0.8
    const pairs = overlapPairs([['1', '2', '3', '4'], ['1', '2', '3', '4', '5']], [['1', '2', '3', '4']]);
    expect(ids(matchRings(pairs, 0.5))).toEqual([[0, 0]]);
  });

  it('takes the highest Jaccard first, then fills in', () => {
    // X = {1,2,3,4}: A = {1,2,3} 0.75, B = {1,2,3,4,5} 0.8; Y = {1,2,3}: A 1.0, B 0.6
    const pairs = overlapPairs([['1', '2', '3', '4'], ['1', '2', '3']], [['1', '2', '3'], ['1', '2', '3', '4', '5']]);
    expect(ids(matchRings(pairs, 0.5))).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('Jaccard exactly at the threshold matches; just below does not', () => {
    const half = overlapPairs([['1', '2', '3', 'x', 'y']], [['1', '2', '3', '4']]); // 3/6
    expect(half[0].jaccard).toBe(0.5);
    expect(matchRings(half, 0.5).size).toBe(1);
    const under = overlapPairs([['1', '2', 'x']], [['1', '2', '3', '4']]); // 2/5
    expect(matchRings(under, 0.5).size).toBe(0);
    // 3/10 computes to 0.3 but 0.3 is not exactly representable: the slack keeps it a match
    const third = overlapPairs([['1', '2', '3']], [['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']]);
    expect(matchRings(third, 0.3).size).toBe(1);
  });

  it('ties go to the lower true-ring index, then the lower flagged index', () => {
    // X = {1,2} overlaps A = {1,2,3} and B = {1,2,4} equally (0.5 each)
    const pairs = overlapPairs([['1', '2']], [['1', '2', '3'], ['1', '2', '4']]);
    expect(ids(matchRings(pairs, 0.5))).toEqual([[0, 0]]);
    const pairs2 = overlapPairs([['1', '2', '3', 'x'], ['1', '2', '3', 'y']], [['1', '2', '3']]);
    expect(ids(matchRings(pairs2, 0.5))).toEqual([[0, 0]]);
  });

  it('include() restricts the flagged rings considered', () => {
    const pairs = overlapPairs([['1', '2', '3', '4'], ['1', '2', '3', '4', '5']], [['1', '2', '3', '4']]);
    expect(ids(matchRings(pairs, 0.5, (f) => f !== 0))).toEqual([[0, 1]]);
  });
});
