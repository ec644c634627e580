/**
 * Permuted-table index over 64-bit fingerprints for "all fingerprints within k bits"
 * (Manku, Jain & Das Sarma, WWW 2007); the table layout and its trade-offs are described
 * in block-tables.ts.
 *
 * Query time is memory latency, so each table keeps the fingerprints of a bucket next to
 * each other, as the paper's sorted tables do: a base part in compressed-sparse-row form
 * (bucket → contiguous run of [hi, lo, slot]) rebuilt now and then by a counting sort, and
 * a small delta of the fingerprints inserted since, chained per bucket (delta-chains.ts).
 * Removal is O(tables) for delta entries; an entry in the base is marked dead and its slot
 * is only reused after the next rebuild. A rebuild happens when the delta or the dead
 * entries exceed `rebuildFraction` of the index (at least `minDelta`): O(n · tables) at
 * that moment, amortised O(tables / rebuildFraction) per update.
 *
 * Memory (`typedArrayBytes`): per slot 13 bytes, per table per fingerprint about 18 bytes
 * (k = 3: 4 tables, ~80 MiB at 1M; k = 6: 28 tables, ~500 MiB), plus the id map. Results
 * equal the linear scan's (linear-scan-index.ts); property tests check this.
 *
 * Costs measured in bench/simhash.ts. A rebuild at a million fingerprints stalls the caller
 * for a fraction of a second (every 125k updates with the defaults); an incremental or
 * background rebuild would remove the stall.
 */
import { planBlockTables, type BlockTables } from './block-tables.ts';
import { bucketOf as bucketHash, DeltaChains, NONE } from './delta-chains.ts';
import type { Fingerprint64 } from './fingerprint64.ts';
import { popcount32 as pop } from './fingerprint64.ts';
import { checkK, compareHits, type FingerprintIndex, type HammingHit } from './fingerprint-index.ts';

export interface HammingIndexOptions {
  /** Largest query radius the tables support. */
  readonly maxK: number;
  /** Number of blocks the 64 bits are split into (default: block-tables.ts defaultBlocks). */
  readonly blocks?: number;
  /** Slots allocated up front; the slot arrays double when full. */
  readonly initialCapacity: number;
  /** Rebuild when delta or dead entries exceed this fraction of the live entries… */
  readonly rebuildFraction: number;
  /** …and this absolute number. */
  readonly minDelta: number;
}

export const HAMMING_INDEX_DEFAULTS: HammingIndexOptions = Object.freeze({
  maxK: 3,
  initialCapacity: 1024,
  rebuildFraction: 0.125,
  minDelta: 4096,
});

const popcount32 = pop;
const bucketOf = bucketHash;

/** The base part of one table: bucket b's entries are entries[start[b] .. start[b+1]). */
interface Base {
  start: Int32Array;
  entries: Int32Array; // [hi, lo, slot] per entry
  shift: number;
}

export class HammingIndex<Id = string> implements FingerprintIndex<Id> {
  readonly maxK: number;
  readonly layout: BlockTables;
  private readonly options: HammingIndexOptions;
  private readonly tables: number;
  private fps: Uint32Array; // per slot: [hi, lo]
  private live: Uint8Array; // per slot: 1 while the id is present
  private inBase: Uint8Array; // per slot: 1 when the last rebuild put it in the base
  private ids: (Id | undefined)[] = [];
  private free: number[] = [];
  private deadInBase: number[] = []; // removed base slots, reusable after the next rebuild
  private used = 0;
  private readonly slotOf = new Map<Id, number>();
  private bases: Base[] = [];
  // The delta: local numbers 0..deltaLimit, shared by all tables' chains.
  private deltas: DeltaChains[] = [];
  private deltaLimit = 0;
  private deltaSlot = new Int32Array(0); // local -> slot
  private localOf: Int32Array; // slot -> local, NONE when not in the delta
  private deltaFree: number[] = [];
  private deltaUsed = 0;
  private deltaCount = 0;

  constructor(options: Partial<HammingIndexOptions> = {}) {
    this.options = { ...HAMMING_INDEX_DEFAULTS, ...options };
    this.maxK = this.options.maxK;
    this.layout = planBlockTables(this.maxK, this.options.blocks);
    this.tables = this.layout.masksHi.length;
    const cap = Math.max(16, this.options.initialCapacity);
    this.fps = new Uint32Array(2 * cap);
    this.live = new Uint8Array(cap);
    this.inBase = new Uint8Array(cap);
    this.localOf = new Int32Array(cap).fill(NONE);
    this.rebuild();
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: Id): boolean {
    return this.slotOf.has(id);
  }

  /** Bytes held in typed arrays (the id map and id strings come on top). */
  get typedArrayBytes(): number {
    let bytes = this.fps.byteLength + this.live.byteLength + this.inBase.byteLength;
    bytes += this.localOf.byteLength + this.deltaSlot.byteLength;
    for (const b of this.bases) bytes += b.start.byteLength + b.entries.byteLength;
    for (const d of this.deltas) bytes += d.byteLength;
    return bytes;
  }

