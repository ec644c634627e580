/**
 * Permuted-table index over 64-bit fingerprints for "all fingerprints within k bits"
 * (Manku, Jain & Das Sarma, WWW 2007); the table layout and its trade-offs are described
 * in block-tables.ts. Each table hashes its masked key bits into bucket chains kept as
 * doubly-linked lists in typed arrays (O(1) insert and remove, no per-entry objects).
 *
 * Memory: per slot 8 bytes + 12 bytes per table (k = 3: 10 tables, 128 MiB for a
 * capacity of 2^20; k = 6: 28 tables, 344 MiB) plus the id map. Capacity is a power of
 * two. Query time is memory latency: about one cache miss per table probed plus one or
 * two per candidate, so layouts with short keys (many candidates per probe, e.g. k = 6 at
 * a million fingerprints) are slow; a sorted/CSR per-table layout as in the paper would
 * make a bucket's candidates contiguous. Results equal the linear scan's
 * (linear-scan-index.ts); property tests check this.
 */
import { planBlockTables, type BlockTables } from './block-tables.ts';
import type { Fingerprint64 } from './fingerprint64.ts';
import { popcount32 as pop } from './fingerprint64.ts';
import { checkK, compareHits, type FingerprintIndex, type HammingHit } from './fingerprint-index.ts';

export interface HammingIndexOptions {
  /** Largest query radius the tables support. */
  readonly maxK: number;
  /** Number of blocks the 64 bits are split into (default: block-tables.ts defaultBlocks). */
  readonly blocks?: number;
  /** Slots allocated up front; the index doubles when full. */
  readonly initialCapacity: number;
}

export const HAMMING_INDEX_DEFAULTS: HammingIndexOptions = Object.freeze({ maxK: 3, initialCapacity: 1024 });

const popcount32 = pop;
const NONE = -1;

function bucketOf(x: number, y: number, shift: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y ^ (y >>> 16), 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> shift;
}

export class HammingIndex<Id = string> implements FingerprintIndex<Id> {
  readonly maxK: number;
  readonly layout: BlockTables;
  private readonly tables: number;
  private capacity: number;
  private headShift = 0;
  private fps!: Uint32Array; // per slot: [hi, lo], adjacent for one cache line per candidate
  private ids: (Id | undefined)[] = [];
  private heads!: Int32Array[]; // per table: bucket -> first slot
  private next!: Int32Array[]; // per table: slot -> next slot in bucket
  private prev!: Int32Array[]; // per table: slot -> previous slot, or NONE when head
  private free: number[] = [];
  private used = 0; // slots handed out so far (high-water mark)
  private readonly slotOf = new Map<Id, number>();

  constructor(options: Partial<HammingIndexOptions> = {}) {
    const o = { ...HAMMING_INDEX_DEFAULTS, ...options };
    this.maxK = o.maxK;
    this.layout = planBlockTables(o.maxK, o.blocks);
    this.tables = this.layout.masksHi.length;
    this.capacity = Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, o.initialCapacity))));
    this.allocate(this.capacity);
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: Id): boolean {
    return this.slotOf.has(id);
  }

  insert(id: Id, fp: Fingerprint64): void {
    if (this.slotOf.has(id)) this.remove(id);
    if (this.free.length === 0 && this.used === this.capacity) this.grow();
    const slot = this.free.length > 0 ? this.free.pop()! : this.used++;
    this.fps[2 * slot] = fp.hi;
    this.fps[2 * slot + 1] = fp.lo;
    this.ids[slot] = id;
    this.slotOf.set(id, slot);
    this.link(slot);
  }

  remove(id: Id): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    const { masksHi, masksLo } = this.layout;
    const hi = this.fps[2 * slot];
    const lo = this.fps[2 * slot + 1];
    for (let t = 0; t < this.tables; t++) {
      const next = this.next[t];
      const prev = this.prev[t];
      const p = prev[slot];
      const n = next[slot];
      if (p === NONE) this.heads[t][bucketOf(hi & masksHi[t], lo & masksLo[t], this.headShift)] = n;
      else next[p] = n;
      if (n !== NONE) prev[n] = p;
    }
    this.ids[slot] = undefined;
    this.free.push(slot);
    return true;
  }

  query(fp: Fingerprint64, k: number = this.maxK): HammingHit<Id>[] {
    checkK(k, this.maxK);
    const { masksHi, masksLo } = this.layout;
    const qh = fp.hi >>> 0;
    const ql = fp.lo >>> 0;
    const fps = this.fps;
    const shift = this.headShift;
    const found: number[] = []; // slots within k; a neighbour can sit in several tables
    const hits: HammingHit<Id>[] = [];
    for (let t = 0; t < this.tables; t++) {
      const mh = masksHi[t];
      const ml = masksLo[t];
      const kh = qh & mh;
      const kl = ql & ml;
      const next = this.next[t];
      for (let s = this.heads[t][bucketOf(kh, kl, shift)]; s !== NONE; s = next[s]) {
        const h = fps[2 * s];
        const l = fps[2 * s + 1];
        if ((h & mh) !== kh || (l & ml) !== kl) continue;
        const d = popcount32(h ^ qh) + popcount32(l ^ ql);
        if (d <= k && !found.includes(s)) {
          found.push(s);
          hits.push({ id: this.ids[s] as Id, distance: d });
        }
      }
    }
    return hits.length > 1 ? hits.sort(compareHits) : hits;
  }

  private link(slot: number): void {
    const { masksHi, masksLo } = this.layout;
    const hi = this.fps[2 * slot];
    const lo = this.fps[2 * slot + 1];
    for (let t = 0; t < this.tables; t++) {
      const heads = this.heads[t];
      const b = bucketOf(hi & masksHi[t], lo & masksLo[t], this.headShift);
      const first = heads[b];
      this.next[t][slot] = first;
      this.prev[t][slot] = NONE;
      if (first !== NONE) this.prev[t][first] = slot;
      heads[b] = slot;
    }
  }

  private allocate(capacity: number): void {
    this.capacity = capacity;
    const headBits = Math.log2(capacity); // one bucket per slot per table
    this.headShift = 32 - headBits;
    this.fps = new Uint32Array(2 * capacity);
    this.heads = [];
    this.next = [];
    this.prev = [];
    for (let t = 0; t < this.tables; t++) {
      this.heads.push(new Int32Array(capacity).fill(NONE));
      this.next.push(new Int32Array(capacity));
      this.prev.push(new Int32Array(capacity));
    }
  }

  private grow(): void {
    const oldFps = this.fps;
    const oldUsed = this.used;
    this.allocate(this.capacity * 2);
    this.fps.set(oldFps);
    const live = new Uint8Array(oldUsed);
    for (const slot of this.slotOf.values()) live[slot] = 1;
    for (let s = 0; s < oldUsed; s++) if (live[s]) this.link(s);
  }
}
