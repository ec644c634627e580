/**
 * 64-bit SimHash (Charikar, "Similarity estimation techniques from rounding algorithms",
 * STOC 2002) over weighted overlapping shingles, as used for near-duplicate detection by
 * Manku, Jain & Das Sarma ("Detecting near-duplicates for web crawling", WWW 2007).
 *
 * Every shingle (text/shingles.ts) hashes to 64 bits (feature-hash.ts); each bit position
 * sums +w for the features with that bit set and −w for the others, and the fingerprint
 * bit is 1 where the sum is positive (ties give 0). Repeated shingles count repeatedly,
 * so a feature's weight is its shingle-size weight times its term frequency. The expected
 * Hamming distance between two fingerprints is 64·θ/π for θ the angle between the two
 * weighted feature vectors.
 *
 * Hot path: tokens are hashed while scanning the text (no token or shingle strings), and
 * the per-bit sums are kept as bit-sliced binary counters — one 32-bit word per counter
 * bit, a ripple-carry add per feature — instead of 64 integer updates per feature. The
 * input must already be normalised (normalizeText); `textFingerprint` does both.
 */
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';
import { SHINGLE_DEFAULTS, tokenClass as tokenClassOf } from '../text/shingles.ts';
import { shingleHashHi as hashHi, shingleHashLo as hashLo, tokenHash as hashToken } from './feature-hash.ts';
import type { Fingerprint64 } from './fingerprint64.ts';

export { fromHex, hamming, toHex } from './fingerprint64.ts';
export type { Fingerprint64 } from './fingerprint64.ts';

export interface SimhashOptions {
  /** Shingle lengths in tokens. */
  readonly sizes: readonly number[];
  /** Integer weight (1..8) of the shingles of each size, aligned with `sizes`. */
  readonly weights: readonly number[];
}

export const SIMHASH_DEFAULTS: SimhashOptions = Object.freeze({
  sizes: SHINGLE_DEFAULTS.sizes,
  weights: Object.freeze([1, 1]) as readonly number[],
});

/** A hashed feature with its weight, for `simhashFromFeatures`. */
export interface WeightedFeature {
  readonly hi: number;
  readonly lo: number;
  readonly weight: number;
}

// Local copies: under tsx, imported bindings are read through getters (slow in a loop).
const tokenClass = tokenClassOf;
const shingleHashHi = hashHi;
const shingleHashLo = hashLo;
const tokenHash = hashToken;

export function resolveSimhashOptions(options: Partial<SimhashOptions> = {}): SimhashOptions {
  const sizes = options.sizes ?? SIMHASH_DEFAULTS.sizes;
  const weights = options.weights ?? sizes.map(() => 1);
  const bad =
    sizes.length === 0 ||
    weights.length !== sizes.length ||
    sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 8) ||
    weights.some((w) => !Number.isInteger(w) || w < 1 || w > 8);
  if (bad) {
    throw new RingwatchError(
      ERROR_CODES.CONFIG_INVALID,
      'simhash: sizes must be 1..8 tokens, weights integers 1..8, one weight per size',
    );
  }
  return Object.freeze({ sizes: Object.freeze([...sizes]), weights: Object.freeze([...weights]) });
}

/** The plain Charikar construction over explicit features (the reference). */
export function simhashFromFeatures(features: Iterable<WeightedFeature>): Fingerprint64 {
  const v = new Float64Array(64);
  for (const f of features) {
    for (let b = 0; b < 32; b++) {
      v[b] += (f.lo >>> b) & 1 ? f.weight : -f.weight;
      v[32 + b] += (f.hi >>> b) & 1 ? f.weight : -f.weight;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (v[b] > 0) lo |= 1 << b;
    if (v[32 + b] > 0) hi |= 1 << b;
  }
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

// Scratch space, reused across calls (single-threaded).
let tokens = new Int32Array(256);
const PLANES = 24; // counters up to 2^24 - 1 total weight
const hiPlanes = new Int32Array(PLANES);
const loPlanes = new Int32Array(PLANES);
let usedPlanes = 0;

function addWord(planes: Int32Array, w: number): void {
  let carry = w;
  for (let j = 0; carry !== 0; j++) {
    const t = planes[j] & carry;
    planes[j] ^= carry;
    carry = t;
    if (j >= usedPlanes) usedPlanes = j + 1;
  }
}

function pushToken(count: number, h: number): number {
  if (count === tokens.length) {
    const next = new Int32Array(tokens.length * 2);
    next.set(tokens);
    tokens = next;
  }
  tokens[count] = h;
  return count + 1;
}

function scanTokens(s: string): number {
  let count = 0;
  let wordStart = -1;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    let cp = s.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const c = tokenClass(cp);
    if (c === 3) {
      if (wordStart < 0) wordStart = i;
    } else {
      if (wordStart >= 0) count = pushToken(count, tokenHash(s, wordStart, i));
      wordStart = -1;
      if (c === 1) count = pushToken(count, tokenHash(s, i, i + width));
    }
    i += width - 1;
  }
  if (wordStart >= 0) count = pushToken(count, tokenHash(s, wordStart, len));
  return count;
}

/** SimHash of already-normalised text. Text without tokens hashes to 0. */
export function simhash64(normalized: string, options?: Partial<SimhashOptions>): Fingerprint64 {
  const { sizes, weights } = options === undefined ? SIMHASH_DEFAULTS : resolveSimhashOptions(options);
  const count = scanTokens(normalized);
  if (count === 0) return { hi: 0, lo: 0 };
  hiPlanes.fill(0);
  loPlanes.fill(0);
  usedPlanes = 0;
  let total = 0;
  let minSize = sizes[0];
  for (const n of sizes) if (n < minSize) minSize = n;
  if (count < minSize) {
    addWord(hiPlanes, shingleHashHi(tokens, 0, count));
    addWord(loPlanes, shingleHashLo(tokens, 0, count));
    total = 1;
  } else {
    for (let s = 0; s < sizes.length; s++) {
      const n = sizes[s];
      const w = weights[s];
      for (let i = 0; i + n <= count; i++) {
        const h = shingleHashHi(tokens, i, n);
        const l = shingleHashLo(tokens, i, n);
        for (let r = 0; r < w; r++) {
          addWord(hiPlanes, h);
          addWord(loPlanes, l);
        }
        total += w;
      }
    }
  }
  if (total >= 1 << PLANES) {
    throw new RingwatchError(ERROR_CODES.INPUT_UNREADABLE, 'simhash: text too long for the counters');
  }
  return { hi: majority(hiPlanes, total), lo: majority(loPlanes, total) };
}

/** Bit b is set when more than half of the total weight voted 1 at b. */
function majority(planes: Int32Array, total: number): number {
  let out = 0;
  for (let b = 0; b < 32; b++) {
    let c = 0;
    for (let j = 0; j < usedPlanes; j++) c |= ((planes[j] >>> b) & 1) << j;
    if (2 * c > total) out |= 1 << b;
  }
  return out >>> 0;
}
