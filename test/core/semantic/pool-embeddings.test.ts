import { describe, expect, it } from 'vitest';
import { norm } from '../../../src/core/semantic/cosine.ts';
import { poolEmbeddings } from '../../../src/core/semantic/pool-embeddings.ts';

// batch 2, seqLen 3, dims 2. Row 0 has 3 real tokens, row 1 has 2 (last is padding).
const data = Float32Array.of(
  1, 2, /**/ 3, 4, /**/ 5, 6,
  10, 0, /**/ 0, 10, /**/ 99, 99,
);
const hidden = { data, batch: 2, seqLen: 3, dims: 2, lengths: [3, 2] };

describe('poolEmbeddings', () => {
  it('cls takes the first token of each row', () => {
    const [a, b] = poolEmbeddings(hidden, 'cls', false);
    expect(Array.from(a)).toEqual([1, 2]);
    expect(Array.from(b)).toEqual([10, 0]);
  });

  it('mean averages real tokens only, ignoring padding', () => {
    const [a, b] = poolEmbeddings(hidden, 'mean', false);
    expect(Array.from(a)).toEqual([3, 4]);
    expect(Array.from(b)).toEqual([5, 5]);
  });

  it('normalises to unit length when asked', () => {
    const [a, b] = poolEmbeddings(hidden, 'mean', true);
    expect(a[0]).toBeCloseTo(0.6, 6);
    expect(a[1]).toBeCloseTo(0.8, 6);
    expect(norm(b)).toBeCloseTo(1, 6);
  });

  it('does not alias the hidden-state buffer', () => {
    const [a] = poolEmbeddings(hidden, 'cls', false);
    a[0] = 42;
    expect(data[0]).toBe(1);
  });

  it('rejects inconsistent shapes', () => {
    expect(() => poolEmbeddings({ ...hidden, dims: 3 }, 'cls', true)).toThrow(RangeError);
    expect(() => poolEmbeddings({ ...hidden, lengths: [3] }, 'cls', true)).toThrow(RangeError);
    expect(() => poolEmbeddings({ ...hidden, lengths: [3, 0] }, 'mean', true)).toThrow(RangeError);
  });
});
