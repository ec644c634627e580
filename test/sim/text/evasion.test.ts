import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim/rng.ts';
import { applyEvasion, toTraditional } from '../../../src/sim/text/evasion.ts';

describe('applyEvasion', () => {
  const text = 'Lumera 精华真的很好用，这个价格买到很值。Super easy to apply!';

  it('homoglyph swaps Latin letters for Cyrillic look-alikes', () => {
    const out = applyEvasion(text, 'homoglyph', 1, new Rng(1));
    expect(out).not.toBe(text);
    expect(out).toMatch(/[\u0400-\u04ff]/);
    expect(out.length).toBe(text.length);
  });

  it('fullwidth maps ASCII to full-width forms that NFKC folds back', () => {
    const out = applyEvasion(text, 'fullwidth', 1, new Rng(1));
    expect(out).toMatch(/[\uff01-\uff5e]/);
    expect(out.normalize('NFKC')).toBe(text.normalize('NFKC'));
  });

  it('zero_width inserts invisible characters only', () => {
    const out = applyEvasion(text, 'zero_width', 0.3, new Rng(2));
    expect(out.length).toBeGreaterThan(text.length);
    expect(out.replace(/[\u200b-\u200d\u2060\ufeff]/g, '')).toBe(text);
  });

  it('trad_swap and toTraditional use traditional forms', () => {
    expect(toTraditional('这个价格买到很值')).toBe('這個價格買到很值');
    const out = applyEvasion(text, 'trad_swap', 1, new Rng(3));
    expect(out).toContain('這');
  });

  it('emoji and punctuation noise keep the original characters in order', () => {
    for (const k of ['emoji_noise', 'punct_noise'] as const) {
      const out = applyEvasion(text, k, 0.2, new Rng(4));
      let i = 0;
      for (const ch of out) if (i < text.length && ch === text[i]) i++;
      expect(i).toBe(text.length);
    }
  });
});
