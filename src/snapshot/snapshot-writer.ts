/**
 * Snapshot of one detection run, fed through `ChainSinks.tap`: featured events (→ notes,
 * accounts, interactions), link edges (→ edges) and ring events (→ rings, ring_members).
 * `tap` is synchronous (it only converts and queues rows); the caller awaits `drain()` between
 * input batches, which writes the queued rows to the open partition files, so memory is bounded
 * by one batch plus the open row groups. `finish()` publishes the snapshot atomically.
 *
 * Text (note title/body/tags, account nickname/bio, comment text) is personal data: it is
 * written only with `includeText`. With a pseudonymiser, account ids, device ids and IP prefixes
 * are replaced by keyed pseudonyms (pseudonymizer.ts).
 */
import type { Params } from '../config/params.ts';
import type { TopicRole } from '../contracts/events.ts';
import type { FeaturedEvent, NoteEmbeddingRecord } from '../contracts/normalized.ts';
import type { Provenance, RingEvent } from '../contracts/ring.ts';
import type { EdgeRecord } from '../core/link/score-edge.ts';
import type { ParquetWriterOptions } from '../adapters/parquet/partitioned-parquet-writer.ts';
import { SNAPSHOT_TABLES, type SnapshotTable } from '../adapters/parquet/snapshot-schemas.ts';
import { eventTable, eventToRow } from './event-rows.ts';
import type { PublishPhase } from './publish-dir.ts';
import type { Pseudonymizer } from './pseudonymizer.ts';
import { edgeToRow, ringToRows } from './ring-rows.ts';
import { SnapshotError } from './snapshot-error.ts';
import { SNAPSHOT_FORMAT, TIMESTAMP_CONVENTION, type SnapshotInput, type SnapshotManifest } from './snapshot-manifest.ts';
import { StagedSnapshot } from './staged-snapshot.ts';

export interface SnapshotOptions {
  /** Write note/account/comment text columns (personal data). Default false. */
  includeText: boolean;
  /** Replace account ids, device ids and IP prefixes by keyed pseudonyms. Default null (off). */
  pseudonymizer: Pseudonymizer | null;
  parquet: Partial<ParquetWriterOptions>;
  /** Test hook: called at each publication phase. */
  onPhase?: (p: PublishPhase) => void;
}

export const SNAPSHOT_DEFAULTS: Readonly<SnapshotOptions> = Object.freeze({ includeText: false, pseudonymizer: null, parquet: {} });

type Pending = { table: SnapshotTable; row: Record<string, unknown>; ms: number };

export class SnapshotWriter {
  private pending: Pending[] = [];
  /** Late embedding records waiting for the note they precede. */
  private late: NoteEmbeddingRecord[] = [];
  private featureSeq = 0;
  private edgeSeq = 0;
  private ringSeq = 0;
  private minTs = Infinity;
  private maxTs = -Infinity;
  private finished = false;

  private constructor(
    private readonly staged: StagedSnapshot,
    private readonly params: Params,
    private readonly provenance: Provenance,
    private readonly opts: SnapshotOptions,
  ) {}

  static async open(dir: string, params: Params, provenance: Provenance, opts: Partial<SnapshotOptions> = {}): Promise<SnapshotWriter> {
    const o: SnapshotOptions = { ...SNAPSHOT_DEFAULTS, ...opts };
    return new SnapshotWriter(await StagedSnapshot.create(dir, SNAPSHOT_TABLES, o.parquet), params, provenance, o);
  }

  /** Where the snapshot will be published. */
  get target(): string {
    return this.staged.dir.target;
  }

  get pendingRows(): number {
    return this.pending.length;
  }

  /** ChainSinks.tap: queue rows for the records a snapshot keeps; ignore everything else. */
  tap(role: TopicRole, value: unknown): void {
    if (this.finished) throw new SnapshotError('SNAPSHOT_BAD_OPTION', 'snapshot writer used after finish()');
    const ps = this.opts.pseudonymizer;
    const rec = value as { kind?: string };
    if (role === 'features') {
      if (rec.kind === 'watermark') return;
      // gated semantic mode: a late vector precedes the note that needed it; it is stored on that note's row
      if (rec.kind === 'embedding') return void this.late.push(value as NoteEmbeddingRecord);
      const ev = value as FeaturedEvent;
      this.minTs = Math.min(this.minTs, ev.ts);
      this.maxTs = Math.max(this.maxTs, ev.ts);
      const late = ev.type === 'note' ? this.late : [];
      this.pending.push({ table: eventTable(ev), row: eventToRow(ev, this.featureSeq++, { includeText: this.opts.includeText, pseudonymizer: ps }, late), ms: ev.ts });
      if (ev.type === 'note' && late.length) this.late = [];
    } else if (role === 'links') {
      if (rec.kind !== 'edge') return;
      const e = value as EdgeRecord;
      this.pending.push({ table: 'edges', row: edgeToRow(e, this.edgeSeq++, ps), ms: e.ts });
    } else if (role === 'rings') {
      const ev = value as RingEvent;
      const { ring, members } = ringToRows(ev, this.ringSeq++, ps);
      const ms = ring.updated_at as number;
      this.pending.push({ table: 'rings', row: ring, ms });
      for (const m of members) this.pending.push({ table: 'ring_members', row: m, ms });
    }
  }

  /** Write queued rows to their partition files. Call between input batches; never concurrently. */
  async drain(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    for (const p of batch) await this.staged.table(p.table).append(p.row, p.ms);
  }

  /** Drain, close, verify and publish; returns the manifest. On failure the staging directory is removed. */
  async finish(input: SnapshotInput): Promise<SnapshotManifest> {
    try {
      await this.drain();
      this.finished = true;
      const o = this.opts;
      return await this.staged.publish(
        (tables, extra_files) => ({
          format: SNAPSHOT_FORMAT,
          kind: 'snapshot',
          created_at: new Date().toISOString(),
          window: {
            min_event_time: Number.isFinite(this.minTs) ? new Date(this.minTs).toISOString() : null,
            max_event_time: Number.isFinite(this.maxTs) ? new Date(this.maxTs).toISOString() : null,
          },
          input,
          code_version: this.provenance.code_version,
          params: structuredClone(this.params) as unknown as Record<string, unknown>,
          param_hash: this.provenance.param_hash,
          seed: this.provenance.seed,
          model: { id: this.provenance.model_id, sha256: this.provenance.model_sha256 ?? null },
          options: {
            include_text: o.includeText,
            pseudonymized: o.pseudonymizer !== null,
            pseudonym_key_id: o.pseudonymizer?.keyId ?? null,
            row_group_size: this.staged.parquet.rowGroupSize,
            compression: this.staged.parquet.compression,
          },
          timestamps: TIMESTAMP_CONVENTION,
          tables,
          extra_files,
        }),
        o.onPhase,
      );
    } catch (err) {
      await this.abort();
      throw err;
    }
  }

  async abort(): Promise<void> {
    this.finished = true;
    this.pending = [];
    await this.staged.abort();
  }
}
