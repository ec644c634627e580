/**
 * Where a consumer stands on each assigned partition: the next offset it will process and the
 * partition's end (high watermark) as last seen. Caught up = every position has reached its end.
 * Pure bookkeeping, no I/O; the Kafka consumer feeds it from admin calls and fetched batches.
 */
export class CaughtUpTracker {
  readonly #parts = new Map<string, { position: bigint; end: bigint }>();

  /** A new assignment replaces the previous one entirely. */
  reset(parts: { topic: string; partition: number; position: bigint; end: bigint }[]): void {
    this.#parts.clear();
    for (const p of parts) this.#parts.set(`${p.topic}/${p.partition}`, { position: p.position, end: p.end });
  }

  /** After processing up to `next - 1`; `end` is the high watermark the fetch reported. */
  advance(topic: string, partition: number, next: bigint, end: bigint): void {
    const p = this.#parts.get(`${topic}/${partition}`);
    if (p === undefined) return; // no longer assigned: ignore a straggling batch
    if (next > p.position) p.position = next;
    if (end > p.end) p.end = end;
  }

  isCaughtUp(): boolean {
    for (const p of this.#parts.values()) if (p.position < p.end) return false;
    return true;
  }

  /** Topics with at least one assigned partition. */
  topics(): string[] {
    return [...new Set([...this.#parts.keys()].map((k) => k.slice(0, k.lastIndexOf('/'))))];
  }

  get size(): number {
    return this.#parts.size;
  }
}
