import { describe, expect, it } from 'vitest';
import { attrsForType, CATEGORY_KEYS } from '../../../src/sim/text/bank-types.ts';
import { BANKS } from '../../../src/sim/text/banks/index.ts';

describe('phrase banks', () => {
  it('covers every category in both languages with index-aligned type lists', () => {
    for (const c of CATEGORY_KEYS) {
      const b = BANKS[c];
      expect(b.zh.types.length, c).toBe(b.en.types.length);
      for (const lang of ['zh', 'en'] as const) {
        const lb = b[lang];
        for (const k of ['series', 'cons', 'scenes', 'details', 'hooks', 'tags', 'titles'] as const) expect(lb[k].length, `${c}.${lang}.${k}`).toBeGreaterThanOrEqual(3);
        expect(lb.attrs.length).toBeGreaterThanOrEqual(8);
        for (const g of lb.attrs) expect(g.length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('gives every product type at least three plausible selling points', () => {
    for (const c of CATEGORY_KEYS) {
      for (const lang of ['zh', 'en'] as const) {
        const lb = BANKS[c][lang];
        for (const set of lb.attrTypes) if (set) for (const t of set) expect(t).toBeLessThan(lb.types.length);
        for (let t = 0; t < lb.types.length; t++) expect(attrsForType(lb, t).length, `${c}.${lang}.${lb.types[t]}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('only uses known placeholders', () => {
    for (const c of CATEGORY_KEYS) {
      for (const lang of ['zh', 'en'] as const) {
        const lb = BANKS[c][lang];
        const all = [...lb.attrs.flat(), ...lb.cons, ...lb.scenes, ...lb.details, ...lb.hooks, ...lb.titles];
        for (const s of all) for (const m of s.matchAll(/\{(\w+)\}/g)) expect(['P', 'T', 'B', 'n', 'm']).toContain(m[1]);
      }
    }
  });
});
