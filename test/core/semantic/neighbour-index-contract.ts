/**
 * The behaviour every NeighbourIndex must share, run against each
 * implementation (exact scan and HNSW) by their test files.
 */
import { describe, expect, it } from 'vitest';
import type { NeighbourIndex } from '../../../src/core/semantic/neighbour-index.ts';
import { randomUnitVectors } from './random-unit-vectors.ts';

const v = (...xs: number[]): Float32Array => {
  const a = Float32Array.from(xs);
  const n = Math.hypot(...xs);
  return a.map((x) => x / n);
};

export function neighbourIndexContract(name: string, create: (dims: number) => NeighbourIndex): void {
  describe(`${name} (NeighbourIndex contract)`, () => {
    it('returns the nearest entries, most similar first, with their cosine similarity', () => {
      const idx = create(3);
      idx.add('x', v(1, 0, 0));
      idx.add('y', v(0, 1, 0));
      idx.add('xy', v(1, 1, 0));
      const res = idx.search(v(1, 0.1, 0), 3);
      expect(res.map((r) => r.id)).toEqual(['x', 'xy', 'y']);
      expect(res[0].similarity).toBeCloseTo(1 / Math.hypot(1, 0.1), 5);
      expect(res[2].similarity).toBeCloseTo(0.1 / Math.hypot(1, 0.1), 5);
    });

    it('honours k and minSim', () => {
      const idx = create(3);
      idx.add('x', v(1, 0, 0));
      idx.add('y', v(0, 1, 0));
      idx.add('xy', v(1, 1, 0));
      expect(idx.search(v(1, 0, 0), 1).map((r) => r.id)).toEqual(['x']);
      expect(idx.search(v(1, 0, 0), 10, 0.5).map((r) => r.id)).toEqual(['x', 'xy']);
      expect(idx.search(v(1, 0, 0), 0)).toEqual([]);
    });

    it('breaks similarity ties by id', () => {
      const idx = create(2);
      for (const id of ['b', 'c', 'a']) idx.add(id, v(1, 0));
      expect(idx.search(v(1, 0), 3).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    });

    it('replaces an id that is added again and forgets removed ids', () => {
      const idx = create(2);
      idx.add('p', v(1, 0));
      idx.add('q', v(0, 1));
      idx.add('p', v(0, 1));
      expect(idx.size).toBe(2);
      expect(idx.search(v(1, 0), 1, 0.5)).toEqual([]);
      expect(idx.remove('q')).toBe(true);
      expect(idx.remove('q')).toBe(false);
      expect(idx.has('q')).toBe(false);
      expect(idx.size).toBe(1);
      expect(idx.search(v(0, 1), 5).map((r) => r.id)).toEqual(['p']);
    });

    it('keeps working through growth and churn', () => {
      const dims = 16;
      const vecs = randomUnitVectors(3000, dims, 11);
      const idx = create(dims);
      vecs.forEach((x, i) => idx.add(`n${i}`, x));
      for (let i = 0; i < 3000; i += 2) idx.remove(`n${i}`);
      for (let i = 0; i < 1000; i += 2) idx.add(`m${i}`, vecs[i]);
      expect(idx.size).toBe(2000);
      // Every live vector finds itself.
      for (const i of [1, 999, 2999]) expect(idx.search(vecs[i], 1)[0].id).toBe(`n${i}`);
      for (const i of [0, 498]) expect(idx.search(vecs[i], 1)[0].id).toBe(`m${i}`);
      expect(idx.search(vecs[0], 2000).every((r) => !/^n\d*[02468]$/.test(r.id))).toBe(true);
    });

    it('rejects vectors of the wrong dimension', () => {
      const idx = create(3);
      expect(() => idx.add('a', v(1, 0))).toThrow(RangeError);
      expect(() => idx.search(v(1, 0), 1)).toThrow(RangeError);
    });
  });
}
