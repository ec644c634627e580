/**
 * A faster drop-in for @dsnp/parquetjs 1.8.8's `shredRecord`, used only for schemas marked with
 * `markFastShred` (the snapshot schemas).
 *
 * Why: the stock shredder allocates, per row and per column, three arrays and a Set, then copies
 * them into the row-group buffer. For our 20-column tables that garbage dominated snapshot
 * writing (~40k rows/s, a third of it in the garbage collector). This version walks the same
 * schema with the same Dremel rules but appends straight into the buffer, caches each leaf's
 * path and value converter, and skips collecting distinct values for columns without statistics
 * (the writer reads them only to compute statistics). Output is byte-identical to the stock shredder (asserted by
 * test/adapters/parquet/fast-shred.test.ts); on a schema error the buffer may be left partially
 * written, which is fine for us because a failed snapshot is discarded whole.
 *
 * How it is hooked: writer.js calls `parquet_shredder.shredRecord(...)` through the module's
 * exports object, so replacing that property routes every ParquetWriter.appendRow through
 * `shredRecordDispatch`, which falls back to the stock function for unmarked schemas. The patch is
 * applied only to the exact parquetjs version it was written against.
 */
import { createRequire } from 'node:module';
import type { ParquetField, ParquetSchema } from '@dsnp/parquetjs';

const require = createRequire(import.meta.url);
const PATCHED_VERSION = 'v1.8.8';

type Column = { dlevels: number[]; rlevels: number[]; values: unknown[]; distinct_values: Set<unknown>; count: number };
type Buffer_ = { rowCount?: number; pageRowCount?: number; columnData?: Record<string, Column>; pages?: Record<string, unknown[]> };
type Shred = (schema: ParquetSchema, record: Record<string, unknown>, buffer: Buffer_) => void;
interface Leaf {
  path: string;
  convert: (v: unknown) => unknown;
  /** distinct_values feed only min/max statistics, which the writer skips for `statistics: false` columns. */
  distinct: boolean;
}

const FAST = Symbol.for('ringwatch.fastShred');
const leafInfo = new WeakMap<ParquetField, Leaf>();
let stock: Shred | null = null;

/** Route `schema` through the fast shredder (when the installed parquetjs is the patched version). */
export function markFastShred<S extends ParquetSchema>(schema: S): S {
  if (installFastShred()) (schema as unknown as Record<symbol, boolean>)[FAST] = true;
  return schema;
}

/** Install the dispatching shredder once; returns false (and changes nothing) on another parquetjs version. */
export function installFastShred(): boolean {
  if (stock) return true;
  const pkg = require('@dsnp/parquetjs/package.json') as { version: string };
  if (pkg.version !== PATCHED_VERSION) return false;
  const mod = require('@dsnp/parquetjs/dist/lib/shred.js') as { shredRecord: Shred };
  stock = mod.shredRecord;
  mod.shredRecord = shredRecordDispatch;
  return true;
}

/** The stock shredder (for tests comparing outputs). */
export function stockShredRecord(): Shred {
  installFastShred();
  return stock ?? (require('@dsnp/parquetjs/dist/lib/shred.js') as { shredRecord: Shred }).shredRecord;
}

function shredRecordDispatch(schema: ParquetSchema, record: Record<string, unknown>, buffer: Buffer_): void {
  if ((schema as unknown as Record<symbol, boolean>)[FAST]) fastShredRecord(schema, record, buffer);
  else stock!(schema, record, buffer);
}

export function fastShredRecord(schema: ParquetSchema, record: Record<string, unknown>, buffer: Buffer_): void {
  if (!buffer.columnData || buffer.rowCount === undefined) {
    buffer.rowCount = 0;
    buffer.pageRowCount = 0;
    buffer.columnData = {};
    buffer.pages = {};
    for (const field of schema.fieldList) {
      const path = field.path.join(',');
      buffer.columnData[path] = { dlevels: [], rlevels: [], values: [], distinct_values: new Set(), count: 0 };
      buffer.pages[path] = [];
    }
  }
  shredInto(schema.fields as Record<string, ParquetField>, record, buffer.columnData, 0, 0);
  buffer.rowCount! += 1;
  buffer.pageRowCount! += 1;
}

const types = require('@dsnp/parquetjs/dist/lib/types.js') as { getParquetTypeDataObject: (t: string, f: ParquetField) => { toPrimitive: (v: unknown) => unknown } | undefined };

function leaf(field: ParquetField): Leaf {
  let l = leafInfo.get(field);
  if (!l) {
    const type = (field.originalType || field.primitiveType) as string;
    const data = types.getParquetTypeDataObject(type, field);
    if (!data) throw new Error(`invalid type: ${type}`);
    const convert = data.toPrimitive;
    leafInfo.set(field, (l = { path: field.path.join(','), convert, distinct: field.statistics !== false }));
  }
  return l;
}

const ONE: unknown[] = [undefined];

function shredInto(fields: Record<string, ParquetField>, record: Record<string, unknown> | null, cols: Record<string, Column>, rlvl: number, dlvl: number): void {
  for (const name in fields) {
    const field = fields[name];
    const raw = record ? record[name] : undefined;
    let values: unknown[];
    let n: number;
    if (raw === undefined || raw === null) n = 0, (values = ONE);
    else if (Array.isArray(raw)) (values = raw), (n = raw.length);
    else if (ArrayBuffer.isView(raw)) {
      if (!(raw instanceof Uint8Array)) throw new Error(`${Object.prototype.toString.call(raw)} is not supported`);
      (values = [Buffer.from(raw)]), (n = 1);
    } else (ONE[0] = raw), (values = ONE), (n = 1);
    if (n === 0 && record && field.repetitionType === 'REQUIRED') throw new Error(`missing required field: ${field.name}`);
    if (n > 1 && field.repetitionType !== 'REPEATED') throw new Error(`too many values for field: ${field.name}`);
    const nested = field.isNested && field.fields !== undefined;
    if (n === 0) {
      if (nested) shredInto(field.fields as Record<string, ParquetField>, null, cols, rlvl, dlvl);
      else {
        const c = cols[leaf(field).path];
        c.rlevels.push(rlvl);
        c.dlevels.push(dlvl);
        c.count += 1;
      }
      continue;
    }
    if (nested) {
      for (let i = 0; i < n; i++) shredInto(field.fields as Record<string, ParquetField>, values[i] as Record<string, unknown>, cols, i === 0 ? rlvl : field.rLevelMax, field.dLevelMax);
      continue;
    }
    const l = leaf(field);
    const c = cols[l.path];
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (l.distinct) c.distinct_values.add(v);
      const p = l.convert(v);
      if (p !== undefined) c.values.push(p);
      c.rlevels.push(i === 0 ? rlvl : field.rLevelMax);
      c.dlevels.push(field.dLevelMax);
      c.count += 1;
    }
  }
}
