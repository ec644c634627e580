/**
 * Crash safety of snapshot publication, with real processes: a child writing a snapshot is
 * SIGKILLed mid-write (and, separately, at each publication phase). There must never be a
 * manifest for a partial snapshot, a previous snapshot must stay intact (in place, or set aside
 * under a name readManifest reports), and the next run must complete and clean up.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySnapshot } from '../../src/snapshot/read-snapshot.ts';
import { SnapshotError } from '../../src/snapshot/snapshot-error.ts';
import { readManifest, type SnapshotManifest } from '../../src/snapshot/snapshot-manifest.ts';

const CHILD = fileURLToPath(new URL('./fixtures/snapshot-child.ts', import.meta.url));
let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'rw-crash-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

interface ChildResult {
  pid: number;
  signal: NodeJS.Signals | null;
  code: number | null;
  stdout: string;
}

/** Run the child; if `killAfter` is given, SIGKILL it once that many `batch` lines were printed. */
function child(args: string[], killAfter?: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c) => {
      stdout += c;
      if (killAfter !== undefined && (stdout.match(/^batch /gm) ?? []).length >= killAfter) p.kill('SIGKILL');
    });
    p.stderr.on('data', (c) => (stderr += c));
    p.on('error', reject);
    p.on('exit', (code, signal) => (code !== 0 && signal === null ? reject(new Error(`child failed: ${stderr}`)) : resolve({ pid: p.pid!, signal, code, stdout })));
  });
}

async function manifestCode(path: string): Promise<string> {
  try {
    await readManifest(path);
    return 'published';
  } catch (err) {
    return err instanceof SnapshotError ? err.code : String(err);
  }
}

const exists = (p: string) => stat(p).then(() => true, () => false);
const leftovers = async (parent: string, name: string) => (await readdir(parent)).filter((e) => e.startsWith(`.${name}.`)).sort();

async function hasManifestAnywhere(root: string): Promise<boolean> {
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name === 'manifest.json') return true;
  return false;
}

async function publishWith(target: string, rows: number): Promise<SnapshotManifest> {
  const r = await child([target, 'complete', String(rows)]);
  expect(r.stdout).toContain('published');
  const m = await readManifest(target);
  expect(m.tables.notes.rows + m.tables.interactions.rows).toBe(rows);
  return m;
}

describe('snapshot crash safety', () => {
  it('a writer killed mid-write leaves no manifest and no snapshot; the next run completes and cleans up', async () => {
    const parent = join(dir, 'fresh');
    const target = join(parent, 'snap');
    const killed = await child([target, 'slow'], 3);
    expect(killed.signal).toBe('SIGKILL');
    expect(await exists(target)).toBe(false);
    expect(await manifestCode(target)).toBe('SNAPSHOT_INCOMPLETE');
    const staging = await leftovers(parent, 'snap');
    expect(staging).toEqual([expect.stringMatching(new RegExp(`^\\.snap\\.tmp-${killed.pid}-`))]);
    const partial = await readdir(join(parent, staging[0]), { recursive: true });
    expect(partial.some((f) => String(f).endsWith('.parquet'))).toBe(true); // it really was mid-write
    expect(await hasManifestAnywhere(parent)).toBe(false);

    await publishWith(target, 2500);
    await verifySnapshot(target, await readManifest(target));
    expect(await leftovers(parent, 'snap')).toEqual([]);
  });

  it('a writer killed mid-write over a previous snapshot leaves the previous snapshot intact', async () => {
    const parent = join(dir, 'replace');
    const target = join(parent, 'snap');
    const before = await publishWith(target, 1200);
    const killed = await child([target, 'slow'], 3);
    expect(killed.signal).toBe('SIGKILL');
    expect(await readManifest(target)).toEqual(before);
    await verifySnapshot(target, before);

    const after = await publishWith(target, 3100);
    expect(after.created_at).not.toBe(before.created_at);
    await verifySnapshot(target, after);
    expect(await leftovers(parent, 'snap')).toEqual([]);
  });

  for (const phase of ['staged', 'verified', 'moved-previous', 'renamed'] as const) {
    it(`a crash at publication phase "${phase}" never exposes a partial snapshot, and the next run completes`, async () => {
      const parent = join(dir, `phase-${phase}`);
      const target = join(parent, 'snap');
      const before = await publishWith(target, 1000);
      const crashed = await child([target, `crash:${phase}`, '2000']);
      expect(crashed.signal).toBe('SIGKILL');
      if (phase === 'staged' || phase === 'verified') {
        expect(await readManifest(target)).toEqual(before);
        await verifySnapshot(target, before);
      } else {
        // Between setting the previous snapshot aside and writing the new manifest: no manifest at the target,
        // the previous snapshot intact under its set-aside name, which readManifest reports.
        expect(await manifestCode(target)).toBe('SNAPSHOT_INCOMPLETE');
        const aside = (await leftovers(parent, 'snap')).filter((e) => e.includes('.old-'));
        expect(aside).toHaveLength(1);
        const err = await readManifest(target).catch((e: Error) => e);
        expect(String((err as Error).message)).toContain(aside[0]);
        expect(await readManifest(join(parent, aside[0]))).toEqual(before);
        await verifySnapshot(join(parent, aside[0]), before);
      }
      await publishWith(target, 1700);
      await verifySnapshot(target, await readManifest(target));
      expect(await leftovers(parent, 'snap')).toEqual([]);
    });
  }
});
