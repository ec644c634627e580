/**
 * Snapshots in the Kafka deployment: a terminal consumer of the features, links and rings
 * topics feeds each consumed record here, and publishes a snapshot per rotation (e.g. hourly, or
 * at shutdown). The manifest records the exact offset range of every topic-partition covered.
 *
 * Intended wiring (a future `snapshot` stage; see docs/analysts.md):
 *   const sink = await SnapshotSink.open(`${root}/${stamp}`, params, provenance, opts);
 *   for each consumed batch: for (const m of batch) sink.record({ role, topic, partition, offset, value: JSON.parse(m.value) });
 *                            await sink.flush();
 *   at rotation:             await sink.publish();  then commit the consumed offsets, open the next sink.
 * Offsets must be committed only after publish(): a crash before it leaves no manifest (the
 * partial directory is ignored by readers and cleaned up by the next publish to that path), and
 * the next run re-consumes the same range from the last committed offsets. Redelivered records
 * (offset not above the last one seen on their topic-partition) are skipped, so at-least-once
 * delivery does not duplicate rows.
 */
import type { Params } from '../config/params.ts';
import type { Provenance } from '../contracts/ring.ts';
import type { KafkaRange, SnapshotManifest } from './snapshot-manifest.ts';
import { SnapshotWriter, type SnapshotOptions } from './snapshot-writer.ts';

export interface SinkRecord {
  role: 'features' | 'links' | 'rings';
  topic: string;
  partition: number;
  /** kafkajs offset (decimal string). */
  offset: string;
  value: unknown;
}

export class SnapshotSink {
  private readonly ranges = new Map<string, KafkaRange>();

  private constructor(private readonly writer: SnapshotWriter) {}

  static async open(dir: string, params: Params, provenance: Provenance, opts: Partial<SnapshotOptions> = {}): Promise<SnapshotSink> {
    return new SnapshotSink(await SnapshotWriter.open(dir, params, provenance, opts));
  }

  /** Queue one consumed record. Returns false (and ignores it) for a redelivery. */
  record(r: SinkRecord): boolean {
    const key = `${r.topic}\u0000${r.partition}`;
    const off = BigInt(r.offset);
    const range = this.ranges.get(key);
    if (range && off <= BigInt(range.last_offset)) return false;
    if (range) {
      range.last_offset = r.offset;
      range.records++;
    } else this.ranges.set(key, { topic: r.topic, partition: r.partition, first_offset: r.offset, last_offset: r.offset, records: 1 });
    this.writer.tap(r.role, r.value);
    return true;
  }

  /** Write queued rows (call after each consumed batch). */
  flush(): Promise<void> {
    return this.writer.drain();
  }

  /** Offset ranges covered so far, sorted by topic and partition. */
  coverage(): KafkaRange[] {
    return [...this.ranges.values()].map((r) => ({ ...r })).sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  }

  /** Publish the snapshot (manifest last). Commit consumer offsets only after this resolves. */
  publish(): Promise<SnapshotManifest> {
    return this.writer.finish({ kind: 'kafka', ranges: this.coverage() });
  }

  abort(): Promise<void> {
    return this.writer.abort();
  }
}
