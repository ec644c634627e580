import { describe, expect, it } from 'vitest';
import { CONFUSABLES, foldConfusables } from '../../../src/core/text/confusables.ts';
import { foldTraditional, TRAD_SIMP_PAIRS_SPEC, TRAD_TO_SIMP } from '../../../src/core/text/trad-simp.ts';

const HAN = /^\p{sc=Han}$/u;

describe('traditional → simplified table', () => {
  it('parses to whole pairs of distinct Han characters', () => {
    const chars = [...TRAD_SIMP_PAIRS_SPEC.replace(/\s+/g, '')];
    expect(chars.length % 2).toBe(0);
    for (let i = 0; i < chars.length; i += 2) {
      expect(HAN.test(chars[i]) && HAN.test(chars[i + 1])).toBe(true);
      expect(chars[i]).not.toBe(chars[i + 1]);
    }
  });

  it('has no duplicate or conflicting keys', () => {
    const chars = [...TRAD_SIMP_PAIRS_SPEC.replace(/\s+/g, '')];
    expect(TRAD_TO_SIMP.size).toBe(chars.length / 2);
  });

  it('covers several hundred frequent characters', () => {
    expect(TRAD_TO_SIMP.size).toBeGreaterThanOrEqual(600);
  });

  it('maps to no character that is itself a key, so one pass is a fixed point', () => {
    for (const v of TRAD_TO_SIMP.values()) expect(TRAD_TO_SIMP.has(v)).toBe(false);
  });

  it('folds a traditional review to its simplified original', () => {
    const trad = '這款產品質感很好，價格實惠，顏色也漂亮。買過三次了，強烈推薦給姐妹們！';
    const simp = '这款产品质感很好，价格实惠，颜色也漂亮。买过三次了，强烈推荐给姐妹们！';
    expect(foldTraditional(trad)).toBe(simp);
    expect(foldTraditional(simp)).toBe(simp);
  });
});

describe('confusables table', () => {
  it('maps non-ASCII, non-Han characters to lower-case ASCII letters', () => {
    for (const [k, v] of CONFUSABLES) {
      expect(/^[a-z]+$/.test(v)).toBe(true);
      expect(k.codePointAt(0)!).toBeGreaterThan(0x7f);
      expect([...k].length).toBe(1);
    }
  });

  it('is closed under lower-casing: no unlisted character lower-cases into a key', () => {
    // (characters that NFKD rewrites never reach the table, e.g. OHM SIGN → Greek omega)
    for (let cp = 0x80; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (CONFUSABLES.has(ch) || ch.normalize('NFKD') !== ch) continue;
      const lower = ch.toLowerCase();
      if (CONFUSABLES.has(lower)) throw new Error(`U+${cp.toString(16)} lower-cases into key ${lower}`);
    }
  });

  it('folds a fully disguised word', () => {
    expect(foldConfusables('ѕһοр')).toBe('shop');
    expect(foldConfusables('plain ascii')).toBe('plain ascii');
  });
});
