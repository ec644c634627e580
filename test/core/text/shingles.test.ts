import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/text/normalize.ts';
import { SHINGLE_DEFAULTS, shingles, shingleTokens, tokenClass, tokenize } from '../../../src/core/text/shingles.ts';

describe('tokenize', () => {
  it('returns the characters without spaces, astral characters whole', () => {
    expect(tokenize('ab c')).toEqual(['a', 'b', 'c']);
    expect(tokenize('好 用𠀀')).toEqual(['好', '用', '𠀀']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   ')).toEqual([]);
  });

  it('classes Han and kana apart from other characters', () => {
    expect(tokenClass('好'.codePointAt(0)!)).toBe(1);
    expect(tokenClass('か'.codePointAt(0)!)).toBe(1);
    expect(tokenClass('カ'.codePointAt(0)!)).toBe(1);
    expect(tokenClass('𠀀'.codePointAt(0)!)).toBe(1);
    expect(tokenClass(' '.codePointAt(0)!)).toBe(2);
    expect(tokenClass('a'.codePointAt(0)!)).toBe(3);
    expect(tokenClass('7'.codePointAt(0)!)).toBe(3);
    expect(tokenClass('한'.codePointAt(0)!)).toBe(3);
  });
});

describe('shingles', () => {
  const opts = { cjkSizes: [1, 2], otherSizes: [3, 4] };

  it('gives Chinese character unigrams and bigrams', () => {
    expect(shingles('好用推荐', opts)).toEqual(['好', '好用', '用', '用推', '推', '推荐', '荐']);
  });

  it('gives Latin character 3- and 4-grams across word boundaries', () => {
    expect(shingles('ab cde', opts)).toEqual(['abc', 'abcd', 'bcd', 'bcde', 'cde']);
  });

  it('is unaffected by where spaces fall', () => {
    expect(shingles('e ve ry day', opts)).toEqual(shingles('every day', opts));
  });

  it('lets shingles cross between scripts', () => {
    expect(shingles('款ip', opts)).toEqual(['款', '款i']);
    expect(shingles('款ipx', opts)).toEqual(['款', '款i', 'ipx']);
  });

  it('falls back to one whole-text shingle when the text is too short', () => {
    expect(shingles('ok', opts)).toEqual(['ok']);
    expect(shingles('', opts)).toEqual([]);
    expect(shingleTokens(['o', 'k'], opts)).toEqual([['o', 'k']]);
  });

  it('uses Han bigrams and Latin 4-grams by default', () => {
    const text = normalizeText('这款保湿精华质地很清爽，上脸一抹就吸收，完全不黏腻。');
    const n = tokenize(text).length;
    const s = shingles(text, SHINGLE_DEFAULTS);
    expect(s.length).toBe(n - 1);
    expect(s.every((x) => [...x].length === 2)).toBe(true);
    expect(shingles('great value')).toEqual(['grea', 'reat', 'eatv', 'atva', 'tval', 'valu', 'alue']);
  });
});
