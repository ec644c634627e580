/**
 * --pseudonymize end to end: no raw account id (nor device id) reaches the Parquet files, the
 * pseudonyms are HMAC-SHA256(key, id) and identical across snapshots made with the same key.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotOptionsFromCli } from '../../src/cli/commands/snapshot-options.ts';
import { resolveParams } from '../../src/config/params.ts';
import { detectFile } from '../../src/runtime/detect-file.ts';
import { Pseudonymizer } from '../../src/snapshot/pseudonymizer.ts';
import { SnapshotError } from '../../src/snapshot/snapshot-error.ts';
import { replaySnapshot } from '../../src/snapshot/replay-snapshot.ts';
import { openDuck, type Duck } from './fixtures/duck.ts';
import { sqlString, writeStreamFile } from './fixtures/stream-file.ts';

const KEY = 'a-test-key-of-sufficient-length';
let dir: string;
let duck: Duck;
let input: string;
const glob = (snap: string, t: string) => `read_parquet(${sqlString(join(snap, t, '**', '*.parquet'))})`;
const accountIds = (snap: string) => `
  select account_id as id from ${glob(snap, 'notes')} union select account_id from ${glob(snap, 'accounts')}
  union select account_id from ${glob(snap, 'interactions')} union select a from ${glob(snap, 'edges')}
  union select b from ${glob(snap, 'edges')} union select account_id from ${glob(snap, 'ring_members')}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rw-pseudo-'));
  input = (await writeStreamFile(dir, 5)).path;
  const env = { RINGWATCH_PSEUDONYM_KEY: KEY };
  for (const [name, flags] of [['plain', {}], ['p1', { pseudonymize: true }], ['p2', { pseudonymize: true }]] as const) {
    const o = snapshotOptionsFromCli({ snapshot: join(dir, name), ...flags }, env);
    await detectFile({ input, params: resolveParams({}), ...o });
  }
  duck = await openDuck();
});
afterAll(async () => {
  duck?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('pseudonymised snapshots', () => {
  it('replace every account id by HMAC(key, id), the same in every snapshot made with the key', async () => {
    const ps = new Pseudonymizer(KEY);
    const plain = (await duck.rows(`${accountIds(join(dir, 'plain'))} order by 1`)).map((r) => String(r.id));
    const p1 = (await duck.rows(`${accountIds(join(dir, 'p1'))} order by 1`)).map((r) => String(r.id));
    const p2 = (await duck.rows(`${accountIds(join(dir, 'p2'))} order by 1`)).map((r) => String(r.id));
    expect(plain.length).toBeGreaterThan(100);
    expect(p1).toEqual(p2);
    expect(p1).toEqual(plain.map((id) => ps.map(id)).sort());
  });

  it('leak no raw account or device id, including inside the ring evidence JSON', async () => {
    const raw = new Set((await duck.rows(accountIds(join(dir, 'plain')))).map((r) => String(r.id)));
    const devices = await duck.rows(`select distinct device_id as d from ${glob(join(dir, 'plain'), 'accounts')} where device_id is not null`);
    expect(devices.length).toBeGreaterThan(0);
    const p = join(dir, 'p1');
    const strings = await duck.rows(`
      select account_id as s from ${glob(p, 'accounts')} union select device_id from ${glob(p, 'accounts')}
      union select target_account_id from ${glob(p, 'interactions')} union select a from ${glob(p, 'edges')}`);
    for (const { s } of strings) if (s !== null) expect(raw.has(String(s))).toBe(false);
    for (const { d } of devices) expect(strings.some((x) => x.s === d)).toBe(false);
    const ev = await duck.rows(`select evidence_json as e from ${glob(p, 'rings')}`);
    expect(ev.length).toBeGreaterThan(0);
    for (const { e } of ev) for (const id of raw) expect(String(e)).not.toContain(`"${id}"`);
  });

  it('record the key id (never the key) in the manifest', async () => {
    const m = (await detectFile({ input, params: resolveParams({}), snapshot: join(dir, 'p3'), snapshotOptions: { pseudonymizer: new Pseudonymizer(KEY) } })).snapshot!;
    expect(m.options).toMatchObject({ pseudonymized: true, pseudonym_key_id: new Pseudonymizer(KEY).keyId });
    expect(JSON.stringify(m)).not.toContain(KEY);
  });

  it('replay on pseudonyms and find the same rings (matched by membership: ring ids derive from member ids)', async () => {
    const r = await replaySnapshot({ snapshot: join(dir, 'p1'), out: join(dir, 'p1-replay') });
    expect(r.recorded.length).toBeGreaterThan(0);
    expect(r.diff.counts.added + r.diff.counts.removed + r.diff.counts.membership_changed).toBe(0);
  });

  it('need the key: --pseudonymize without RINGWATCH_PSEUDONYM_KEY fails with SNAPSHOT_PSEUDONYM_KEY_MISSING', () => {
    let code = '';
    try {
      snapshotOptionsFromCli({ snapshot: join(dir, 'never'), pseudonymize: true }, {});
    } catch (err) {
      code = err instanceof SnapshotError ? err.code : String(err);
    }
    expect(code).toBe('SNAPSHOT_PSEUDONYM_KEY_MISSING');
  });
});
