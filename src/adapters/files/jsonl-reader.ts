/**
 * Read a JSONL file (optionally .gz) as raw line buffers, without decoding text: invalid UTF-8
 * must reach ingest as bytes so it can be dead-lettered with the original payload.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { RingwatchError, ERROR_CODES } from '../../errors/codes.ts';

export interface Line {
  n: number;
  raw: Buffer;
}

export async function* readJsonlLines(path: string, onBytes?: (read: number, total: number) => void): AsyncGenerator<Line[]> {
  let total: number;
  try {
    total = (await stat(path)).size;
  } catch (err) {
    throw new RingwatchError(ERROR_CODES.INPUT_UNREADABLE, `cannot read ${path}`, { cause: err });
  }
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  let read = 0;
  file.on('data', (c) => {
    read += c.length;
    onBytes?.(read, total);
  });
  const stream = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  let rest: Buffer = Buffer.alloc(0);
  let n = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    const lines: Line[] = [];
    let start = 0;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, start)) {
      n++;
      const end = i > start && buf[i - 1] === 13 ? i - 1 : i;
      if (end > start) lines.push({ n, raw: buf.subarray(start, end) });
      start = i + 1;
    }
    rest = buf.subarray(start);
    if (lines.length) yield lines;
  }
  if (rest.length) yield [{ n: n + 1, raw: rest }];
}

const TYPE_RE = /"type"\s*:\s*"(account|note|interaction)"/;

/** Which input topic a raw line belongs on. Lines whose type can't be seen go to notes, where ingest dead-letters them. */
export function routeRaw(raw: Buffer): 'accounts' | 'notes' | 'interactions' {
  const m = TYPE_RE.exec(raw.toString('latin1', 0, Math.min(raw.length, 4096)));
  const t = m?.[1];
  return t === 'account' ? 'accounts' : t === 'interaction' ? 'interactions' : 'notes';
}
