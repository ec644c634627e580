/**
 * Read rows and row counts back with @dsnp/parquetjs (the runtime dependency; analysts' tools and
 * the tests use DuckDB and hyparquet as independent readers). Values come back as parquetjs
 * decodes them: INT64 as bigint, TIMESTAMP_MILLIS as Date, lists as `{ list: [{ element }] }`,
 * repeated groups as arrays (null when empty); the snapshot row converters undo that.
 */
import { ParquetReader } from '@dsnp/parquetjs';

export async function parquetRowCount(path: string): Promise<number> {
  const reader = await ParquetReader.openFile(path);
  try {
    return Number(reader.getRowCount());
  } finally {
    await reader.close();
  }
}

export async function* readParquetRows(path: string): AsyncGenerator<Record<string, unknown>> {
  const reader = await ParquetReader.openFile(path);
  try {
    const cursor = reader.getCursor();
    for (let row = await cursor.next(); row; row = await cursor.next()) yield row as Record<string, unknown>;
  } finally {
    await reader.close();
  }
}

/** A parquetjs list column value (`{ list: [{ element }] }`, `{ list: null }` or null) as an array or undefined. */
export function fromParquetList<T>(v: unknown): T[] | undefined {
  if (v === null || v === undefined) return undefined;
  const list = (v as { list?: { element: T }[] | null }).list;
  return list ? list.map((x) => x.element) : [];
}

export function toParquetList<T>(xs: readonly T[] | undefined): { list: { element: T }[] } | undefined {
  return xs === undefined ? undefined : { list: xs.map((element) => ({ element })) };
}
