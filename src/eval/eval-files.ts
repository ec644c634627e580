/**
 * The only file I/O of `ringwatch eval`: read the truth and the ring-event JSONL (gzip when the
 * name ends in .gz), validated against the contracts, and write the report directory.
 * Validation errors name the file, the line and the zod issue path, never the record's content.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { gunzipSync, createGunzip } from 'node:zlib';
import type { z } from 'zod';
import { RingEvent } from '../contracts/ring.ts';
import { Truth } from '../contracts/truth.ts';
import { checkBar, type Bar, type BarCheck } from './check-bar.ts';
import { EvalError } from './eval-error.ts';
import type { EvalResult } from './eval-result.ts';
import { evaluate, type EvalOptions } from './evaluate.ts';
import { renderReport } from './render-report.ts';

const isGz = (path: string): boolean => path.endsWith('.gz');

export async function readTruth(path: string): Promise<Truth> {
  let text: string;
  try {
    const raw = await readFile(path);
    text = (isGz(path) ? gunzipSync(raw) : raw).toString('utf8');
  } catch (cause) {
    throw new EvalError('EVAL_BAD_INPUT', `${path}: cannot read truth`, { cause });
  }
  return validate(Truth, parse(text, `${path}`), `${path}`);
}

export async function readRingsJsonl(path: string): Promise<RingEvent[]> {
  const file = createReadStream(path);
  // pipeline (not pipe) so an open or gunzip error reaches the reader instead of hanging it
  const input: Readable = isGz(path) ? pipeline(file, createGunzip(), () => {}) : file;
  const out: RingEvent[] = [];
  let lineNo = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      lineNo++;
      if (line.trim() === '') continue;
      const where = `${path}:${lineNo}`;
      out.push(validate(RingEvent, parse(line, where), where));
    }
  } catch (cause) {
    if (cause instanceof EvalError) throw cause;
    throw new EvalError('EVAL_BAD_INPUT', `${path}: cannot read ring events`, { cause });
  } finally {
    file.destroy();
  }
  return out;
}

/** Writes report.md, eval.json and the SVG plots into `dir` (created if missing); returns the paths. */
export async function writeReport(dir: string, result: EvalResult, bar: Partial<Bar> = {}): Promise<string[]> {
  const report = renderReport(result, bar);
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ['report.md', report.markdown],
    ['eval.json', `${JSON.stringify(report.json, null, 2)}\n`],
    ...Object.entries(report.svgs),
  ];
  for (const [name, body] of files) await writeFile(join(dir, name), body, 'utf8');
  return files.map(([name]) => join(dir, name));
}

/** What `ringwatch eval --truth T --rings R [--out DIR]` does: read, evaluate, check the bar, write the report. */
export async function evalFiles(p: {
  truth: string;
  rings: string;
  out?: string;
  opts?: Partial<EvalOptions>;
  bar?: Partial<Bar>;
}): Promise<{ result: EvalResult; check: BarCheck; written: string[] }> {
  const [truth, rings] = await Promise.all([readTruth(p.truth), readRingsJsonl(p.rings)]);
  const result = evaluate(truth, rings, p.opts);
  const written = p.out === undefined ? [] : await writeReport(p.out, result, p.bar);
  return { result, check: checkBar(result, p.bar), written };
}

function parse(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new EvalError('EVAL_BAD_INPUT', `${where}: not valid JSON`, { cause });
  }
}

function validate<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new EvalError('EVAL_BAD_INPUT', `${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { cause: r.error });
}
