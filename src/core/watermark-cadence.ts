/**
 * Watermarks as a function of the ordered event sequence alone: before the first event of each
 * new minute of event time, a watermark for the start of that minute. Ingest uses it on live
 * streams and replay uses it on snapshots, so both produce identical record sequences.
 */
export const WATERMARK_EVERY_MS = 60_000;

export class WatermarkCadence {
  private lastBucket = -Infinity;
  lastTs = -Infinity;

  /** Returns the watermark ts to emit before an event at `ts`, or null. Events must arrive in ts order. */
  before(ts: number): number | null {
    const b = Math.floor(ts / WATERMARK_EVERY_MS);
    this.lastTs = Math.max(this.lastTs, ts);
    if (b <= this.lastBucket) return null;
    const first = this.lastBucket === -Infinity;
    this.lastBucket = b;
    return first ? null : b * WATERMARK_EVERY_MS;
  }
}
