/**
 * 64-bit SimHash (Charikar, "Similarity estimation techniques from rounding algorithms",
 * STOC 2002) over weighted overlapping shingles, as used for near-duplicate detection by
 * Manku, Jain & Das Sarma ("Detecting near-duplicates for web crawling", WWW 2007).
 *
 * Every shingle (text/shingles.ts) hashes to 64 bits (feature-hash.ts); each bit position
 * sums +w for the features with that bit set and −w for the others, and the fingerprint
 * bit is 1 where the sum is positive (ties give 0). Repeated shingles count repeatedly,
 * so a feature's weight is its size weight times its term frequency. The expected
 * Hamming distance between two fingerprints is 64·θ/π for θ the angle between the two
 * weighted feature vectors: a cosine of 0.99 gives ~3 bits, 0.95 ~6.5, 0.9 ~9.
 *
 * Hot path: characters are hashed while scanning the text (no token or shingle strings),
 * shingle hashes grow incrementally from each start position, and the per-bit sums are
 * kept as bit-sliced binary counters — one 32-bit word per counter bit, a ripple-carry add
 * per feature — instead of 64 integer updates per feature. Input must be normalised
 * (normalizeText); `textFingerprint` (text-fingerprint.ts) does both.
 */
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';
import { SHINGLE_DEFAULTS, tokenClass as tokenClassOf, type ShingleOptions } from '../text/shingles.ts';
import * as fh from './feature-hash.ts';
import type { Fingerprint64 } from './fingerprint64.ts';

export { fromHex, hamming, toHex } from './fingerprint64.ts';
export type { Fingerprint64 } from './fingerprint64.ts';

export interface SimhashOptions extends ShingleOptions {
  /** Integer weight (1..8) of each of `cjkSizes`. */
  readonly cjkWeights: readonly number[];
  /** Integer weight (1..8) of each of `otherSizes`. */
  readonly otherWeights: readonly number[];
}

export const SIMHASH_DEFAULTS: SimhashOptions = Object.freeze({
  ...SHINGLE_DEFAULTS,
  cjkWeights: Object.freeze(SHINGLE_DEFAULTS.cjkSizes.map(() => 1)),
  otherWeights: Object.freeze(SHINGLE_DEFAULTS.otherSizes.map(() => 1)),
});

/** A hashed feature with its weight, for `simhashFromFeatures`. */
export interface WeightedFeature {
  readonly hi: number;
  readonly lo: number;
  readonly weight: number;
}

// Local copies: under tsx, imported bindings are read through getters (slow in a loop).
const tokenClass = tokenClassOf;
const tokenHash = fh.tokenHash;
const round = fh.round;
const fmix32 = fh.fmix32;
const shingleHashHi = fh.shingleHashHi;
const shingleHashLo = fh.shingleHashLo;
const SEED_HI = fh.SEED_HI;
const SEED_LO = fh.SEED_LO;

const MAX_SIZE = 8;

/** Weight of each shingle length 1..MAX_SIZE (0: not a size), per script class. */
interface Plan {
  readonly cjk: Int32Array;
  readonly other: Int32Array;
  readonly maxCjk: number;
  readonly maxOther: number;
}

function validSizes(sizes: readonly number[], weights: readonly number[]): boolean {
  return (
    sizes.length > 0 &&
    weights.length === sizes.length &&
    new Set(sizes).size === sizes.length &&
    sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_SIZE) &&
    weights.every((w) => Number.isInteger(w) && w >= 1 && w <= 8)
  );
}

/** Merge options over the defaults and validate; throws RW_CONFIG_INVALID. */
export function resolveSimhashOptions(options: Partial<SimhashOptions> = {}): SimhashOptions {
  const cjkSizes = options.cjkSizes ?? SIMHASH_DEFAULTS.cjkSizes;
  const otherSizes = options.otherSizes ?? SIMHASH_DEFAULTS.otherSizes;
  const cjkWeights = options.cjkWeights ?? cjkSizes.map(() => 1);
  const otherWeights = options.otherWeights ?? otherSizes.map(() => 1);
  if (!validSizes(cjkSizes, cjkWeights) || !validSizes(otherSizes, otherWeights)) {
    throw new RingwatchError(
      ERROR_CODES.CONFIG_INVALID,
      `simhash: sizes must be distinct integers 1..${MAX_SIZE}, weights integers 1..8, one per size`,
    );
  }
  return Object.freeze({ cjkSizes, otherSizes, cjkWeights, otherWeights });
}

function plan(o: SimhashOptions): Plan {
  const cjk = new Int32Array(MAX_SIZE + 1);
  const other = new Int32Array(MAX_SIZE + 1);
  o.cjkSizes.forEach((n, i) => (cjk[n] = o.cjkWeights[i]));
  o.otherSizes.forEach((n, i) => (other[n] = o.otherWeights[i]));
  return { cjk, other, maxCjk: Math.max(...o.cjkSizes), maxOther: Math.max(...o.otherSizes) };
}

const DEFAULT_PLAN = plan(SIMHASH_DEFAULTS);
/** Plans by options object, so a caller reusing one options object validates it once. */
const plans = new WeakMap<object, Plan>();

function planFor(options: Partial<SimhashOptions> | undefined): Plan {
  if (options === undefined) return DEFAULT_PLAN;
  let p = plans.get(options);
  if (p === undefined) {
    p = plan(resolveSimhashOptions(options));
    plans.set(options, p);
  }
  return p;
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
let tokens = new Int32Array(512);
let cjkFlags = new Uint8Array(512);
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

function scanTokens(s: string): number {
  let count = 0;
  const len = s.length;
  if (tokens.length < len) {
    tokens = new Int32Array(len * 2);
    cjkFlags = new Uint8Array(len * 2);
  }
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
    if (c !== 2) {
      tokens[count] = tokenHash(s, i, i + width);
      cjkFlags[count] = c === 1 ? 1 : 0;
      count++;
    }
    i += width - 1;
  }
  return count;
}

/** SimHash of already-normalised text. Text without tokens hashes to 0. */
export function simhash64(normalized: string, options?: Partial<SimhashOptions>): Fingerprint64 {
  const p = planFor(options);
  const count = scanTokens(normalized);
  if (count === 0) return { hi: 0, lo: 0 };
  hiPlanes.fill(0);
  loPlanes.fill(0);
  usedPlanes = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const cjk = cjkFlags[i] === 1;
    const weights = cjk ? p.cjk : p.other;
    const maxN = Math.min(cjk ? p.maxCjk : p.maxOther, count - i);
    let a = SEED_HI;
    let b = SEED_LO;
    for (let n = 1; n <= maxN; n++) {
      const k = tokens[i + n - 1];
      a = round(a, k);
      b = round(b, k);
      const w = weights[n];
      if (w === 0) continue;
      const h = fmix32(a ^ n);
      const l = fmix32(b ^ n);
      for (let r = 0; r < w; r++) {
        addWord(hiPlanes, h);
        addWord(loPlanes, l);
      }
      total += w;
    }
  }
  if (total === 0) {
    // Too short for any shingle: the whole text is one feature.
    addWord(hiPlanes, shingleHashHi(tokens, 0, count));
    addWord(loPlanes, shingleHashLo(tokens, 0, count));
    total = 1;
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
