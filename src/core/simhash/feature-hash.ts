/**
 * Hashes of tokens and shingles for SimHash, in 32-bit integer arithmetic only.
 *
 * A token (a character, or any string) hashes to 32 bits: FNV-1a over its UTF-16 code
 * units, then the MurmurHash3 finaliser (FNV alone mixes its last unit poorly). A shingle
 * of n tokens hashes to 64 bits as two MurmurHash3_x86_32 runs over the token hashes with
 * different seeds, one per half, each finalised with n. The runs are prefix-incremental:
 * the states after n rounds serve every shingle length up to n from one start position.
 * SimHash needs every output bit to behave like an independent fair coin per feature;
 * tests check bit balance and pairwise independence on random shingles.
 */

/** Initial states of the two halves' hash runs. */
export const SEED_HI = 0x9e3779b9;
export const SEED_LO = 0x7f4a7c15;

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash of s[start, end) as one token. */
export function tokenHash(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** One MurmurHash3_x86_32 body round: mix the 32-bit block k into the state h. */
export function round(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** High half of the 64-bit hash of the shingle tokens[start, start + n). */
export function shingleHashHi(tokens: Int32Array | readonly number[], start: number, n: number): number {
  let h = SEED_HI;
  for (let j = 0; j < n; j++) h = round(h, tokens[start + j]);
  return fmix32(h ^ n);
}

/** Low half of the 64-bit hash of the shingle tokens[start, start + n). */
export function shingleHashLo(tokens: Int32Array | readonly number[], start: number, n: number): number {
  let h = SEED_LO;
  for (let j = 0; j < n; j++) h = round(h, tokens[start + j]);
  return fmix32(h ^ n);
}
