import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partitionOf, PartitionedParquetWriter } from '../../../src/adapters/parquet/partitioned-parquet-writer.ts';
import { parquetRowCount, readParquetRows } from '../../../src/adapters/parquet/read-parquet-rows.ts';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'rw-partitioned-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

const edge = (seq: number, ts: number) => ({ seq, ts, a: `a${seq}`, b: `b${seq}`, strong: seq % 2 === 0, weight: seq / 4, examples_json: '[]' });
const H = 3_600_000;

describe('partitionOf', () => {
  it('names the UTC date and hour, switching exactly at the hour and the day', () => {
    const midnight = Date.UTC(2026, 4, 2);
    expect(partitionOf(midnight - 1)).toBe('dt=2026-05-01/hour=23');
    expect(partitionOf(midnight)).toBe('dt=2026-05-02/hour=00');
    expect(partitionOf(midnight + 13 * H + 59 * 60_000)).toBe('dt=2026-05-02/hour=13');
  });
});

describe('PartitionedParquetWriter', () => {
  it('writes each row to the file of its event-time hour, in row groups, readable by an independent reader', async () => {
    const root = join(dir, 'a');
    const w = new PartitionedParquetWriter(root, 'edges', { rowGroupSize: 10 });
    const t0 = Date.UTC(2026, 4, 1, 22);
    const rows = Array.from({ length: 95 }, (_, i) => edge(i, t0 + Math.floor(i / 40) * H + i * 1000)); // 40 in 22h, 40 in 23h, 15 next day 00h
    for (const r of rows) await w.append(r, r.ts);
    const files = await w.close();
    expect(files.map((f) => [f.path, f.rows])).toEqual([
      ['edges/dt=2026-05-01/hour=22/part-0.parquet', 40],
      ['edges/dt=2026-05-01/hour=23/part-0.parquet', 40],
      ['edges/dt=2026-05-02/hour=00/part-0.parquet', 15],
    ]);
    const back: Record<string, unknown>[] = [];
    for (const f of files) {
      expect(await parquetRowCount(join(root, f.path))).toBe(f.rows);
      const objs = await parquetReadObjects({ file: await asyncBufferFromFile(join(root, f.path)) });
      back.push(...objs.map((o) => ({ ...o, seq: Number(o.seq), ts: (o.ts as Date).getTime() })));
    }
    expect(back.map((r) => ({ seq: r.seq, ts: r.ts, a: r.a, b: r.b, strong: r.strong, weight: r.weight, examples_json: r.examples_json }))).toEqual(rows);
  });

  it('keeps at most maxOpen files open and starts a new part when a closed partition receives rows again', async () => {
    const root = join(dir, 'b');
    const w = new PartitionedParquetWriter(root, 'edges', { maxOpen: 2 });
    const t0 = Date.UTC(2026, 4, 1);
    const hours = [0, 1, 2, 0, 0, 1]; // 0 is evicted when 2 opens, then reopened
    for (const [i, h] of hours.entries()) await w.append(edge(i, t0 + h * H), t0 + h * H);
    const files = await w.close();
    expect(files.map((f) => `${f.path}:${f.rows}`)).toEqual([
      'edges/dt=2026-05-01/hour=00/part-0.parquet:1',
      'edges/dt=2026-05-01/hour=01/part-0.parquet:1',
      'edges/dt=2026-05-01/hour=02/part-0.parquet:1',
      'edges/dt=2026-05-01/hour=00/part-1.parquet:2',
      'edges/dt=2026-05-01/hour=01/part-1.parquet:1',
    ]);
    expect((await readdir(join(root, 'edges/dt=2026-05-01/hour=00'))).sort()).toEqual(['part-0.parquet', 'part-1.parquet']);
    const seqs: number[] = [];
    for await (const r of readParquetRows(join(root, 'edges/dt=2026-05-01/hour=00/part-1.parquet'))) seqs.push(Number(r.seq));
    expect(seqs).toEqual([3, 4]);
  });

  it('writes unpartitioned tables at the table root', async () => {
    const root = join(dir, 'c');
    const w = new PartitionedParquetWriter(root, 'edges');
    await w.append(edge(1, 5), null);
    expect((await w.close()).map((f) => f.path)).toEqual(['edges/part-0.parquet']);
  });

  it('refuses a row group size below 1', () => {
    expect(() => new PartitionedParquetWriter(dir, 'edges', { rowGroupSize: 0 })).toThrow(RangeError);
  });
});
