import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosine, dot, l2NormalizeInPlace, norm } from '../../../src/core/semantic/cosine.ts';

const vec = (n: number) => fc.array(fc.float({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }), { minLength: n, maxLength: n }).map((a) => Float32Array.from(a));

describe('cosine', () => {
  it('computes dot, norm and cosine on known vectors', () => {
    const a = Float32Array.of(3, 4, 0);
    const b = Float32Array.of(4, -3, 0);
    expect(dot(a, b)).toBe(0);
    expect(norm(a)).toBe(5);
    expect(cosine(a, a)).toBeCloseTo(1, 6);
    expect(cosine(a, Float32Array.of(-3, -4, 0))).toBeCloseTo(-1, 6);
    expect(cosine(a, new Float32Array(3))).toBe(0);
  });

  it('rejects mismatched dimensions', () => {
    expect(() => dot(Float32Array.of(1), Float32Array.of(1, 2))).toThrow(RangeError);
  });

  it('normalises to unit length, after which dot equals cosine (property)', () => {
    fc.assert(
      fc.property(vec(16), vec(16), (a, b) => {
        fc.pre(norm(a) > 1e-3 && norm(b) > 1e-3);
        const c = cosine(a, b);
        expect(c).toBeGreaterThanOrEqual(-1 - 1e-6);
        expect(c).toBeLessThanOrEqual(1 + 1e-6);
        const ua = l2NormalizeInPlace(Float32Array.from(a));
        const ub = l2NormalizeInPlace(Float32Array.from(b));
        expect(norm(ua)).toBeCloseTo(1, 5);
        expect(dot(ua, ub)).toBeCloseTo(c, 5);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('leaves a zero vector alone', () => {
    expect(Array.from(l2NormalizeInPlace(new Float32Array(4)))).toEqual([0, 0, 0, 0]);
  });
});
