/**
 * The labelled near-duplicate pairs (test/fixtures/near-dup): reproducible from their
 * generator, and separated by the text fingerprint.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hamming } from '../../../src/core/simhash/fingerprint64.ts';
import { textFingerprint } from '../../../src/core/simhash/text-fingerprint.ts';
import { makePairs, PAIRS_PATH, toJsonl, type NearDupPair } from '../../fixtures/near-dup/make-pairs.ts';

const committed = readFileSync(PAIRS_PATH, 'utf8');
const pairs: NearDupPair[] = committed.trim().split('\n').map((l) => JSON.parse(l));

describe('near-duplicate fixtures', () => {
  it('are exactly what the seeded generator produces', () => {
    expect(toJsonl(makePairs())).toBe(committed);
  });

  it('hold a few thousand pairs of every kind in both languages', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(2000);
    const kinds = new Set(pairs.map((p) => p.kind));
    for (const k of ['pos-evasion', 'pos-edit', 'pos-sentence', 'pos-heavy', 'neg-hard', 'neg-unrelated']) expect(kinds.has(k)).toBe(true);
    for (const lang of ['zh', 'en']) {
      expect(pairs.some((p) => p.lang === lang && p.label === 1)).toBe(true);
      expect(pairs.some((p) => p.lang === lang && p.label === 0)).toBe(true);
    }
  });

  describe('with textFingerprint', () => {
    const d = pairs.map((p) => hamming(textFingerprint(p.a), textFingerprint(p.b)));
    const pos = d.filter((_, i) => pairs[i].label === 1);
    const neg = d.filter((_, i) => pairs[i].label === 0);

    it('puts no negative pair within 6 bits (the largest index radius we recommend)', () => {
      expect(Math.min(...neg)).toBeGreaterThan(6);
    });

    it('ranks a positive closer than a negative for almost all positive/negative couples (AUC)', () => {
      // AUC = P(d_pos < d_neg) + P(tie)/2, counted exactly over distance histograms.
      const hp = new Array(65).fill(0);
      const hn = new Array(65).fill(0);
      pos.forEach((x) => hp[x]++);
      neg.forEach((x) => hn[x]++);
      let negAbove = neg.length;
      let wins = 0;
      for (let x = 0; x <= 64; x++) {
        negAbove -= hn[x];
        wins += hp[x] * (negAbove + hn[x] / 2);
      }
      expect(wins / (pos.length * neg.length)).toBeGreaterThan(0.99);
    });
  });
});
