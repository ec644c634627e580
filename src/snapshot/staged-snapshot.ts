/**
 * A snapshot (or replay output) being written: Parquet tables and extra files in a staging
 * directory, then verified (row counts re-read with the Parquet reader, sha256 per file),
 * fsynced and published atomically with its manifest (publish-dir.ts).
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PartitionedParquetWriter, PARQUET_WRITER_DEFAULTS, type ParquetWriterOptions, type WrittenFile } from '../adapters/parquet/partitioned-parquet-writer.ts';
import { parquetRowCount } from '../adapters/parquet/read-parquet-rows.ts';
import type { TableName } from '../adapters/parquet/snapshot-schemas.ts';
import { fsyncPath, sha256File } from './durable-fs.ts';
import { createStagingDir, publishDir, type PublishPhase, type StagingDir } from './publish-dir.ts';
import { SnapshotError } from './snapshot-error.ts';
import type { ManifestExtraFile, ManifestTables, SnapshotManifest } from './snapshot-manifest.ts';

export class StagedSnapshot {
  private readonly writers = new Map<TableName, PartitionedParquetWriter>();
  private readonly extras: string[] = [];
  private done = false;
  private aborted = false;

  private constructor(readonly dir: StagingDir, readonly parquet: ParquetWriterOptions, private readonly tables: readonly TableName[]) {}

  /** Stage a snapshot for `target`; every table in `tables` appears in the manifest (with 0 rows if none were written). */
  static async create(target: string, tables: readonly TableName[], parquet: Partial<ParquetWriterOptions> = {}): Promise<StagedSnapshot> {
    return new StagedSnapshot(await createStagingDir(target), { ...PARQUET_WRITER_DEFAULTS, ...parquet }, tables);
  }

  table(name: TableName): PartitionedParquetWriter {
    this.assertOpen();
    let w = this.writers.get(name);
    if (!w) this.writers.set(name, (w = new PartitionedParquetWriter(this.dir.tmp, name, this.parquet)));
    return w;
  }

  /** Absolute path in the staging directory for an extra (non-Parquet) file, recorded in the manifest. */
  extraPath(rel: string): string {
    this.assertOpen();
    this.extras.push(rel);
    return join(this.dir.tmp, rel);
  }

  /** Close, verify, fsync, then publish with the manifest `build` returns. */
  async publish(build: (tables: ManifestTables, extra: ManifestExtraFile[]) => SnapshotManifest, onPhase?: (p: PublishPhase) => void): Promise<SnapshotManifest> {
    this.assertOpen();
    this.done = true;
    const files: WrittenFile[] = [];
    for (const w of this.writers.values()) files.push(...(await w.close()));
    onPhase?.('staged');
    const tables: ManifestTables = Object.fromEntries(this.tables.map((t) => [t, { rows: 0, files: [] }]));
    // Verify and fsync files concurrently: fsync latency dominates for many small partition files.
    const checked = await mapLimit(files, VERIFY_CONCURRENCY, async (f) => {
      const abs = join(this.dir.tmp, f.path);
      const rows = await parquetRowCount(abs);
      if (rows !== f.rows) throw new SnapshotError('SNAPSHOT_VERIFY_FAILED', `${f.path}: wrote ${f.rows} rows, reader counts ${rows}`);
      await fsyncPath(abs);
      return { f, rows, ...(await sha256File(abs)) };
    });
    for (const { f, rows, sha256, bytes } of checked) {
      const t = (tables[f.table] ??= { rows: 0, files: [] });
      t.rows += rows;
      t.files.push({ path: f.path, rows, bytes, sha256 });
    }
    const extra: ManifestExtraFile[] = [];
    for (const rel of this.extras) {
      const abs = join(this.dir.tmp, rel);
      await fsyncPath(abs);
      extra.push({ path: rel, ...(await sha256File(abs)) });
    }
    await fsyncTree(this.dir.tmp);
    onPhase?.('verified');
    const manifest = build(tables, extra);
    await publishDir(this.dir, manifest, onPhase);
    return manifest;
  }

  /** Give up: close what is open and remove the staging directory (a no-op for a published snapshot, whose staging name is gone). */
  async abort(): Promise<void> {
    if (this.aborted) return;
    this.aborted = this.done = true;
    for (const w of this.writers.values()) await w.close().catch(() => undefined);
    await rm(this.dir.tmp, { recursive: true, force: true });
  }

  private assertOpen(): void {
    if (this.done) throw new SnapshotError('SNAPSHOT_BAD_OPTION', 'snapshot already published or aborted');
  }
}

const VERIFY_CONCURRENCY = 16;

/** fsync every directory under `root` (children before parents), so new directory entries are durable. */
async function fsyncTree(root: string): Promise<void> {
  const dirs: string[][] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    (dirs[depth] ??= []).push(d);
    for (const e of await readdir(d, { withFileTypes: true })) if (e.isDirectory()) await walk(join(d, e.name), depth + 1);
  };
  await walk(root, 0);
  for (let depth = dirs.length - 1; depth >= 0; depth--) await mapLimit(dirs[depth], VERIFY_CONCURRENCY, fsyncPath);
}

/** Map with at most `limit` promises in flight; results in input order. */
async function mapLimit<T, R>(xs: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  const worker = async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await fn(xs[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, worker));
  return out;
}
