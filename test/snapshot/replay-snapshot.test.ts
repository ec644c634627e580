/**
 * Replay from a Parquet snapshot: unchanged params reproduce the recorded ring events exactly;
 * changed params produce a diff; the CLI writes rings, diff and summary; bad snapshots fail with codes.
 */
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/config/params.ts';
import type { RingEvent } from '../../src/contracts/ring.ts';
import { replayCommand } from '../../src/cli/commands/replay.ts';
import { detectFile, type DetectResult } from '../../src/runtime/detect-file.ts';
import { replaySnapshot } from '../../src/snapshot/replay-snapshot.ts';
import { readManifest } from '../../src/snapshot/snapshot-manifest.ts';
import { SnapshotError } from '../../src/snapshot/snapshot-error.ts';
import { openDuck, type Duck } from './fixtures/duck.ts';
import { sqlString, writeStreamFile } from './fixtures/stream-file.ts';
import { miniStream } from '../fixtures/mini-stream.ts';
import { wordBagEmbedder } from '../fixtures/word-bag-embedder.ts';

let dir: string;
let snap: string;
let res: DetectResult;
let duck: Duck;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rw-replay-'));
  const input = await writeStreamFile(dir, 3);
  snap = join(dir, 'snap');
  res = await detectFile({ input: input.path, params: resolveParams({}), snapshot: snap });
  duck = await openDuck();
});
afterAll(async () => {
  duck?.close();
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return err instanceof SnapshotError ? err.code : `not a SnapshotError: ${String(err)}`;
  }
  return 'no error';
}

describe('replaySnapshot', () => {
  it('with unchanged params reproduces the recorded ring events exactly', async () => {
    expect(res.rings.length).toBeGreaterThan(0);
    const r = await replaySnapshot({ snapshot: snap, out: join(dir, 'same') });
    expect(r.rings).toStrictEqual(res.rings);
    expect(r.recorded).toStrictEqual(res.rings);
    expect(r.diff.identicalEvents).toBe(true);
    expect(r.diff.counts.unchanged).toBe(new Set(res.rings.map((x) => x.ring_id)).size);
    const jsonl = (await readFile(join(dir, 'same', 'rings.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as RingEvent);
    expect(jsonl).toStrictEqual(res.rings);
    expect(await readFile(join(dir, 'same', 'summary.md'), 'utf8')).toContain('reproduced the recorded ring events exactly');
  });

  it('with a changed param writes a diff that DuckDB reads, and records the overrides', async () => {
    // Rings here have 8 members; a minimum ring size of 20 must remove every one of them.
    const out = join(dir, 'big-rings-only');
    const code = await replayCommand(['--snapshot', snap, '--out', out, '--set', 'cluster.minRingSize=20', '--quiet']);
    expect(code).toBe(0);
    const recordedIds = [...new Set(res.rings.map((x) => x.ring_id))].sort();
    const diff = await duck.rows(`select change, recorded_ring_id, len(members_removed)::int as removed from read_parquet(${sqlString(join(out, 'ring_diff', '*.parquet'))}) order by recorded_ring_id`);
    const finalSize = (id: string) => res.rings.filter((x) => x.ring_id === id).at(-1)!.members.length;
    expect(diff).toEqual(recordedIds.map((id) => ({ change: 'removed', recorded_ring_id: id, removed: finalSize(id) })));
    expect((await readFile(join(out, 'rings.jsonl'), 'utf8')).trim()).toBe('');
    const m = await readManifest(out);
    const src = await readManifest(snap);
    expect(m.kind).toBe('replay');
    expect(m.input).toEqual({ kind: 'snapshot', path: snap, param_hash: src.param_hash, overrides: ['cluster.minRingSize=20'] });
    expect(m.param_hash).not.toBe(src.param_hash);
    expect((m.params as { cluster: { minRingSize: number } }).cluster.minRingSize).toBe(20);
    expect(m.tables.ring_diff.rows).toBe(recordedIds.length);
    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain(`| removed | ${recordedIds.length} |`);
    expect(summary).toContain('`cluster.minRingSize=20`');
    for (const r of res.rings) for (const mem of r.members) expect(summary).not.toContain(mem.account_id);
  });

  it('fails with SNAPSHOT_INCOMPLETE on a directory that has no manifest', async () => {
    const empty = join(dir, 'not-a-snapshot');
    await mkdir(empty);
    expect(await codeOf(replaySnapshot({ snapshot: empty, out: join(dir, 'x') }))).toBe('SNAPSHOT_INCOMPLETE');
    expect(await replayCommand(['--snapshot', empty, '--out', join(dir, 'x'), '--quiet'])).toBe(1);
  });

  it('fails with SNAPSHOT_VERIFY_FAILED when a data file was altered after publication', async () => {
    const input = await writeStreamFile(dir, 4);
    const s = join(dir, 'tampered');
    const r = await detectFile({ input: input.path, params: resolveParams({}), snapshot: s });
    const f = r.snapshot!.tables.accounts.files[0];
    await appendFile(join(s, f.path), 'x');
    expect(await codeOf(replaySnapshot({ snapshot: s, out: join(dir, 'y') }))).toBe('SNAPSHOT_VERIFY_FAILED');
  });

  it('fails with SNAPSHOT_BAD_MANIFEST on a manifest that does not match the schema', async () => {
    const bad = join(dir, 'bad-manifest');
    await mkdir(bad);
    await writeFile(join(bad, 'manifest.json'), JSON.stringify({ format: 'something-else' }));
    expect(await codeOf(replaySnapshot({ snapshot: bad, out: join(dir, 'z') }))).toBe('SNAPSHOT_BAD_MANIFEST');
  });

  it('refuses to publish over a directory that is not a snapshot', async () => {
    const precious = join(dir, 'precious');
    await mkdir(precious);
    await writeFile(join(precious, 'thesis.tex'), 'do not delete');
    expect(await codeOf(replaySnapshot({ snapshot: snap, out: precious }))).toBe('SNAPSHOT_TARGET_NOT_SNAPSHOT');
    expect(await readFile(join(precious, 'thesis.tex'), 'utf8')).toBe('do not delete');
  });
});

describe('replaySnapshot with gated embeddings', () => {
  it('re-inserts the late vectors featurize sent and reproduces the recorded rings exactly', async () => {
    const params = resolveParams({ featurize: { embeddings: { enabled: true, staticMinCosine: 0.9 } }, link: { semanticMinCosine: 0.9 } });
    const input = join(dir, 'gated.jsonl');
    await writeFile(input, miniStream(3).lines.join('\n') + '\n');
    const gsnap = join(dir, 'gated-snap');
    const recorded = await detectFile({ input, params, snapshot: gsnap, embedder: wordBagEmbedder(params) });
    expect(recorded.metrics.get('link_late_embeddings_total')).toBeGreaterThan(0);
    expect(recorded.rings.length).toBeGreaterThan(0);
    const m = await readManifest(gsnap);
    const notes = m.tables.notes.files.map((f) => sqlString(join(gsnap, f.path))).join(', ');
    const stored = await duck.rows(`SELECT count(*)::INT AS n FROM read_parquet([${notes}]) WHERE late_embeddings_json IS NOT NULL`);
    expect(Number(stored[0].n)).toBeGreaterThan(0);
    const r = await replaySnapshot({ snapshot: gsnap, out: join(dir, 'gated-same') });
    expect(r.rings).toStrictEqual(recorded.rings);
  });
});
