/**
 * Event-time ordering across input partitions with a bounded lateness allowance.
 *
 * Output is the sequence of accepted events sorted by (ts, event_id): it does not depend on how
 * partitions interleave on arrival, which is what makes a Kafka run, a file run and the demo
 * produce the same rings. An event is late iff its ts is more than `allowedLatenessMs` behind the
 * newest ts already seen *in its own partition* (a rule that is itself independent of
 * interleaving). The watermark is min over active partitions of (max ts - lateness); an accepted
 * event is therefore never behind an already released one.
 */
export interface Timed {
  ts: number;
  event_id: string;
}

export interface OrdererOptions {
  allowedLatenessMs: number;
}

export type Offer = 'accepted' | 'late';

export class EventTimeOrderer<T extends Timed> {
  private readonly lateness: number;
  private readonly maxTs = new Map<string, number>();
  private readonly idle = new Set<string>();
  private buffer: T[] = [];
  private released = -Infinity;

  private readonly expected = new Set<string>();

  constructor(opts: OrdererOptions) {
    this.lateness = opts.allowedLatenessMs;
  }

  /** Declare the partitions that will feed this orderer: until each has data (or is idle) nothing is released. */
  expect(partitions: readonly string[]): void {
    for (const p of partitions) this.expected.add(p);
  }

  offer(partition: string, ev: T): Offer {
    const max = this.maxTs.get(partition);
    if (max !== undefined && ev.ts < max - this.lateness) return 'late';
    if (ev.ts < this.released) return 'late';
    if (max === undefined || ev.ts > max) this.maxTs.set(partition, ev.ts);
    this.idle.delete(partition);
    this.buffer.push(ev);
    return 'accepted';
  }

  /** Mark a partition as having no more data for now (at its end): it no longer holds the watermark back. */
  markIdle(partition: string): void {
    this.idle.add(partition);
  }

  watermark(): number {
    for (const p of this.expected) if (!this.maxTs.has(p) && !this.idle.has(p)) return -Infinity;
    let wm = Infinity;
    for (const [p, max] of this.maxTs) if (!this.idle.has(p)) wm = Math.min(wm, max - this.lateness);
    return wm;
  }

  /** Release, in (ts, event_id) order, every buffered event strictly before the watermark (or all when `all`). */
  drain(all = false): T[] {
    const wm = all ? Infinity : this.watermark();
    if (this.buffer.length === 0 || wm === -Infinity) return [];
    this.buffer.sort(compareTimed);
    let n = 0;
    while (n < this.buffer.length && this.buffer[n].ts < wm) n++;
    if (n === 0) return [];
    const out = this.buffer.slice(0, n);
    this.buffer = this.buffer.slice(n);
    this.released = Math.max(this.released, out[out.length - 1].ts);
    return out;
  }

  /** Event time of the newest released event (-Infinity before the first release). */
  get releasedTs(): number {
    return this.released;
  }

  get buffered(): number {
    return this.buffer.length;
  }
}

export function compareTimed(a: Timed, b: Timed): number {
  return a.ts - b.ts || (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0);
}
