/**
 * Per-code-point classification for the single-pass normaliser, computed lazily from the
 * same Unicode property regexes the reference normaliser uses (normalize-reference.ts) and
 * cached: a Uint16Array for the BMP, a Map for astral code points.
 */
import { CONFUSABLES } from './confusables.ts';
import { INVISIBLE_RE, NOISE_RE } from './normalize-reference.ts';
import { TRAD_TO_SIMP } from './trad-simp.ts';

export const KNOWN = 1;
/** Dropped without trace (format characters, variation selectors, blank fillers). */
export const INVISIBLE = 2;
/** A combining mark (\p{M}). */
export const MARK = 4;
/** A base whose following combining marks are stripped (Latin, Greek, Cyrillic, Han, spaces, …). */
export const STRIP_BASE = 8;
/** Becomes a space: whitespace, punctuation, symbols, emoji, controls, private use. */
export const SPACE = 16;
/** Script=Han: spaces between two of these are removed. */
export const HAN = 32;
/** Replaced by a fixed string (look-alike letter, traditional character, apostrophe). */
export const REPLACE = 64;
/** Hangul conjoining jamo: NFKD split a syllable, so the result needs NFC. */
export const JAMO = 128;
/** A letter or number (\p{L} or \p{N}), for the spelt-out-word check. */
export const LETTER_OR_NUMBER = 256;

const one = (re: RegExp) => new RegExp(`^${re.source}$`, 'u');
const IS_INVISIBLE = one(INVISIBLE_RE);
const IS_NOISE = one(NOISE_RE);
const IS_MARK = /^\p{M}$/u;
const IS_STRIP_BASE =
  /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Armenian}\p{sc=Cherokee}\p{sc=Han}\p{sc=Common}]$/u;
const IS_SPACE = /^\s$/u;
const IS_HAN = /^\p{sc=Han}$/u;
const IS_LN = /^[\p{L}\p{N}]$/u;
const IS_JAMO = /^[\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]$/u;

const REPLACEMENTS = new Map<number, string>();
for (const [k, v] of CONFUSABLES) REPLACEMENTS.set(k.codePointAt(0)!, v);
for (const [k, v] of TRAD_TO_SIMP) REPLACEMENTS.set(k.codePointAt(0)!, v);
REPLACEMENTS.set(0x27, '');
REPLACEMENTS.set(0x2019, '');

/** Replacement text of a code point flagged REPLACE. */
export function replacementOf(cp: number): string {
  return REPLACEMENTS.get(cp) ?? String.fromCodePoint(cp);
}

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (IS_INVISIBLE.test(ch)) return KNOWN | INVISIBLE;
  if (IS_MARK.test(ch)) return KNOWN | MARK;
  let f = KNOWN;
  const space = IS_SPACE.test(ch) || IS_NOISE.test(ch);
  if (IS_STRIP_BASE.test(ch) || space) f |= STRIP_BASE;
  if (REPLACEMENTS.has(cp)) f |= REPLACE;
  else if (space) f |= SPACE;
  if (IS_HAN.test(ch) || (REPLACEMENTS.has(cp) && IS_HAN.test(REPLACEMENTS.get(cp)!))) f |= HAN;
  if (IS_JAMO.test(ch)) f |= JAMO;
  if (IS_LN.test(ch)) f |= LETTER_OR_NUMBER;
  return f;
}

const BMP = new Uint16Array(0x10000);
const ASTRAL = new Map<number, number>();
/** Bounds the cache against text made of many distinct astral characters. */
const ASTRAL_CACHE_LIMIT = 1 << 16;

/** Classification flags of a code point (a lone surrogate is classified as itself). */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    const f = BMP[cp];
    if (f !== 0) return f;
    const g = classify(cp);
    BMP[cp] = g;
    return g;
  }
  let f = ASTRAL.get(cp);
  if (f === undefined) {
    f = classify(cp);
    if (ASTRAL.size < ASTRAL_CACHE_LIMIT) ASTRAL.set(cp, f);
  }
  return f;
}
