/**
 * Overlapping shingles over normalised text (normalize.ts), for Chinese, Latin and mixed
 * notes alike.
 *
 * Tokens: each Han, Hiragana or Katakana character is a token of its own (these scripts
 * are written without spaces, so character n-grams are the usual unit), and every other
 * maximal run of non-space characters is a word token. A shingle is n consecutive tokens,
 * for each n in `sizes`: over Chinese that gives character n-grams, over English word
 * n-grams, and across a boundary ("这款 iphone 很好") a mix. A text with fewer tokens than
 * the smallest size yields one shingle holding all its tokens, so short notes still have a
 * feature.
 *
 * `simhash64` (../simhash/simhash64.ts) computes the same shingles without building
 * strings; tests check the two agree. This module is the readable definition.
 */

export const SHINGLE_DEFAULTS = Object.freeze({
  /** Shingle lengths in tokens. */
  sizes: Object.freeze([2, 3]) as readonly number[],
});

const SINGLE_CHAR_TOKEN = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u;

const cache = new Uint8Array(0x10000);
const astralCache = new Map<number, number>();

/** 1: a character that is a token by itself, 2: a space, 3: part of a word token. */
export function tokenClass(cp: number): number {
  if (cp === 0x20) return 2;
  if (cp < 0x80) return 3;
  if (cp < 0x10000) {
    let c = cache[cp];
    if (c === 0) {
      c = SINGLE_CHAR_TOKEN.test(String.fromCharCode(cp)) ? 1 : 3;
      cache[cp] = c;
    }
    return c;
  }
  let c = astralCache.get(cp);
  if (c === undefined) {
    c = SINGLE_CHAR_TOKEN.test(String.fromCodePoint(cp)) ? 1 : 3;
    astralCache.set(cp, c);
  }
  return c;
}

/** Split normalised text into tokens (see the module comment). */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const ch of normalized) {
    const c = tokenClass(ch.codePointAt(0)!);
    if (c === 3) {
      word += ch;
      continue;
    }
    if (word !== '') tokens.push(word);
    word = '';
    if (c === 1) tokens.push(ch);
  }
  if (word !== '') tokens.push(word);
  return tokens;
}

/** The token sequences of all shingles, in order of size then position. */
export function shingleTokens(
  tokens: readonly string[],
  sizes: readonly number[] = SHINGLE_DEFAULTS.sizes,
): string[][] {
  const out: string[][] = [];
  if (tokens.length === 0) return out;
  if (tokens.length < Math.min(...sizes)) return [tokens.slice()];
  for (const n of sizes) {
    for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n));
  }
  return out;
}

/** Shingles of normalised text as strings (tokens joined by a space). */
export function shingles(normalized: string, sizes: readonly number[] = SHINGLE_DEFAULTS.sizes): string[] {
  return shingleTokens(tokenize(normalized), sizes).map((t) => t.join(' '));
}
