import { describe, expect, it } from 'vitest';
import { quantile } from '../../src/eval/quantile.ts';

describe('quantile (type 7)', () => {
  it('hand values', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([4], 0.9)).toBe(4);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    // h = 9·0.9 = 8.1 → 9 + 0.1·(10 − 9)
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile([0, 10], 0)).toBe(0);
    expect(quantile([0, 10], 1)).toBe(10);
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => quantile([1], 1.1)).toThrow(RangeError);
  });
});
