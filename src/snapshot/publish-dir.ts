/**
 * Atomic publication of a staged snapshot directory.
 *
 * A snapshot is written into `<parent>/.<name>.tmp-<pid>-<nonce>` (same filesystem as the
 * target, so renames are atomic), verified and fsynced, then:
 *   1. a previous snapshot at the target, if any, is renamed aside to `.<name>.old-<pid>-<nonce>`;
 *   2. the staged directory is renamed to the target;
 *   3. manifest.json is written last (temporary name, fsync, rename, fsync of the directory);
 *   4. the set-aside previous snapshot and stale leftovers of dead writers are removed.
 * Readers treat a directory without manifest.json as unpublished. A crash before step 1 leaves the
 * previous snapshot untouched; between 1 and 3 it is intact under its set-aside name (readManifest
 * names it); the next successful run cleans up either way. One writer per target path at a time.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fsyncPath, writeFileAtomic } from './durable-fs.ts';
import { SnapshotError } from './snapshot-error.ts';
import { MANIFEST_FILE, type SnapshotManifest } from './snapshot-manifest.ts';

/** Marker file in every staged or published snapshot directory: it is ours to replace. */
export const SNAPSHOT_MARKER = '.ringwatch-snapshot';

export type PublishPhase = 'staged' | 'verified' | 'moved-previous' | 'renamed' | 'published';

export interface StagingDir {
  target: string;
  tmp: string;
  nonce: string;
}

export async function createStagingDir(target: string): Promise<StagingDir> {
  const abs = resolve(target);
  await assertReplaceable(abs);
  const parent = dirname(abs);
  await mkdir(parent, { recursive: true });
  const nonce = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmp = join(parent, `.${basename(abs)}.tmp-${nonce}`);
  await mkdir(tmp);
  await writeFile(join(tmp, SNAPSHOT_MARKER), 'ringwatch snapshot directory; see manifest.json\n');
  return { target: abs, tmp, nonce };
}

/** The target may be replaced only if it is absent, empty, or one of ours (has the marker or a manifest). */
export async function assertReplaceable(target: string): Promise<void> {
  let entries: string[];
  try {
    const s = await stat(target);
    if (!s.isDirectory()) throw new SnapshotError('SNAPSHOT_TARGET_NOT_SNAPSHOT', `${target} exists and is not a directory`);
    entries = await readdir(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (entries.length === 0 || entries.includes(SNAPSHOT_MARKER) || entries.includes(MANIFEST_FILE)) return;
  throw new SnapshotError('SNAPSHOT_TARGET_NOT_SNAPSHOT', `${target} exists and is not a Ringwatch snapshot; refusing to replace it`);
}

/** Steps 1–4 above. `dir.tmp` must be complete, verified and fsynced. */
export async function publishDir(dir: StagingDir, manifest: SnapshotManifest, onPhase?: (p: PublishPhase) => void): Promise<void> {
  const parent = dirname(dir.target);
  await assertReplaceable(dir.target);
  const aside = join(parent, `.${basename(dir.target)}.old-${dir.nonce}`);
  let moved = false;
  try {
    await rename(dir.target, aside);
    moved = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (moved) await fsyncPath(parent);
  onPhase?.('moved-previous');
  await rename(dir.tmp, dir.target);
  await fsyncPath(parent);
  onPhase?.('renamed');
  await writeFileAtomic(join(dir.target, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, dir.nonce);
  onPhase?.('published');
  await removeLeftovers(dir.target);
}

/** Remove set-aside previous snapshots and staging directories of writers that are no longer running. */
export async function removeLeftovers(target: string): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  for (const e of await readdir(parent)) {
    const m = new RegExp(`^\\.${escapeRe(name)}\\.(tmp|old)-(\\d+)-[0-9a-f]+$`).exec(e);
    if (!m) continue;
    if (m[1] === 'tmp' && isAlive(Number(m[2]))) continue;
    await rm(join(parent, e), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
