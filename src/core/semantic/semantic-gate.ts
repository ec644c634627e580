/**
 * Which notes the transformer must embed for link's semantic signal to find (nearly) everything
 * it would find if every note were embedded. Pure: notes in stream order, decisions out.
 *
 * Link compares a published note's transformer vector with the vectors of the last
 * SEMANTIC_BUCKET notes on each of its items inside the window (account-linker.ts). The gate
 * keeps the same buckets — per item key, the most recent publish notes, expired by event time
 * over the same window — holding each note's cheap static vector (static-embedder.ts) instead.
 * A new note is a *candidate* when some bucket note of another account has static cosine ≥
 * `minCosine`; the candidate and every such matched earlier note still without a transformer
 * vector are returned for embedding. All other notes are never embedded.
 *
 * The test is run as squared distance ≤ 2(1 − minCosine), which equals cosine ≥ minCosine for unit
 * vectors and lets a pair be rejected after part of the dimensions (most pairs are far apart), so
 * the scan costs a fraction of full dot products.
 *
 * Same buckets as link means every pair the gate passes is a pair link will compare, and every
 * pair link can compare was looked at by the gate. Decisions depend only on the order of
 * `offer` calls (never on batch boundaries), so a file run and a Kafka run agree.
 */

export interface SemanticGateOptions {
  /** Event-time window, ms (= params.link.windowMs). */
  windowMs: number;
  /** Most recent notes per item kept (= link's SEMANTIC_BUCKET). */
  bucketSize: number;
  /** Static cosine at or above which a cross-account pair goes to the transformer. */
  minCosine: number;
  /** Forget buckets untouched for a window this often (event time), bounding memory. */
  sweepEveryMs: number;
}

export const SEMANTIC_GATE_DEFAULTS: Readonly<Omit<SemanticGateOptions, 'windowMs' | 'minCosine'>> = Object.freeze({
  bucketSize: 200,
  sweepEveryMs: 12 * 3_600_000,
});

export interface GateNote<T> {
  note_id: string;
  account_id: string;
  ts: number;
  /** Item keys (`kind:id`) the note is about; duplicates are ignored. */
  keys: readonly string[];
  /** L2-normalised static vector. */
  vector: Float32Array;
  /** Whatever the caller needs to embed the note later (its text); dropped once it is sent. */
  payload: T;
}

export interface GateEntry<T> {
  readonly note_id: string;
  readonly account_id: string;
  readonly ts: number;
  readonly vector: Float32Array;
  /** The payload while the note has not been sent to the transformer; null after. */
  payload: T | null;
  /** Last offer that looked at this entry (dedupes notes shared by several items). */
  seen: number;
}

export interface GateVerdict<T> {
  /** The new note needs a transformer vector. */
  candidate: boolean;
  /** Earlier notes (oldest first) it matched that had no transformer vector yet: embed them too. */
  earlier: { note_id: string; account_id: string; ts: number; payload: T }[];
  /** Static cosines computed for this note (work done, for metrics). */
  compared: number;
}

export class SemanticGate<T> {
  private readonly o: SemanticGateOptions;
  private readonly buckets = new Map<string, GateEntry<T>[]>();
  private offers = 0;
  private lastSweep = -Infinity;

  constructor(options: Pick<SemanticGateOptions, 'windowMs' | 'minCosine'> & Partial<SemanticGateOptions>) {
    this.o = { ...SEMANTIC_GATE_DEFAULTS, ...options };
    if (!Number.isInteger(this.o.bucketSize) || this.o.bucketSize < 1) throw new RangeError(`bucketSize must be a positive integer, got ${this.o.bucketSize}`);
  }

  /** Add a publish note (in stream order) and decide whether it and its matches need the transformer. */
  offer(note: GateNote<T>): GateVerdict<T> {
    const seq = ++this.offers;
    const { windowMs, bucketSize, minCosine } = this.o;
    if (note.ts - this.lastSweep >= this.o.sweepEveryMs) this.sweep(note.ts);
    const entry: GateEntry<T> = { note_id: note.note_id, account_id: note.account_id, ts: note.ts, vector: note.vector, payload: note.payload, seen: seq };
    const horizon = note.ts - windowMs;
    const limit = 2 * (1 - minCosine);
    const matched: GateEntry<T>[] = [];
    let compared = 0;
    const keys = new Set(note.keys);
    for (const key of keys) {
      let bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, (bucket = []));
      let drop = 0;
      while (drop < bucket.length && bucket[drop].ts < horizon) drop++;
      // link looks at the last `bucketSize` entries *including* the new note
      drop = Math.max(drop, bucket.length - (bucketSize - 1));
      if (drop > 0) bucket.splice(0, drop);
      for (const e of bucket) {
        if (e.seen === seq) continue;
        e.seen = seq;
        if (e.account_id === note.account_id) continue;
        compared++;
        if (withinDistance(note.vector, e.vector, limit)) matched.push(e);
      }
      bucket.push(entry);
    }
    if (matched.length === 0) return { candidate: false, earlier: [], compared };
    entry.payload = null;
    matched.sort((a, b) => a.ts - b.ts || (a.note_id < b.note_id ? -1 : a.note_id > b.note_id ? 1 : 0));
    const earlier: GateVerdict<T>['earlier'] = [];
    for (const e of matched) {
      if (e.payload === null) continue;
      earlier.push({ note_id: e.note_id, account_id: e.account_id, ts: e.ts, payload: e.payload });
      e.payload = null;
    }
    return { candidate: true, earlier, compared };
  }

  /** Drop expired entries and empty buckets (called from offer on an event-time cadence). */
  sweep(now: number): void {
    this.lastSweep = now;
    const horizon = now - this.o.windowMs;
    for (const [key, bucket] of this.buckets) {
      let drop = 0;
      while (drop < bucket.length && bucket[drop].ts < horizon) drop++;
      if (drop === bucket.length) this.buckets.delete(key);
      else if (drop > 0) bucket.splice(0, drop);
    }
  }

  /** Items currently tracked (for metrics). */
  get items(): number {
    return this.buckets.size;
  }
}

/** ‖a − b‖² ≤ limit, abandoning as soon as the partial sum exceeds it (checked every 32 dimensions). */
export function withinDistance(a: Float32Array, b: Float32Array, limit: number): boolean {
  const n = a.length;
  let s = 0;
  let d = 0;
  while (d + 32 <= n) {
    for (const end = d + 32; d < end; d++) {
      const x = a[d] - b[d];
      s += x * x;
    }
    if (s > limit) return false;
  }
  for (; d < n; d++) {
    const x = a[d] - b[d];
    s += x * x;
  }
  return s <= limit;
}
