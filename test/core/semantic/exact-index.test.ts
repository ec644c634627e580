import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactIndex } from '../../../src/core/semantic/exact-index.ts';
import { neighbourIndexContract } from './neighbour-index-contract.ts';
import { randomUnitVectors } from './random-unit-vectors.ts';

neighbourIndexContract('ExactIndex', (dims) => new ExactIndex(dims, { initialCapacity: 4 }));

describe('ExactIndex', () => {
  it('equals a full sort of every similarity (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 30 }), fc.integer(), fc.double({ min: -1, max: 1, noNaN: true }), (n, k, seed, minSim) => {
        const vecs = randomUnitVectors(n + 1, 8, seed, 3);
        const idx = new ExactIndex(8, { initialCapacity: 2 });
        vecs.slice(1).forEach((x, i) => idx.add(`v${i}`, x));
        const q = vecs[0];
        const expected = vecs
          .slice(1)
          .map((x, i) => ({ id: `v${i}`, similarity: x.reduce((s, xi, d) => s + xi * q[d], 0) }))
          .filter((r) => r.similarity >= minSim)
          .sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1))
          .slice(0, k);
        const got = idx.search(q, k, minSim);
        expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id));
        got.forEach((r, i) => expect(r.similarity).toBeCloseTo(expected[i].similarity, 5));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
