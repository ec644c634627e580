import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalFiles, readRingsJsonl, readTruth, writeReport } from '../../src/eval/eval-files.ts';
import { evaluate } from '../../src/eval/evaluate.ts';
import { buildTruth, ids, ringEvent, T0 } from './_build.ts';

const truth = buildTruth({ rings: [{ id: 'R1', members: ids('a', 5), ts: T0 }], genuine: ids('g', 4) });
const events = [ringEvent('F1', 1, 'flagged', ids('a', 5), T0), ringEvent('F1', 2, 'retired', [], T0)];
const jsonl = `${events.map((e) => JSON.stringify(e)).join('\n')}\n\n`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringwatch-eval-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('readTruth / readRingsJsonl', () => {
  it('round-trips plain and gzipped files', async () => {
    await writeFile(join(dir, 'truth.json'), JSON.stringify(truth));
    await writeFile(join(dir, 'truth.json.gz'), gzipSync(JSON.stringify(truth)));
    await writeFile(join(dir, 'rings.jsonl'), jsonl);
    await writeFile(join(dir, 'rings.jsonl.gz'), gzipSync(jsonl));
    expect(await readTruth(join(dir, 'truth.json'))).toEqual(truth);
    expect(await readTruth(join(dir, 'truth.json.gz'))).toEqual(truth);
    expect(await readRingsJsonl(join(dir, 'rings.jsonl'))).toEqual(events);
    expect(await readRingsJsonl(join(dir, 'rings.jsonl.gz'))).toEqual(events);
  });

  it('reports invalid input as EVAL_BAD_INPUT naming the line', async () => {
    const bad = { ...events[0], score: 2 };
    await writeFile(join(dir, 'bad.jsonl'), `${JSON.stringify(events[0])}\n${JSON.stringify(bad)}\n`);
    await expect(readRingsJsonl(join(dir, 'bad.jsonl'))).rejects.toMatchObject({ code: 'EVAL_BAD_INPUT', message: expect.stringContaining('bad.jsonl:2: score') });
    await writeFile(join(dir, 'notjson.jsonl'), '{"ring_id":\n');
    expect(await codeOf(readRingsJsonl(join(dir, 'notjson.jsonl')))).toBe('EVAL_BAD_INPUT');
    await writeFile(join(dir, 'bad-truth.json'), JSON.stringify({ ...truth, rings: 'none' }));
    expect(await codeOf(readTruth(join(dir, 'bad-truth.json')))).toBe('EVAL_BAD_INPUT');
  });

  it('missing and corrupt files are EVAL_BAD_INPUT too', async () => {
    expect(await codeOf(readTruth(join(dir, 'nope.json')))).toBe('EVAL_BAD_INPUT');
    expect(await codeOf(readRingsJsonl(join(dir, 'nope.jsonl')))).toBe('EVAL_BAD_INPUT');
    expect(await codeOf(readRingsJsonl(join(dir, 'nope.jsonl.gz')))).toBe('EVAL_BAD_INPUT');
    await writeFile(join(dir, 'corrupt.jsonl.gz'), Buffer.from('definitely not gzip'));
    expect(await codeOf(readRingsJsonl(join(dir, 'corrupt.jsonl.gz')))).toBe('EVAL_BAD_INPUT');
    expect(await codeOf(readTruth(join(dir, 'corrupt.jsonl.gz')))).toBe('EVAL_BAD_INPUT');
  });
});

describe('writeReport', () => {
  it('writes report.md, eval.json and the svgs', async () => {
    const out = join(dir, 'report', 'nested');
    const result = evaluate(truth, events);
    const paths = await writeReport(out, result);
    expect(paths.map((p) => p.slice(out.length + 1)).sort()).toEqual(['delay-histogram.svg', 'eval.json', 'false-flags.svg', 'pr-curve.svg', 'report.md']);
    const json = JSON.parse(await readFile(join(out, 'eval.json'), 'utf8'));
    expect(json.ring).toEqual({ precision: 1, recall: 1, recall_large: 1, matched: 1, matched_large: 1 });
    expect(json.bar.pass).toBe(true);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('**PASS**');
  });
});

describe('evalFiles', () => {
  it('reads, evaluates, checks the bar and writes the report', async () => {
    await writeFile(join(dir, 'e-truth.json'), JSON.stringify(truth));
    // flags only 4 of R1's 5 accounts: Jaccard 0.8, account recall 0.8
    await writeFile(join(dir, 'e-rings.jsonl'), JSON.stringify(ringEvent('F1', 1, 'flagged', ids('a', 4), T0)));
    const { result, check, written } = await evalFiles({ truth: join(dir, 'e-truth.json'), rings: join(dir, 'e-rings.jsonl'), out: join(dir, 'e-out') });
    expect(result.true_rings[0].jaccard).toBe(0.8);
    expect(result.account.recall).toBe(0.8);
    expect(check.pass).toBe(false);
    expect(check.failures.map((f) => f.split(':')[0])).toEqual(['account F1']);
    expect(written).toHaveLength(5);
    const { written: none } = await evalFiles({ truth: join(dir, 'e-truth.json'), rings: join(dir, 'e-rings.jsonl') });
    expect(none).toEqual([]);
  });
});
