/**
 * The behaviour every FingerprintIndex must have, run against each implementation
 * (hamming-index.test.ts, linear-scan-index.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { FingerprintIndex } from '../../../src/core/simhash/fingerprint-index.ts';
import { fingerprint64, type Fingerprint64 } from '../../../src/core/simhash/fingerprint64.ts';

export function flipBits(fp: Fingerprint64, bits: readonly number[]): Fingerprint64 {
  let { hi, lo } = fp;
  for (const b of bits) {
    if (b < 32) lo ^= 1 << b;
    else hi ^= 1 << (b - 32);
  }
  return fingerprint64(hi, lo);
}

export function fingerprintIndexContract(name: string, make: () => FingerprintIndex<string>): void {
  describe(`${name} (FingerprintIndex contract)`, () => {
    const q = fingerprint64(0xdeadbeef, 0x01234567);

    it('finds neighbours within k bits with their distances, nearest first', () => {
      const index = make();
      index.insert('d0', q);
      index.insert('d1', flipBits(q, [5]));
      index.insert('d2', flipBits(q, [0, 63]));
      index.insert('d3', flipBits(q, [31, 32, 40]));
      index.insert('d4', flipBits(q, [1, 2, 3, 4]));
      expect(index.query(q, 3)).toEqual([
        { id: 'd0', distance: 0 },
        { id: 'd1', distance: 1 },
        { id: 'd2', distance: 2 },
        { id: 'd3', distance: 3 },
      ]);
      expect(index.query(q, 1).map((h) => h.id)).toEqual(['d0', 'd1']);
      expect(index.query(q, 0).map((h) => h.id)).toEqual(['d0']);
    });

    it('orders ties by id, whatever the insertion order', () => {
      const index = make();
      for (const id of ['c', 'a', 'b']) index.insert(id, flipBits(q, [7]));
      expect(index.query(q, 3).map((h) => h.id)).toEqual(['a', 'b', 'c']);
    });

    it('removes ids (windowed expiry) and reports whether they were there', () => {
      const index = make();
      index.insert('x', q);
      index.insert('y', flipBits(q, [9]));
      expect(index.size).toBe(2);
      expect(index.remove('x')).toBe(true);
      expect(index.remove('x')).toBe(false);
      expect(index.has('x')).toBe(false);
      expect(index.size).toBe(1);
      expect(index.query(q, 3)).toEqual([{ id: 'y', distance: 1 }]);
    });

    it('replaces the fingerprint of an id inserted again', () => {
      const index = make();
      index.insert('x', q);
      index.insert('x', flipBits(q, [0, 1, 2, 3, 4, 5, 6, 7]));
      expect(index.size).toBe(1);
      expect(index.query(q, 3)).toEqual([]);
    });

    it('reuses freed slots and grows past its initial capacity', () => {
      const index = make();
      for (let i = 0; i < 5000; i++) index.insert(`n${i}`, fingerprint64(i * 2654435761, i));
      for (let i = 0; i < 5000; i += 2) index.remove(`n${i}`);
      for (let i = 0; i < 3000; i++) index.insert(`m${i}`, flipBits(q, [i % 64]));
      expect(index.size).toBe(5500);
      expect(index.query(q, 1).length).toBe(3000);
      expect(index.query(fingerprint64(7 * 2654435761, 7), 0)).toEqual([{ id: 'n7', distance: 0 }]);
      expect(index.query(fingerprint64(8 * 2654435761, 8), 0)).toEqual([]);
    });

    it('rejects a negative or fractional k with RW_CONFIG_INVALID', () => {
      const index = make();
      expect(() => index.query(q, -1)).toThrow(expect.objectContaining({ code: 'RW_CONFIG_INVALID' }));
      expect(() => index.query(q, 1.5)).toThrow(expect.objectContaining({ code: 'RW_CONFIG_INVALID' }));
    });
  });
}
