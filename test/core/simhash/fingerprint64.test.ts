import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint64, fromHex, hamming, popcount32, toHex } from '../../../src/core/simhash/fingerprint64.ts';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const fpArb = fc.tuple(u32, u32).map(([hi, lo]) => fingerprint64(hi, lo));
const asBig = (fp: { hi: number; lo: number }) => (BigInt(fp.hi) << 32n) | BigInt(fp.lo);

describe('fingerprint64', () => {
  it('round-trips through 16 lower-case hex digits', () => {
    fc.assert(
      fc.property(fpArb, (fp) => {
        const hex = toHex(fp);
        expect(hex).toMatch(/^[0-9a-f]{16}$/);
        expect(BigInt('0x' + hex)).toBe(asBig(fp));
        expect(fromHex(hex)).toEqual(fp);
        expect(fromHex(hex.toUpperCase())).toEqual(fp);
      }),
    );
  });

  it('pads small values and keeps the high half first', () => {
    expect(toHex(fingerprint64(0, 1))).toBe('0000000000000001');
    expect(toHex(fingerprint64(0x80000000, 0))).toBe('8000000000000000');
  });

  it('rejects malformed hex with RW_INPUT_UNREADABLE', () => {
    for (const bad of ['', '123', '0123456789abcdeg', '0123456789abcdef0', ' 123456789abcdef', '0x23456789abcdef']) {
      expect(() => fromHex(bad)).toThrow(expect.objectContaining({ code: 'RW_INPUT_UNREADABLE' }));
    }
  });

  it('popcount32 counts set bits', () => {
    fc.assert(
      fc.property(u32, (x) => {
        expect(popcount32(x)).toBe([...x.toString(2)].filter((c) => c === '1').length);
      }),
    );
  });

  it('hamming equals the popcount of the 64-bit xor', () => {
    fc.assert(
      fc.property(fpArb, fpArb, (a, b) => {
        const x = asBig(a) ^ asBig(b);
        expect(hamming(a, b)).toBe([...x.toString(2)].filter((c) => c === '1').length);
        expect(hamming(a, b)).toBe(hamming(b, a));
        expect(hamming(a, a)).toBe(0);
      }),
    );
  });
});
