/** Small durability helpers: fsync files and directories, sha256 a file, write a file atomically. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function fsyncPath(path: string): Promise<void> {
  const fd = await open(path, 'r');
  try {
    await fd.sync();
  } finally {
    await fd.close();
  }
}

export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return { sha256: h.digest('hex'), bytes: (await stat(path)).size };
}

/** Write `content` to `path` via a temporary name in the same directory: fsync, rename, fsync the directory. */
export async function writeFileAtomic(path: string, content: string, tmpSuffix: string): Promise<void> {
  const tmp = `${path}.tmp-${tmpSuffix}`;
  const fd = await open(tmp, 'w');
  try {
    await fd.writeFile(content, 'utf8');
    await fd.sync();
  } finally {
    await fd.close();
  }
  await rename(tmp, path);
  await fsyncPath(dirname(path));
}
