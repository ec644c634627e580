import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaccard } from '../../src/eval/jaccard.ts';

describe('jaccard', () => {
  it('hand values', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['a', 'b', 'c']))).toBe(1);
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd', 'e', 'f']))).toBe(2 / 6);
    expect(jaccard(new Set(['a']), new Set(['b']))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('is symmetric, in [0, 1], and 1 exactly for equal non-empty sets', () => {
    const set = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g')).map((xs) => new Set(xs));
    fc.assert(
      fc.property(set, set, (a, b) => {
        const j = jaccard(a, b);
        expect(j).toBe(jaccard(b, a));
        expect(j >= 0 && j <= 1).toBe(true);
        const equal = a.size === b.size && [...a].every((x) => b.has(x));
        expect(j === 1).toBe(equal && a.size > 0);
      }),
      { seed: 1, numRuns: 300 },
    );
  });
});
