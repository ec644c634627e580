import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim/rng.ts';
import { CATEGORY_KEYS } from '../../../src/sim/text/bank-types.ts';
import { BANKS } from '../../../src/sim/text/banks/index.ts';
import { composeGenuineNote, type GenuineMode } from '../../../src/sim/text/compose-genuine.ts';
import type { Writer } from '../../../src/sim/text/note-text.ts';

const MODES: GenuineMode[] = ['quick', 'review', 'list', 'story', 'question', 'complaint'];

describe('composeGenuineNote', () => {
  it('writes every mode in every category and language without template leaks', () => {
    const rng = new Rng(8);
    for (const c of CATEGORY_KEYS) {
      for (const lang of ['zh', 'en'] as const) {
        const lb = BANKS[c][lang];
        const w: Writer = { lang, trad: false, persona: 2, emojiRate: 0.3, typoRate: 0.3, capitalises: true, breakRate: 0.2 };
        for (const mode of MODES) {
          const subject = { category: c, name: `X ${lb.types[1]}`, short: 'X', type: lb.types[1], brand: 'X', typeIdx: 1, key: 3 };
          const n = composeGenuineNote(rng, w, subject, mode);
          expect(n.body.length, `${c}/${lang}/${mode}`).toBeGreaterThan(5);
          expect(n.title.length).toBeGreaterThan(0);
          expect(n.title + n.body).not.toMatch(/\{[A-Za-z]\}|undefined/);
        }
      }
    }
  });

  it('varies wording across many writers about one product', () => {
    const rng = new Rng(9);
    const bodies = new Set<string>();
    const lengths: number[] = [];
    for (let i = 0; i < 200; i++) {
      const w: Writer = { lang: 'zh', trad: false, persona: i % 9, emojiRate: rng.next() * 0.5, typoRate: 0.2, capitalises: false, breakRate: 0.3 };
      const n = composeGenuineNote(rng, w, { category: 'food', name: '岚悦螺蛳粉', short: '岚悦', type: '螺蛳粉', brand: '岚悦', typeIdx: 0, key: 1 });
      bodies.add(n.body);
      lengths.push(n.body.length);
    }
    expect(bodies.size).toBeGreaterThan(195);
    lengths.sort((a, b) => a - b);
    expect(lengths[180] / lengths[20]).toBeGreaterThan(2.5);
  });

  it('writes lifestyle posts without a product', () => {
    const w: Writer = { lang: 'en', trad: false, persona: 0, emojiRate: 0, typoRate: 0, capitalises: true, breakRate: 0 };
    const n = composeGenuineNote(new Rng(1), w, null);
    expect(n.body.length).toBeGreaterThan(5);
  });

  it('writes traditional characters for HK/TW writers', () => {
    const w: Writer = { lang: 'zh', trad: true, persona: 1, emojiRate: 0, typoRate: 0, capitalises: false, breakRate: 0 };
    let trad = 0;
    for (let i = 0; i < 20; i++) if (/[這個說們為買還過對後點樣實]/.test(composeGenuineNote(new Rng(i), w, { category: 'home', name: '木研收纳盒', short: '木研', type: '收纳盒', brand: '木研', typeIdx: 0, key: 2 }).body)) trad++;
    expect(trad).toBeGreaterThan(10);
  });
});
