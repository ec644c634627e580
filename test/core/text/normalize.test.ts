import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/text/normalize.ts';
import { normalizeTextReference } from '../../../src/core/text/normalize-reference.ts';

/** Characters that exercise every branch of the normaliser. */
const TRICKY = [
  'a', 'B', 'z', ' ', '  ', '\n', '\t', '1', '９', 'Ａ', 'ｂ', '𝐚', '𝓑', 'ⓐ', '①', 'ﬁ',
  '\u200B', '\u200C', '\u200D', '\u200E', '\u2060', '\u2063', '\uFEFF', '\u00AD', '\u034F',
  '\uFE0F', '\uFE0E', '\u{E0100}', '\u{E0041}', '\u3164', '\u115F', '\u180E',
  '\u0301', '\u0308', '\u0336', '\u20E3', '\u3099', '\u309A', 'か', 'カ', 'ﾊ', 'ﾞ',
  'é', 'İ', 'ß', 'ẞ', 'æ', 'ø', 'Η', 'η', 'Г', 'г', 'а', 'о', 'е', 'р', 'с', 'Ꭺ', 'ᴀ',
  '好', '用', '這', '個', '乾', '著', '髮', '𠀀', '丽',
  '가', '각', 'ᄀ', 'ᅡ', 'ᆨ', 'ก', '\u0E31', 'क', '\u093F', 'ا', '\u064E', 'Ⲁ', 'ⲁ', '\u0300',
  '😀', '👍🏽', '👨\u200D👩\u200D👧', '🇨🇳', '❤️', '#️⃣', '©', '™', '№', '…', '，', '。', '！',
  '、', '～', '#', '@', '$', '%', '¥', "'", '\u2019', '-', '_', '.', ',', '"', '\u0000', '\u0085',
  '\u00A0', '\u3000', '\u2028', '\u1680', '\uE000', '\u{F0000}', '\u0378', '\uD800', '\uDC00',
];

const trickyString = fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((xs) => xs.join(''));
const spacedLetters = fc
  .array(fc.constantFrom('a', 'b', 'X', 'é', 'а', ' ', ' ', '.', '好', '1', '\u0378', '\u0301', 'ⲁ'), { maxLength: 24 })
  .map((xs) => xs.join(''));

describe('normalizeText', () => {
  it('agrees with the step-by-step reference on tricky strings', () => {
    fc.assert(
      fc.property(trickyString, (s) => {
        expect(normalizeText(s)).toBe(normalizeTextReference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference on spelt-out letter patterns', () => {
    fc.assert(
      fc.property(spacedLetters, (s) => {
        expect(normalizeText(s)).toBe(normalizeTextReference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(normalizeText(s)).toBe(normalizeTextReference(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(trickyString, spacedLetters), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('folds full-width forms and mathematical letters to ASCII', () => {
    expect(normalizeText('Ｇｒｅａｔ ＶＡＬＵＥ １００％')).toBe('great value 100');
    expect(normalizeText('𝐁𝐞𝐬𝐭 𝓫𝓾𝔂')).toBe('best buy');
  });

  it('removes zero-width and other invisible characters', () => {
    expect(normalizeText('re\u200Bco\u200Cmm\u200Dend\u2060ed\uFEFF')).toBe('recommended');
    expect(normalizeText('推\u200B荐\u200D好\u2063物')).toBe('推荐好物');
    expect(normalizeText('sal\u00ADe')).toBe('sale');
  });

  it('folds Cyrillic, Greek and other look-alikes to Latin', () => {
    // every letter of "serum" and "acne" swapped for a look-alike
    expect(normalizeText('ѕеrυм АСΝЕ')).toBe('serum acne');
    expect(normalizeText('Неllо wоrld')).toBe('hello world');
    expect(normalizeText('ᴄʜᴇᴀᴘ')).toBe('cheap');
  });

  it('strips accents and combining noise after Latin and Han, keeps kana voicing', () => {
    expect(normalizeText('café crème')).toBe('cafe creme');
    expect(normalizeText('z̷̢a̶l̴g̵o 好̸用')).toBe('zalgo 好用');
    expect(normalizeText('がぎ')).toBe('がぎ');
    expect(normalizeText('ｶﾞ')).toBe('ガ');
  });

  it('folds traditional Chinese to simplified', () => {
    expect(normalizeText('這個產品真的很好用，價格也實惠，推薦購買！')).toBe(
      normalizeText('这个产品真的很好用，价格也实惠，推荐购买！'),
    );
    expect(normalizeText('這個')).toBe('这个');
  });

  it('turns emoji, punctuation and symbols into spaces and collapses whitespace', () => {
    expect(normalizeText('  Love 😍😍 it!!!   #skincare  ')).toBe('love it skincare');
    expect(normalizeText('Good\u3000\u00A0value\n\n\tbuy')).toBe('good value buy');
    expect(normalizeText('🇨🇳 👨‍👩‍👧 ❤️ ✨')).toBe('');
  });

  it('removes spaces and punctuation between Han characters', () => {
    expect(normalizeText('好 用 到 哭')).toBe('好用到哭');
    expect(normalizeText('好.用.到.哭')).toBe('好用到哭');
    expect(normalizeText('用了 iPhone 15 好用')).toBe('用了 iphone 15 好用');
  });

  it('rejoins text spelt out letter by letter, keeps ordinary one-letter words', () => {
    expect(normalizeText('g.r.e.a.t deal')).toBe('great deal');
    expect(normalizeText('b u y now')).toBe('buy now');
    expect(normalizeText('it is a bit loud')).toBe('it is a bit loud');
  });

  it("keeps contractions as one word", () => {
    expect(normalizeText("don't miss it")).toBe('dont miss it');
    expect(normalizeText('don\u2019t miss it')).toBe('dont miss it');
  });
});
