import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaccard } from '../../src/eval/jaccard.ts';
import { overlapPairs } from '../../src/eval/overlap-pairs.ts';

describe('overlapPairs', () => {
  it('lists only overlapping pairs, with their Jaccard', () => {
    const pairs = overlapPairs([['a', 'b', 'x'], ['z']], [['a', 'b', 'c'], ['x', 'y'], ['q']]);
    expect(pairs).toEqual([
      { flagged: 0, truth: 0, jaccard: 2 / 4 },
      { flagged: 0, truth: 1, jaccard: 1 / 4 },
    ]);
  });

  it('agrees with the reference jaccard on every pair (zero-overlap pairs omitted)', () => {
    const members = fc.uniqueArray(fc.constantFrom(...'abcdefghij'.split('')), { minLength: 1 });
    fc.assert(
      fc.property(fc.array(members, { maxLength: 6 }), fc.array(members, { maxLength: 6 }), (flagged, truth) => {
        const got = new Map(overlapPairs(flagged, truth).map((p) => [`${p.flagged}/${p.truth}`, p.jaccard]));
        flagged.forEach((f, i) =>
          truth.forEach((t, k) => {
            const ref = jaccard(new Set(f), new Set(t));
            if (ref === 0) expect(got.has(`${i}/${k}`)).toBe(false);
            else expect(got.get(`${i}/${k}`)).toBeCloseTo(ref, 12);
          }),
        );
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
