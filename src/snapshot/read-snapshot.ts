/**
 * Read a published snapshot back: the manifest (required — a directory without one is not a
 * snapshot), optional verification of every file against it, the featured events in replay
 * order and the recorded ring events. Only files the manifest lists are read.
 */
import { join } from 'node:path';
import type { FeaturedEvent, NoteEmbeddingRecord } from '../contracts/normalized.ts';
import type { RingEvent } from '../contracts/ring.ts';
import { readParquetRows } from '../adapters/parquet/read-parquet-rows.ts';
import { sha256File } from './durable-fs.ts';
import { compareReplayOrder, eventFromRow, lateEmbeddingsFromRow, type EventTable } from './event-rows.ts';
import { ringsFromRows } from './ring-rows.ts';
import { SnapshotError } from './snapshot-error.ts';
import { readManifest, type SnapshotManifest } from './snapshot-manifest.ts';

export async function openSnapshot(dir: string, opts: { verify?: boolean } = {}): Promise<SnapshotManifest> {
  const m = await readManifest(dir);
  if (opts.verify ?? true) await verifySnapshot(dir, m);
  return m;
}

/** Every listed file exists with the recorded size and sha256. */
export async function verifySnapshot(dir: string, m: SnapshotManifest): Promise<void> {
  const files = [...Object.values(m.tables).flatMap((t) => t.files), ...m.extra_files];
  for (const f of files) {
    let got: { sha256: string; bytes: number };
    try {
      got = await sha256File(join(dir, f.path));
    } catch (err) {
      throw new SnapshotError('SNAPSHOT_VERIFY_FAILED', `${f.path} is missing`, { cause: err });
    }
    if (got.sha256 !== f.sha256 || got.bytes !== f.bytes) throw new SnapshotError('SNAPSHOT_VERIFY_FAILED', `${f.path} does not match its manifest checksum`);
  }
}

async function* tableRows(dir: string, m: SnapshotManifest, table: string): AsyncGenerator<Record<string, unknown>> {
  for (const f of m.tables[table]?.files ?? []) yield* readParquetRows(join(dir, f.path));
}

/**
 * Featured events (notes, accounts, interactions) in the order ingest released them — (ts,
 * event_id), then stream position — streamed one hour partition at a time: every event of an
 * hour lives in that hour's partition, so sorting within it is a global sort and memory is
 * bounded by the busiest hour.
 */
export async function* streamFeaturedEvents(dir: string, m: SnapshotManifest, onRow?: (n: number) => void): AsyncGenerator<FeaturedEvent | NoteEmbeddingRecord> {
  const byPartition = new Map<string, { table: EventTable; path: string }[]>();
  for (const table of EVENT_TABLES)
    for (const f of m.tables[table]?.files ?? []) {
      const key = partitionKey(f.path);
      (byPartition.get(key) ?? byPartition.set(key, []).get(key)!).push({ table, path: f.path });
    }
  let n = 0;
  for (const key of [...byPartition.keys()].sort()) {
    const keyed: { ts: number; event_id: string; seq: number; ev: FeaturedEvent; late: NoteEmbeddingRecord[] }[] = [];
    for (const f of byPartition.get(key)!) {
      for await (const r of readParquetRows(join(dir, f.path))) {
        const ev = eventFromRow(f.table, r);
        keyed.push({ ts: ev.ts, event_id: ev.event_id, seq: Number(r.seq), ev, late: f.table === 'notes' ? lateEmbeddingsFromRow(r) : [] });
        if (++n % 10_000 === 0) onRow?.(n);
      }
    }
    keyed.sort(compareReplayOrder);
    for (const k of keyed) {
      yield* k.late; // gated semantic mode: the late vectors featurize sent just before this note
      yield k.ev;
    }
  }
}

/** All featured events in replay order, in memory (tests, small snapshots). */
export async function readFeaturedEvents(dir: string, m: SnapshotManifest, onRow?: (n: number) => void): Promise<(FeaturedEvent | NoteEmbeddingRecord)[]> {
  const out: (FeaturedEvent | NoteEmbeddingRecord)[] = [];
  for await (const ev of streamFeaturedEvents(dir, m, onRow)) out.push(ev);
  return out;
}

const EVENT_TABLES: readonly EventTable[] = ['accounts', 'notes', 'interactions'];

/** `dt=…/hour=…` of a partition file path (files of unpartitioned tables sort first under ''). */
function partitionKey(path: string): string {
  const m = /(dt=[^/]+\/hour=[^/]+)\//.exec(path);
  return m ? m[1] : '';
}

/** Ring events as recorded, in the order the flag stage emitted them. */
export async function readRecordedRings(dir: string, m: SnapshotManifest): Promise<RingEvent[]> {
  const rings: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  for await (const r of tableRows(dir, m, 'rings')) rings.push(r);
  for await (const r of tableRows(dir, m, 'ring_members')) members.push(r);
  return ringsFromRows(rings, members);
}

/** Total rows of the event tables (for progress). */
export function eventRowCount(m: SnapshotManifest): number {
  return ['notes', 'accounts', 'interactions'].reduce((s, t) => s + (m.tables[t]?.rows ?? 0), 0);
}

