/**
 * Overlapping character shingles over normalised text (normalize.ts), for Chinese, Latin
 * and mixed notes alike.
 *
 * Tokens are the characters (code points) of the text with spaces left out. A shingle is
 * n consecutive tokens starting at a token, where the lengths n depend on the script of
 * that first token: Han, Hiragana and Katakana characters carry a word's worth of meaning
 * each, so they start short shingles (`cjkSizes`); other characters (Latin letters,
 * digits, …) start longer ones (`otherSizes`). Shingles may cross from one script into
 * the other ("这款iphone" gives "款i", "款ip"). Dropping spaces makes the shingles immune to
 * words split by inserted spaces or punctuation ("e ve ry" = "every") and lets one typo
 * cost only a few of the shingles (one per character by default). A text too short for any shingle
 * yields one shingle holding all its tokens, so short notes still have a feature.
 *
 * `simhash64` (../simhash/simhash64.ts) computes the same shingles without building
 * strings; tests check the two agree. This module is the readable definition.
 */

export interface ShingleOptions {
  /** Shingle lengths (in characters) for shingles starting at a Han or kana character. */
  readonly cjkSizes: readonly number[];
  /** Shingle lengths for shingles starting at any other character. */
  readonly otherSizes: readonly number[];
}

/**
 * Han/kana bigrams and Latin 4-grams: one shingle per character. Measured on the
 * near-duplicate fixtures and the base notes (bench/simhash.ts): adding Han unigrams or
 * Latin trigrams raises recall at small radii a little, but common characters then make
 * unrelated notes on the same topic correlated (mean cosine 0.16 instead of 0.02), which
 * raises the chance of an unrelated note within 6 bits ~100-fold (≈2e-9 vs ≈2e-11 per
 * pair): too many false hits when every note is queried against a million-note window.
 */
export const SHINGLE_DEFAULTS: ShingleOptions = Object.freeze({
  cjkSizes: Object.freeze([2]),
  otherSizes: Object.freeze([4]),
});

const CJK_RE = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u;

const cache = new Uint8Array(0x10000);
const astralCache = new Map<number, number>();

/** 1: a Han or kana character, 2: a space (not a token), 3: any other character. */
export function tokenClass(cp: number): number {
  if (cp === 0x20) return 2;
  if (cp < 0x80) return 3;
  if (cp < 0x10000) {
    let c = cache[cp];
    if (c === 0) {
      c = CJK_RE.test(String.fromCharCode(cp)) ? 1 : 3;
      cache[cp] = c;
    }
    return c;
  }
  let c = astralCache.get(cp);
  if (c === undefined) {
    c = CJK_RE.test(String.fromCodePoint(cp)) ? 1 : 3;
    if (astralCache.size < 1 << 16) astralCache.set(cp, c);
  }
  return c;
}

/** The characters of normalised text, spaces left out. */
export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  for (const ch of normalized) if (ch !== ' ') tokens.push(ch);
  return tokens;
}

/** The token sequences of all shingles, by start position, then size in option order. */
export function shingleTokens(
  tokens: readonly string[],
  options: ShingleOptions = SHINGLE_DEFAULTS,
): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const sizes = tokenClass(tokens[i].codePointAt(0)!) === 1 ? options.cjkSizes : options.otherSizes;
    for (const n of sizes) if (i + n <= tokens.length) out.push(tokens.slice(i, i + n));
  }
  if (out.length === 0 && tokens.length > 0) out.push(tokens.slice());
  return out;
}

/** Shingles of normalised text as strings. */
export function shingles(normalized: string, options: ShingleOptions = SHINGLE_DEFAULTS): string[] {
  return shingleTokens(tokenize(normalized), options).map((t) => t.join(''));
}
