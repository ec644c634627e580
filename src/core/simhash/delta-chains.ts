/**
 * Bucket chains for the recent part (delta) of one Hamming-index table: doubly-linked
 * lists over small "local" entry numbers in typed arrays, so linking and unlinking are
 * O(1) and allocation-free. The index maps local numbers to fingerprint slots.
 */

export const NONE = -1;

/** Bucket of a masked key: a multiplicative hash of both halves, top bits kept. */
export function bucketOf(x: number, y: number, shift: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y ^ (y >>> 16), 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> shift;
}

export class DeltaChains {
  readonly heads: Int32Array;
  readonly next: Int32Array;
  private readonly prev: Int32Array;
  readonly shift: number;

  /** Room for `entries` local numbers, in about as many buckets (a power of two). */
  constructor(entries: number) {
    const bits = Math.max(4, Math.ceil(Math.log2(Math.max(1, entries))));
    this.shift = 32 - bits;
    this.heads = new Int32Array(1 << bits).fill(NONE);
    this.next = new Int32Array(entries);
    this.prev = new Int32Array(entries);
  }

  get byteLength(): number {
    return this.heads.byteLength + this.next.byteLength + this.prev.byteLength;
  }

  link(local: number, bucket: number): void {
    const first = this.heads[bucket];
    this.next[local] = first;
    this.prev[local] = NONE;
    if (first !== NONE) this.prev[first] = local;
    this.heads[bucket] = local;
  }

  unlink(local: number, bucket: number): void {
    const p = this.prev[local];
    const n = this.next[local];
    if (p === NONE) this.heads[bucket] = n;
    else this.next[p] = n;
    if (n !== NONE) this.prev[n] = p;
  }
}
