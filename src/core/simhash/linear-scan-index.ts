/**
 * The exact reference fingerprint index: every query compares against every fingerprint.
 * O(n) per query; the permuted-table index (hamming-index.ts) must return exactly the same
 * hits, in the same order.
 */
import type { Fingerprint64 } from './fingerprint64.ts';
import { popcount32 as pop } from './fingerprint64.ts';
import { checkK, compareHits, type FingerprintIndex, type HammingHit } from './fingerprint-index.ts';

const popcount32 = pop;

export class LinearScanIndex<Id = string> implements FingerprintIndex<Id> {
  /** Queries accept any k up to 64. */
  readonly maxK = 64;
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private live = new Uint8Array(1024);
  private ids: (Id | undefined)[] = [];
  private free: number[] = [];
  private used = 0;
  private readonly slotOf = new Map<Id, number>();

  get size(): number {
    return this.slotOf.size;
  }

  has(id: Id): boolean {
    return this.slotOf.has(id);
  }

  insert(id: Id, fp: Fingerprint64): void {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      if (this.free.length === 0 && this.used === this.hi.length) this.grow();
      slot = this.free.length > 0 ? this.free.pop()! : this.used++;
      this.slotOf.set(id, slot);
    }
    this.hi[slot] = fp.hi;
    this.lo[slot] = fp.lo;
    this.live[slot] = 1;
    this.ids[slot] = id;
  }

  remove(id: Id): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.live[slot] = 0;
    this.ids[slot] = undefined;
    this.free.push(slot);
    return true;
  }

  query(fp: Fingerprint64, k = 3): HammingHit<Id>[] {
    checkK(k, this.maxK);
    const qh = fp.hi >>> 0;
    const ql = fp.lo >>> 0;
    const { hi, lo, live } = this;
    const hits: HammingHit<Id>[] = [];
    for (let s = 0; s < this.used; s++) {
      if (live[s] === 0) continue;
      const d = popcount32(hi[s] ^ qh) + popcount32(lo[s] ^ ql);
      if (d <= k) hits.push({ id: this.ids[s] as Id, distance: d });
    }
    return hits.sort(compareHits);
  }

  private grow(): void {
    const n = this.hi.length * 2;
    const hi = new Uint32Array(n);
    const lo = new Uint32Array(n);
    const live = new Uint8Array(n);
    hi.set(this.hi);
    lo.set(this.lo);
    live.set(this.live);
    this.hi = hi;
    this.lo = lo;
    this.live = live;
  }
}
