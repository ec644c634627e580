/**
 * The interface every fingerprint index implements: the permuted-table index
 * (hamming-index.ts) and the linear scan it is tested against (linear-scan-index.ts).
 */
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';
import type { Fingerprint64 } from './fingerprint64.ts';

export interface HammingHit<Id> {
  id: Id;
  distance: number;
}

export interface FingerprintIndex<Id = string> {
  /** Number of fingerprints held. */
  readonly size: number;
  /** Add a fingerprint; an id already present has its fingerprint replaced. */
  insert(id: Id, fp: Fingerprint64): void;
  /** Drop an id (windowed expiry); false when it was not there. */
  remove(id: Id): boolean;
  has(id: Id): boolean;
  /** Every id within `k` bits of `fp`, nearest first, ties by id ascending. */
  query(fp: Fingerprint64, k?: number): HammingHit<Id>[];
}

/** Distance ascending, then id ascending: a stable order independent of insertion. */
export function compareHits<Id>(a: HammingHit<Id>, b: HammingHit<Id>): number {
  if (a.distance !== b.distance) return a.distance - b.distance;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Throws RW_CONFIG_INVALID unless k is an integer in [0, maxK]. */
export function checkK(k: number, maxK: number): void {
  if (!Number.isInteger(k) || k < 0 || k > maxK) {
    throw new RingwatchError(
      ERROR_CODES.CONFIG_INVALID,
      `hamming query: k must be an integer in [0, ${maxK}] (the index was built for maxK=${maxK})`,
    );
  }
}