  insert(id: Id, fp: Fingerprint64): void {
    if (this.slotOf.has(id)) this.remove(id);
    if (this.deltaCount === this.deltaLimit) this.rebuild();
    if (this.free.length === 0 && this.used === this.live.length) this.grow();
    const slot = this.free.length > 0 ? this.free.pop()! : this.used++;
    const hi = fp.hi >>> 0;
    const lo = fp.lo >>> 0;
    this.fps[2 * slot] = hi;
    this.fps[2 * slot + 1] = lo;
    this.live[slot] = 1;
    this.inBase[slot] = 0;
    this.ids[slot] = id;
    this.slotOf.set(id, slot);
    const local = this.deltaFree.length > 0 ? this.deltaFree.pop()! : this.deltaUsed++;
    this.deltaSlot[local] = slot;
    this.localOf[slot] = local;
    this.deltaCount++;
    const { masksHi, masksLo } = this.layout;
    for (let t = 0; t < this.tables; t++) {
      const chains = this.deltas[t];
      chains.link(local, bucketOf(hi & masksHi[t], lo & masksLo[t], chains.shift));
    }
  }

  remove(id: Id): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.live[slot] = 0;
    this.ids[slot] = undefined;
    if (this.inBase[slot] === 1) {
      this.deadInBase.push(slot);
      if (this.deadInBase.length > this.deltaLimit) this.rebuild();
    } else {
      const local = this.localOf[slot];
      const { masksHi, masksLo } = this.layout;
      const hi = this.fps[2 * slot];
      const lo = this.fps[2 * slot + 1];
      for (let t = 0; t < this.tables; t++) {
        const chains = this.deltas[t];
        chains.unlink(local, bucketOf(hi & masksHi[t], lo & masksLo[t], chains.shift));
      }
      this.localOf[slot] = NONE;
      this.deltaFree.push(local);
      this.deltaCount--;
      this.free.push(slot);
    }
    return true;
  }

  query(fp: Fingerprint64, k: number = this.maxK): HammingHit<Id>[] {
    checkK(k, this.maxK);
    const { masksHi, masksLo } = this.layout;
    const qh = fp.hi >>> 0;
    const ql = fp.lo >>> 0;
    const live = this.live;
    const found: number[] = []; // slots within k; a neighbour can sit in several tables
    const hits: HammingHit<Id>[] = [];
    for (let t = 0; t < this.tables; t++) {
      const mh = masksHi[t];
      const ml = masksLo[t];
      const kh = qh & mh;
      const kl = ql & ml;
      const { start, entries, shift } = this.bases[t];
      const b = bucketOf(kh, kl, shift);
      for (let e = 3 * start[b], end = 3 * start[b + 1]; e < end; e += 3) {
        const h = entries[e];
        const l = entries[e + 1];
        if ((h & mh) !== kh || (l & ml) !== kl) continue;
        const d = popcount32(h ^ qh) + popcount32(l ^ ql);
        const s = entries[e + 2];
        if (d <= k && live[s] === 1 && !found.includes(s)) {
          found.push(s);
          hits.push({ id: this.ids[s] as Id, distance: d });
        }
      }
      const chains = this.deltas[t];
      const next = chains.next;
      const fps = this.fps;
      const deltaSlot = this.deltaSlot;
      for (let j = chains.heads[bucketOf(kh, kl, chains.shift)]; j !== NONE; j = next[j]) {
        const s = deltaSlot[j];
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

  /** Move every live fingerprint into the base parts and empty the deltas. */
  private rebuild(): void {
    const liveSlots: number[] = [];
    for (let s = 0; s < this.used; s++) if (this.live[s] === 1) liveSlots.push(s);
    const n = liveSlots.length;
    const bucketBits = Math.max(4, Math.ceil(Math.log2(Math.max(1, n))));
    const shift = 32 - bucketBits;
    const buckets = 1 << bucketBits;
    const { masksHi, masksLo } = this.layout;
    const fps = this.fps;
    const bucketOfSlot = new Int32Array(n);
    this.bases = [];
    for (let t = 0; t < this.tables; t++) {
      const mh = masksHi[t];
      const ml = masksLo[t];
      const start = new Int32Array(buckets + 1);
      for (let i = 0; i < n; i++) {
        const s = liveSlots[i];
        const b = bucketOf(fps[2 * s] & mh, fps[2 * s + 1] & ml, shift);
        bucketOfSlot[i] = b;
        start[b + 1]++;
      }
      for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
      const fill = start.slice(0, buckets);
      const entries = new Int32Array(3 * n);
      for (let i = 0; i < n; i++) {
        const s = liveSlots[i];
        const e = 3 * fill[bucketOfSlot[i]]++;
        entries[e] = fps[2 * s];
        entries[e + 1] = fps[2 * s + 1];
        entries[e + 2] = s;
      }
      this.bases.push({ start, entries, shift });
    }
    for (const s of liveSlots) {
      this.inBase[s] = 1;
      this.localOf[s] = NONE;
    }
    for (const s of this.deadInBase) {
      this.inBase[s] = 0;
      this.free.push(s);
    }
    this.deadInBase = [];
    this.deltaLimit = Math.max(this.options.minDelta, Math.ceil(n * this.options.rebuildFraction));
    this.deltaSlot = new Int32Array(this.deltaLimit);
    this.deltaFree = [];
    this.deltaUsed = 0;
    this.deltaCount = 0;
    this.deltas = [];
    for (let t = 0; t < this.tables; t++) this.deltas.push(new DeltaChains(this.deltaLimit));
  }

  private grow(): void {
    const cap = this.live.length * 2;
    const fps = new Uint32Array(2 * cap);
    const live = new Uint8Array(cap);
    const inBase = new Uint8Array(cap);
    const localOf = new Int32Array(cap).fill(NONE);
    fps.set(this.fps);
    live.set(this.live);
    inBase.set(this.inBase);
    localOf.set(this.localOf);
    this.fps = fps;
    this.live = live;
    this.inBase = inBase;
    this.localOf = localOf;
  }
}
