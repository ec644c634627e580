import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ParquetWriter, type ParquetSchema } from '@dsnp/parquetjs';
import type { ParquetField } from '@dsnp/parquetjs/dist/lib/declare.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotSchema, SNAPSHOT_TABLES, type TableName } from '../../../src/adapters/parquet/snapshot-schemas.ts';
import { installFastShred } from '../../../src/adapters/parquet/fast-shred.ts';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'rw-fast-shred-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** An arbitrary row for any schema, derived from its fields: every type, nulls, empty and non-empty lists. */
function rowArb(fields: Record<string, ParquetField>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([name, f]) => [name, fieldArb(f)] as const);
  return fc.record(Object.fromEntries(entries)) as fc.Arbitrary<Record<string, unknown>>;
}

function fieldArb(f: ParquetField): fc.Arbitrary<unknown> {
  if (f.isNested) {
    const inner = rowArb(f.fields as Record<string, ParquetField>);
    if (f.repetitionType === 'REPEATED') return fc.array(inner, { maxLength: 3 });
    return fc.option(inner, { nil: undefined });
  }
  let v: fc.Arbitrary<unknown>;
  switch (f.originalType ?? f.primitiveType) {
    case 'UTF8': v = fc.string({ unit: 'grapheme', maxLength: 12 }); break;
    case 'TIMESTAMP_MILLIS': v = fc.integer({ min: 0, max: 4_102_444_800_000 }); break;
    case 'BOOLEAN': v = fc.boolean(); break;
    case 'DOUBLE': v = fc.double({ noNaN: true }); break;
    case 'INT32': v = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }); break;
    case 'INT64': v = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }); break;
    default: throw new Error(`no arbitrary for ${f.originalType ?? f.primitiveType}`);
  }
  if (f.repetitionType === 'REPEATED') return fc.array(v, { maxLength: 3 });
  return f.repetitionType === 'OPTIONAL' ? fc.option(v, { nil: undefined }) : v;
}

async function write(schema: ParquetSchema, rows: Record<string, unknown>[], path: string): Promise<Buffer> {
  const w = await ParquetWriter.openFile(schema, path, { rowGroupSize: 7, pageSize: 5 });
  for (const r of rows) await w.appendRow(structuredClone(r));
  await w.close();
  return readFile(path);
}

describe('fast shredder', () => {
  it('is installed for the pinned parquetjs version', () => {
    expect(installFastShred()).toBe(true);
  });

  for (const table of [...SNAPSHOT_TABLES, 'ring_diff'] as TableName[]) {
    it(`writes byte-identical ${table} files to the stock shredder`, async () => {
      const fast = snapshotSchema(table, 'SNAPPY');
      const stock = snapshotSchema(table, 'SNAPPY', { fast: false });
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(rowArb(stock.fields as Record<string, ParquetField>), { minLength: 1, maxLength: 30 }), async (rows) => {
          n++;
          const a = await write(fast, rows, join(dir, `${table}-${n}-fast.parquet`));
          const b = await write(stock, rows, join(dir, `${table}-${n}-stock.parquet`));
          expect(a.equals(b)).toBe(true);
        }),
        { numRuns: 25, seed: 11 },
      );
    });
  }

  it('rejects a row missing a required column, like the stock shredder', async () => {
    const w = await ParquetWriter.openFile(snapshotSchema('edges', 'SNAPPY'), join(dir, 'bad.parquet'), { rowGroupSize: 10 });
    await expect(w.appendRow({ seq: 1, ts: 0, a: 'x' })).rejects.toThrow(/missing required field/);
  });
});
