/**
 * One table of a snapshot written as Hive-style partitions by event time:
 * `<root>/<table>/dt=YYYY-MM-DD/hour=HH/part-<n>.parquet` (UTC). Streaming: each partition file
 * is an open @dsnp/parquetjs writer that flushes a row group every `rowGroupSize` rows, and at
 * most `maxOpen` files per table are open (least recently used closed first), so memory is
 * bounded by maxOpen × rowGroupSize rows whatever the snapshot size. Records arrive in event-time
 * order, so a closed partition is rarely reopened; when it is, the next part number is used.
 *
 * Why rowGroupSize is explicit: parquetjs buffers a whole row group in JS arrays before encoding,
 * and its default (4096) is both small for readers and, in earlier 1.8.x releases, the trigger of
 * a runaway-size bug on close (frequency-chain/parquetjs#157). 20k rows is ~10–20 MB of buffered
 * column data for our widest table, big enough for DuckDB/pandas to scan efficiently.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ParquetWriter, type ParquetCompression } from '@dsnp/parquetjs';
import { snapshotSchema, type TableName } from './snapshot-schemas.ts';

export const PARQUET_WRITER_DEFAULTS = Object.freeze({
  rowGroupSize: 20_000,
  /** Rows per data page (parquetjs counts pages in rows). */
  pageSize: 8_192,
  maxOpen: 2,
  /**
   * SNAPPY: every reader we care about decodes it natively (DuckDB, pyarrow/pandas, hyparquet —
   * which has no built-in GZIP), and it wrote ~20% faster than GZIP in bench/snapshot.ts.
   * GZIP files are about half the size; pass `compression: 'GZIP'` where storage matters more.
   */
  compression: 'SNAPPY' as ParquetCompression,
});

export interface ParquetWriterOptions {
  rowGroupSize: number;
  pageSize: number;
  maxOpen: number;
  compression: ParquetCompression;
}

export interface WrittenFile {
  /** Path relative to the snapshot root, with forward slashes. */
  path: string;
  table: TableName;
  rows: number;
}

interface OpenFile {
  file: WrittenFile;
  writer: ParquetWriter;
  lastUse: number;
}

const HOUR_MS = 3_600_000;
let lastHour = NaN;
let lastPartition = '';

/** `dt=YYYY-MM-DD/hour=HH` of an epoch-ms instant, in UTC. */
export function partitionOf(ms: number): string {
  const h = Math.floor(ms / HOUR_MS);
  if (h !== lastHour) {
    const iso = new Date(h * HOUR_MS).toISOString();
    lastHour = h;
    lastPartition = `dt=${iso.slice(0, 10)}/hour=${iso.slice(11, 13)}`;
  }
  return lastPartition;
}

export class PartitionedParquetWriter {
  readonly files: WrittenFile[] = [];
  private readonly open = new Map<string, OpenFile>();
  private readonly nextPart = new Map<string, number>();
  private readonly schema;
  private readonly opts: ParquetWriterOptions;
  private tick = 0;
  rows = 0;

  constructor(private readonly root: string, readonly table: TableName, opts: Partial<ParquetWriterOptions> = {}) {
    this.opts = { ...PARQUET_WRITER_DEFAULTS, ...opts };
    if (!(this.opts.rowGroupSize >= 1 && this.opts.maxOpen >= 1)) throw new RangeError('rowGroupSize and maxOpen must be >= 1');
    this.schema = snapshotSchema(table, this.opts.compression);
  }

  /** Append one row to the partition of `ms` (or to the table root when `ms` is null). */
  async append(row: Record<string, unknown>, ms: number | null): Promise<void> {
    const partition = ms === null ? '' : partitionOf(ms);
    let f = this.open.get(partition);
    if (!f) f = await this.openPartition(partition);
    f.lastUse = ++this.tick;
    await f.writer.appendRow(row);
    f.file.rows++;
    this.rows++;
  }

  /** Close every open file (writing their footers). Returns all files written, in creation order. */
  async close(): Promise<WrittenFile[]> {
    for (const key of [...this.open.keys()]) await this.closePartition(key);
    return this.files;
  }

  private async openPartition(partition: string): Promise<OpenFile> {
    if (this.open.size >= this.opts.maxOpen) {
      let lru: string | null = null;
      let min = Infinity;
      for (const [k, f] of this.open) if (f.lastUse < min) ((min = f.lastUse), (lru = k));
      await this.closePartition(lru!);
    }
    const n = this.nextPart.get(partition) ?? 0;
    this.nextPart.set(partition, n + 1);
    const dir = partition ? `${this.table}/${partition}` : this.table;
    await mkdir(join(this.root, dir), { recursive: true });
    const file: WrittenFile = { path: `${dir}/part-${n}.parquet`, table: this.table, rows: 0 };
    const writer = await ParquetWriter.openFile(this.schema, join(this.root, file.path), {
      rowGroupSize: this.opts.rowGroupSize,
      pageSize: this.opts.pageSize,
    });
    this.files.push(file);
    const f: OpenFile = { file, writer, lastUse: 0 };
    this.open.set(partition, f);
    return f;
  }

  private async closePartition(key: string): Promise<void> {
    const f = this.open.get(key);
    if (!f) return;
    this.open.delete(key);
    await f.writer.close();
  }
}
