/**
 * Table layout for the permuted-table Hamming index (Manku, Jain & Das Sarma, "Detecting
 * near-duplicates for web crawling", WWW 2007, section 3).
 *
 * Split the 64 bits into B blocks. Two fingerprints within k bits differ in at most k
 * blocks, so they agree exactly on at least B − k blocks. Build one table for each choice
 * of B − k blocks, keyed on those blocks' bits: every neighbour within k bits then shares
 * the key of at least one table with the query, and a query probes C(B, B − k) buckets and
 * checks the few fingerprints in them. More blocks means longer keys (fewer false
 * candidates per probe) but more tables (more probes, more memory per fingerprint):
 *
 *   k  B  tables  key bits  candidates per probe at 1M (uniform fingerprints)
 *   3  4     4      16        ~15
 *   3  5    10     ~25        ~0.03
 *   3  6    20      32        ~0
 *   6  7     7       9        ~2000
 *   6  8    28      16        ~15
 *
 * The paper stores each table sorted on a permutation of the bits and binary-searches the
 * key prefix; here each table hashes the masked key bits into buckets whose entries are
 * stored contiguously (hamming-index.ts), which gives the same candidate sets with one
 * lookup instead of a binary search, plus a small delta for O(1) inserts and removals.
 */
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';

export interface BlockTables {
  readonly blocks: number;
  /** Per table: which bits of the high and low halves form its key. */
  readonly masksHi: Uint32Array;
  readonly masksLo: Uint32Array;
  /** Number of key bits of the smallest table key. */
  readonly minKeyBits: number;
}

function binomial(n: number, r: number): number {
  let c = 1;
  for (let i = 1; i <= r; i++) c = (c * (n - r + i)) / i;
  return Math.round(c);
}

/**
 * Block count for a query radius and an expected number of fingerprints: the B that
 * minimises the expected query cost among layouts of at most `maxTables` tables. A probe
 * (two cache misses) costs about as much as scanning 150 contiguous candidates, measured
 * with hamming-index.ts at 1M fingerprints (bench/simhash.ts). At 1M fingerprints:
 * k=1 → 2 blocks, k=2 → 3, k=3 → 4 (4 tables), k=4 → 5 (5), k=5 → 7 (21), k=6 → 8 (28).
 */
export function defaultBlocks(maxK: number, expectedSize = 1 << 20, maxTables = 48): number {
  const PROBE_COST = 150; // in candidate checks
  let best = maxK + 1;
  let bestCost = Infinity;
  for (let b = maxK + 1; b <= 64; b++) {
    const tables = binomial(b, b - maxK);
    if (tables > maxTables) break;
    const keyBits = Math.floor(((b - maxK) * 64) / b);
    const cost = tables * (PROBE_COST + expectedSize / 2 ** keyBits);
    if (cost < bestCost) {
      bestCost = cost;
      best = b;
    }
  }
  return best;
}

function combinations(n: number, r: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, acc: number[]) => {
    if (acc.length === r) {
      out.push(acc.slice());
      return;
    }
    for (let i = start; i < n; i++) {
      acc.push(i);
      pick(i + 1, acc);
      acc.pop();
    }
  };
  pick(0, []);
  return out;
}

const MAX_TABLES = 128;

export function planBlockTables(maxK: number, blocks: number = defaultBlocks(maxK)): BlockTables {
  const valid = Number.isInteger(maxK) && Number.isInteger(blocks) && maxK >= 0 && maxK <= 16;
  if (!valid || blocks <= maxK || blocks > 64) {
    throw new RingwatchError(
      ERROR_CODES.CONFIG_INVALID,
      'hamming index: need integers 0 <= maxK <= 16 and maxK < blocks <= 64',
    );
  }
  const tables = binomial(blocks, maxK);
  if (tables > MAX_TABLES) {
    throw new RingwatchError(
      ERROR_CODES.CONFIG_INVALID,
      `hamming index: ${tables} tables (> ${MAX_TABLES}); use fewer blocks`,
    );
  }
  const choices = combinations(blocks, blocks - maxK);
  // Block j covers bits [start_j, start_j + size_j), sizes as even as possible.
  const bounds: number[] = [];
  for (let j = 0; j <= blocks; j++) bounds.push(Math.round((j * 64) / blocks));
  const masksHi = new Uint32Array(choices.length);
  const masksLo = new Uint32Array(choices.length);
  let minKeyBits = 64;
  choices.forEach((chosen, t) => {
    let hi = 0;
    let lo = 0;
    let bits = 0;
    for (const j of chosen) {
      for (let bit = bounds[j]; bit < bounds[j + 1]; bit++) {
        if (bit < 32) lo |= 1 << bit;
        else hi |= 1 << (bit - 32);
        bits++;
      }
    }
    masksHi[t] = hi >>> 0;
    masksLo[t] = lo >>> 0;
    minKeyBits = Math.min(minKeyBits, bits);
  });
  return { blocks, masksHi, masksLo, minKeyBits };
}
