/**
 * Snapshot write throughput: synthetic featured events (10% accounts, 30% notes, 60%
 * interactions) and link edges over one day of event time, pushed through SnapshotWriter exactly
 * as detect does (tap → drain per batch → finish), and read back for replay. Reports rows/s for
 * the write phase and end to end (including close, verification, fsync and publication).
 *
 *   npx tsx bench/snapshot.ts            (or through bench/run.ts)
 *   RINGWATCH_BENCH_SNAPSHOT_ROWS=500000 npx tsx bench/snapshot.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveParams } from '../src/config/params.ts';
import type { FeaturedEvent } from '../src/contracts/normalized.ts';
import type { EdgeRecord } from '../src/core/link/score-edge.ts';
import { seededRng } from '../src/core/cluster/seeded-rng.ts';
import { makeProvenance } from '../src/runtime/provenance.ts';
import { readFeaturedEvents } from '../src/snapshot/read-snapshot.ts';
import { SnapshotWriter } from '../src/snapshot/snapshot-writer.ts';
import type { BenchRow } from './bench-row.ts';

const BATCH = 5_000;

export async function run(): Promise<BenchRow[]> {
  const n = Number(process.env.RINGWATCH_BENCH_SNAPSHOT_ROWS ?? 200_000);
  const compression = (process.env.RINGWATCH_BENCH_SNAPSHOT_COMPRESSION ?? undefined) as 'GZIP' | 'SNAPPY' | 'UNCOMPRESSED' | undefined;
  const params = resolveParams({});
  const root = await mkdtemp(join(tmpdir(), 'rw-bench-snapshot-'));
  try {
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const w = await SnapshotWriter.open(join(root, 'snap'), params, makeProvenance(params, null), compression ? { parquet: { compression } } : {});
    for (const batch of synthesize(n, BATCH)) {
      for (const r of batch) w.tap(r.role, r.value);
      await w.drain();
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    const tWritten = performance.now();
    const cpu = process.cpuUsage(c0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const m = await w.finish({ kind: 'file', path: 'synthetic', lines: n });
    const tDone = performance.now();
    const rows = Object.values(m.tables).reduce((s, t) => s + t.rows, 0);
    const files = Object.values(m.tables).reduce((s, t) => s + t.files.length, 0);
    const bytes = Object.values(m.tables).reduce((s, t) => s + t.files.reduce((b, f) => b + f.bytes, 0), 0);
    const t1 = performance.now();
    const events = await readFeaturedEvents(join(root, 'snap'), m);
    const tRead = performance.now() - t1;
    const note = `${rows} rows in ${files} files, ${m.options.compression}, row groups of ${m.options.row_group_size}`;
    return [
      { stage: 'snapshot', metric: 'write_rows_per_s', value: Math.round(rows / ((tWritten - t0) / 1000)), unit: 'rows/s', note: `tap+drain only; ${note}` },
      { stage: 'snapshot', metric: 'write_rows_per_cpu_s', value: Math.round(rows / cpuSeconds), unit: 'rows/s', note: `tap+drain per CPU second of this process (robust to a shared, loaded machine); ${note}` },
      { stage: 'snapshot', metric: 'end_to_end_rows_per_s', value: Math.round(rows / ((tDone - t0) / 1000)), unit: 'rows/s', note: `incl. close, verify, sha256, fsync, publish; ${note}` },
      { stage: 'snapshot', metric: 'bytes_per_row', value: Math.round((bytes / rows) * 10) / 10, unit: 'B', note },
      { stage: 'snapshot', metric: 'peak_rss_growth', value: Math.round((peakRss - rssBefore) / 1e6), unit: 'MB', note: `RSS growth while writing (input generated lazily per batch); ${note}` },
      { stage: 'snapshot', metric: 'replay_read_events_per_s', value: Math.round(events.length / (tRead / 1000)), unit: 'events/s', note: 'notes+accounts+interactions read back with parquetjs and sorted for replay' },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

type Rec = { role: 'features' | 'links'; value: FeaturedEvent | EdgeRecord };

/** n records (90% featured events, 10% edges) over one day, in batches, generated lazily as a stream would deliver them. */
function* synthesize(n: number, batch: number): Generator<Rec[]> {
  const rng = seededRng(7);
  const t0 = Date.UTC(2026, 4, 1);
  const accounts = Math.max(100, Math.floor(n / 20));
  const acct = () => `u${Math.floor(rng() * accounts).toString(36)}`;
  const hex = () => Math.floor(rng() * 2 ** 32).toString(16).padStart(8, '0') + Math.floor(rng() * 2 ** 32).toString(16).padStart(8, '0');
  let out: Rec[] = [];
  const evs = Math.ceil((n * 9) / 10);
  for (let i = 0; i < evs; i++) {
    if (out.length >= batch) {
      yield out;
      out = [];
    }
    const ts = t0 + Math.floor((i / evs) * 864e5);
    const event_id = `e${i.toString(36)}`;
    const x = rng();
    if (x < 0.1) out.push({ role: 'features', value: { type: 'account', event_id, ts, account_id: acct(), action: 'register', registered_at: ts - 864e5, device_id: `d${Math.floor(rng() * 1e5)}`, ip_prefix: `10.${i % 255}.0.0/16` } });
    else if (x < 0.4)
      out.push({ role: 'features', value: { type: 'note', event_id, ts, account_id: acct(), note_id: `n${i.toString(36)}`, action: 'publish', title: 't', body: 'b', targets: [{ kind: 'product', id: `p${Math.floor(rng() * 5000)}` }], features: { simhash: hex() } } });
    else out.push({ role: 'features', value: { type: 'interaction', event_id, ts, account_id: acct(), action: 'like', note_id: `n${Math.floor(rng() * i).toString(36)}` } });
    if (i % 9 === 8) {
      const e: EdgeRecord = { kind: 'edge', a: acct(), b: acct(), ts, strong: rng() < 0.5, weak: false, signals: { co_target: 1.2, lockstep: 0.8 }, weight: 2, examples: [] };
      out.push({ role: 'links', value: e });
    }
  }
  if (out.length) yield out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(`${r.stage}\t${r.metric}\t${r.value} ${r.unit}\t${r.note ?? ''}`);
}
