/**
 * A snapshot of a real detect run, read back by two independent readers: DuckDB (as analysts
 * query it, with hive partitioning) and hyparquet. Row counts are checked against the manifest,
 * rings are joined to their members and compared with what detect emitted.
 */
import { readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/config/params.ts';
import { detectFile, type DetectResult } from '../../src/runtime/detect-file.ts';
import { sha256File } from '../../src/snapshot/durable-fs.ts';
import { readRecordedRings } from '../../src/snapshot/read-snapshot.ts';
import { readManifest, type SnapshotManifest } from '../../src/snapshot/snapshot-manifest.ts';
import { openDuck, type Duck } from './fixtures/duck.ts';
import { sqlString, writeStreamFile } from './fixtures/stream-file.ts';

let dir: string;
let snap: string;
let res: DetectResult;
let m: SnapshotManifest;
let duck: Duck;
const glob = (t: string) => `read_parquet(${sqlString(join(snap, t, '**', '*.parquet'))}, hive_partitioning = true)`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rw-snapshot-'));
  const input = await writeStreamFile(dir, 1);
  snap = join(dir, 'snap');
  res = await detectFile({ input: input.path, params: resolveParams({}), snapshot: snap });
  m = await readManifest(snap);
  duck = await openDuck();
});
afterAll(async () => {
  duck?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('snapshot written by detect --snapshot', () => {
  it('returns the manifest it published, and the stream it covers', () => {
    expect(res.snapshot).toEqual(m);
    expect(m.input).toEqual({ kind: 'file', path: expect.stringMatching(/stream-1\.jsonl$/), lines: res.lines });
    expect(m.param_hash).toBe(res.rings[0].provenance.param_hash);
    expect(m.options).toMatchObject({ include_text: false, pseudonymized: false, pseudonym_key_id: null, compression: 'SNAPPY' });
    expect(res.rings.length).toBeGreaterThan(0);
  });

  it('holds every featured event: notes + accounts + interactions = lines read − dead letters', () => {
    expect(m.tables.notes.rows + m.tables.accounts.rows + m.tables.interactions.rows).toBe(res.lines - res.deadLetters);
  });

  it('row counts read by DuckDB over the hive-partitioned globs equal the manifest', async () => {
    for (const [table, t] of Object.entries(m.tables)) {
      expect(t.rows, table).toBeGreaterThan(0);
      const [r] = await duck.rows(`select count(*)::int as n from ${glob(table)}`);
      expect(r.n, table).toBe(t.rows);
      expect(t.files.reduce((s, f) => s + f.rows, 0), table).toBe(t.rows);
    }
  });

  it('rings join ring_members: each ring event has exactly its members, as detect emitted them', async () => {
    const joined = await duck.rows(`
      select r.ring_id, r.version, r.size, r.linked_members, r.tied_members, r.status, r.score, list(m.account_id order by m.member_index) as members,
             list(m.links order by m.member_index) as links, list(m.evidence_weight order by m.member_index) as weights
      from ${glob('rings')} r join ${glob('ring_members')} m on m.seq = r.seq and m.ring_id = r.ring_id and m.version = r.version
      group by all order by r.ring_id, r.version`);
    const expected = [...res.rings]
      .sort((a, b) => (a.ring_id < b.ring_id ? -1 : a.ring_id > b.ring_id ? 1 : a.version - b.version))
      .map((e) => ({
        ring_id: e.ring_id, version: e.version, size: e.evidence.size, linked_members: e.evidence.linked_members, tied_members: e.evidence.tied_members, status: e.status, score: e.score, members: e.members.map((x) => x.account_id),
        links: e.members.map((x) => x.links), weights: e.members.map((x) => x.evidence_weight),
      }));
    expect(expected.flatMap((e) => e.links).every((x) => typeof x === 'number')).toBe(true);
    expect(expected.every((e) => typeof e.linked_members === 'number' && typeof e.tied_members === 'number')).toBe(true);
    expect(joined).toEqual(expected);
  });

  it('stores timestamps as UTC TIMESTAMP_MILLIS in the partition of their UTC hour', async () => {
    for (const [table, col] of [['notes', 'ts'], ['interactions', 'ts'], ['edges', 'ts'], ['rings', 'updated_at']] as const) {
      const [r] = await duck.rows(`
        select typeof(any_value(${col})) as type,
               count(*) filter (where strftime(${col}, '%Y-%m-%d') <> dt::varchar or hour(${col}) <> hour::int)::int as misplaced
        from ${glob(table)}`);
      expect(r, table).toEqual({ type: 'TIMESTAMP', misplaced: 0 });
    }
    const [w] = await duck.rows(`select epoch_ms(min(ts))::bigint::varchar as lo, epoch_ms(max(ts))::bigint::varchar as hi from (
      select ts from ${glob('notes')} union all select ts from ${glob('accounts')} union all select ts from ${glob('interactions')})`);
    expect([Number(w.lo), Number(w.hi)]).toEqual([Date.parse(m.window.min_event_time!), Date.parse(m.window.max_event_time!)]);
    const [det] = await duck.rows(`select strftime(min(detected_at), '%Y-%m-%dT%H:%M:%S.%gZ') as d from ${glob('rings')}`);
    expect(det.d).toBe(res.rings.map((r) => r.detected_at).sort()[0]);
  });

  it('a second, independent reader (hyparquet) reads the same rows', async () => {
    for (const table of ['notes', 'rings', 'ring_members', 'edges'] as const) {
      const rows: Record<string, unknown>[] = [];
      for (const f of m.tables[table].files) rows.push(...(await parquetReadObjects({ file: await asyncBufferFromFile(join(snap, f.path)) })));
      expect(rows.length, table).toBe(m.tables[table].rows);
      if (table === 'notes') {
        const fromDuck = await duck.rows(`select seq::int as seq, simhash, account_id from ${glob('notes')} order by seq`);
        const fromHy = rows.map((r) => ({ seq: Number(r.seq), simhash: r.simhash, account_id: r.account_id })).sort((a, b) => a.seq - b.seq);
        expect(fromHy).toEqual(fromDuck);
      }
      if (table === 'rings') expect(rows.map((r) => `${r.ring_id}#${r.version}`).sort()).toEqual(res.rings.map((r) => `${r.ring_id}#${r.version}`).sort());
    }
  });

  it('reads the recorded ring events back exactly', async () => {
    expect(await readRecordedRings(snap, m)).toStrictEqual(res.rings);
  });

  it('writes no note text by default', async () => {
    const [r] = await duck.rows(`select count(title)::int as t, count(body)::int as b, count(tags)::int as g from ${glob('notes')}`);
    expect(r).toEqual({ t: 0, b: 0, g: 0 });
    const [a] = await duck.rows(`select count(nickname)::int + count(bio)::int as n from ${glob('accounts')}`);
    expect(a.n).toBe(0);
  });

  it('lists every data file with its sha256, and nothing else is in the directory', async () => {
    const listed = Object.values(m.tables).flatMap((t) => t.files);
    for (const f of listed) expect(await sha256File(join(snap, f.path))).toEqual({ sha256: f.sha256, bytes: f.bytes });
    const found: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) e.isDirectory() ? await walk(join(d, e.name)) : found.push(relative(snap, join(d, e.name)));
    };
    await walk(snap);
    expect(found.sort()).toEqual([...listed.map((f) => f.path), '.ringwatch-snapshot', 'manifest.json'].sort());
  });

  it('includes note text only when asked', async () => {
    const input = await writeStreamFile(dir, 2);
    const withText = join(dir, 'snap-text');
    const r = await detectFile({ input: input.path, params: resolveParams({}), snapshot: withText, snapshotOptions: { includeText: true } });
    const [c] = await duck.rows(`select count(title)::int as t, count(*)::int as n from read_parquet(${sqlString(join(withText, 'notes', '**', '*.parquet'))})`);
    expect(c.t).toBe(c.n);
    expect(c.n).toBe(r.snapshot!.tables.notes.rows);
    expect(r.snapshot!.options.include_text).toBe(true);
  });
});
