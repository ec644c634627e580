/**
 * `ringwatch replay`: re-run link → cluster → flag over a snapshot's featured events with the
 * snapshot's params plus overrides, and write the new rings (JSONL and Parquet), a diff against
 * the recorded rings (ring_diff Parquet) and a readable summary.md, published atomically like a
 * snapshot (manifest kind `replay`). With unchanged params the replay reproduces the recorded
 * ring events exactly.
 */
import { writeFile } from 'node:fs/promises';
import { resolveParamsChecked } from '../config/deploy-config.ts';
import { parseSet, type Params } from '../config/params.ts';
import type { RingEvent } from '../contracts/ring.ts';
import { toParquetList } from '../adapters/parquet/read-parquet-rows.ts';
import { JsonlWriter } from '../adapters/files/jsonl-writer.ts';
import { makeProvenance } from '../runtime/provenance.ts';
import { replayFeatured } from '../runtime/replay-featured.ts';
import { diffRings, type RingDiff } from './diff-rings.ts';
import type { PublishPhase } from './publish-dir.ts';
import { eventRowCount, openSnapshot, readRecordedRings, streamFeaturedEvents } from './read-snapshot.ts';
import { renderReplaySummary } from './render-replay-summary.ts';
import { ringToRows } from './ring-rows.ts';
import { SNAPSHOT_FORMAT, TIMESTAMP_CONVENTION, type SnapshotManifest } from './snapshot-manifest.ts';
import { StagedSnapshot } from './staged-snapshot.ts';

export interface ReplayOptions {
  snapshot: string;
  out: string;
  /** `key=value` param overrides applied on top of the snapshot's params. */
  sets?: string[];
  /** Check every snapshot file against its manifest sha256 first. Default true. */
  verify?: boolean;
  onProgress?: (eventsDone: number, eventsTotal: number) => void;
  onPhase?: (p: PublishPhase) => void;
}

export interface ReplayResult {
  manifest: SnapshotManifest;
  source: SnapshotManifest;
  params: Params;
  rings: RingEvent[];
  recorded: RingEvent[];
  diff: RingDiff;
  events: number;
  seconds: number;
}

export async function replaySnapshot(o: ReplayOptions): Promise<ReplayResult> {
  const t0 = performance.now();
  const sets = o.sets ?? [];
  const src = await openSnapshot(o.snapshot, { verify: o.verify ?? true });
  const params = resolveParamsChecked([src.params, ...sets.map(parseSet)]);
  const provenance = makeProvenance(params, { id: src.model.id, ...(src.model.sha256 ? { sha256: src.model.sha256 } : {}) });
  const total = eventRowCount(src);
  const rings = await replayFeatured(streamFeaturedEvents(o.snapshot, src), params, provenance, { onProgress: (n) => o.onProgress?.(n, total) });
  o.onProgress?.(total, total);
  const recorded = await readRecordedRings(o.snapshot, src);
  const diff = diffRings(recorded, rings);
  const seconds = (performance.now() - t0) / 1000;

  const staged = await StagedSnapshot.create(o.out, ['rings', 'ring_members', 'ring_diff'], { rowGroupSize: src.options.row_group_size });
  try {
    let seq = 0;
    const jsonl = new JsonlWriter(staged.extraPath('rings.jsonl'));
    for (const ev of rings) {
      jsonl.write(ev);
      const { ring, members } = ringToRows(ev, seq++, null);
      await staged.table('rings').append(ring, ring.updated_at as number);
      for (const m of members) await staged.table('ring_members').append(m, ring.updated_at as number);
    }
    await jsonl.close();
    for (const r of diff.rows) await staged.table('ring_diff').append({ ...r, members_added: toParquetList(r.members_added), members_removed: toParquetList(r.members_removed) }, null);
    const summary = renderReplaySummary({
      snapshot: o.snapshot, recordedParamHash: src.param_hash, replayParamHash: provenance.param_hash, overrides: sets,
      recordedCodeVersion: src.code_version, replayCodeVersion: provenance.code_version, events: total, seconds, diff,
    });
    await writeFile(staged.extraPath('summary.md'), summary);
    const manifest = await staged.publish(
      (tables, extra_files) => ({
        format: SNAPSHOT_FORMAT,
        kind: 'replay',
        created_at: new Date().toISOString(),
        window: src.window,
        input: { kind: 'snapshot', path: o.snapshot, param_hash: src.param_hash, overrides: sets },
        code_version: provenance.code_version,
        params: structuredClone(params) as unknown as Record<string, unknown>,
        param_hash: provenance.param_hash,
        seed: provenance.seed,
        model: { id: provenance.model_id, sha256: provenance.model_sha256 ?? null },
        options: { ...src.options, include_text: false, row_group_size: staged.parquet.rowGroupSize, compression: staged.parquet.compression },
        timestamps: TIMESTAMP_CONVENTION,
        tables,
        extra_files,
      }),
      o.onPhase,
    );
    return { manifest, source: src, params, rings, recorded, diff, events: total, seconds };
  } catch (err) {
    await staged.abort();
    throw err;
  }
}
