import { describe, expect, it } from 'vitest';
import { defaultBlocks, planBlockTables } from '../../../src/core/simhash/block-tables.ts';
import { popcount32 } from '../../../src/core/simhash/fingerprint64.ts';

describe('planBlockTables', () => {
  it('builds C(B, B-k) tables whose keys cover B-k blocks', () => {
    const p = planBlockTables(3, 5);
    expect(p.masksHi.length).toBe(10);
    for (let t = 0; t < 10; t++) {
      const bits = popcount32(p.masksHi[t]) + popcount32(p.masksLo[t]);
      expect(bits === 25 || bits === 26).toBe(true);
    }
    expect(p.minKeyBits).toBe(25);
  });

  it.each([4, 5])('leaves some table key untouched by any 3 flipped bits (exhaustive, %i blocks)', (blocks) => {
    const p = planBlockTables(3, blocks);
    const untouched = (fh: number, fl: number) =>
      [...p.masksHi.keys()].some((t) => (p.masksHi[t] & fh) === 0 && (p.masksLo[t] & fl) === 0);
    const bit = (b: number): [number, number] => (b < 32 ? [0, 1 << b] : [1 << (b - 32), 0]);
    for (let a = 0; a < 64; a++) {
      for (let b = a + 1; b < 64; b++) {
        for (let c = b + 1; c < 64; c++) {
          const fh = bit(a)[0] | bit(b)[0] | bit(c)[0];
          const fl = bit(a)[1] | bit(b)[1] | bit(c)[1];
          if (!untouched(fh, fl)) throw new Error(`bits ${a},${b},${c} touch every table key`);
        }
      }
    }
  });

  it('chooses the documented block counts at one million fingerprints', () => {
    expect([1, 2, 3, 4, 5, 6].map((k) => defaultBlocks(k))).toEqual([2, 3, 4, 5, 7, 8]);
  });
});

describe('planBlockTables limits', () => {
  it('refuses layouts with too many tables before building them', () => {
    expect(() => planBlockTables(16, 64)).toThrow(expect.objectContaining({ code: 'RW_CONFIG_INVALID' }));
    expect(() => planBlockTables(3, 3)).toThrow(expect.objectContaining({ code: 'RW_CONFIG_INVALID' }));
    expect(() => planBlockTables(-1, 4)).toThrow(expect.objectContaining({ code: 'RW_CONFIG_INVALID' }));
  });
});
