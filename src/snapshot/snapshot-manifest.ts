/**
 * manifest.json: what a snapshot (or a replay output) holds and how it was made. It is written
 * last, atomically; a directory without it is not a snapshot (see publish-dir.ts).
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { SnapshotError } from './snapshot-error.ts';

export const MANIFEST_FILE = 'manifest.json';
export const SNAPSHOT_FORMAT = 'ringwatch-snapshot/1';
export const TIMESTAMP_CONVENTION = 'UTC instants as Parquet INT64 TIMESTAMP_MILLIS; partitions dt/hour are UTC';

const FileEntry = z.object({ path: z.string(), rows: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), sha256: z.string().length(64) });
const ExtraFile = z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().length(64) });

export const KafkaRange = z.object({
  topic: z.string(),
  partition: z.number().int().nonnegative(),
  /** Offsets as kafkajs gives them (decimal strings), inclusive. */
  first_offset: z.string(),
  last_offset: z.string(),
  records: z.number().int().nonnegative(),
});
export type KafkaRange = z.infer<typeof KafkaRange>;

export const SnapshotInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string(), lines: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('kafka'), ranges: z.array(KafkaRange) }),
  z.object({ kind: z.literal('snapshot'), path: z.string(), param_hash: z.string(), overrides: z.array(z.string()) }),
]);
export type SnapshotInput = z.infer<typeof SnapshotInput>;

export const SnapshotManifest = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  kind: z.enum(['snapshot', 'replay']),
  created_at: z.string(),
  window: z.object({ min_event_time: z.string().nullable(), max_event_time: z.string().nullable() }),
  input: SnapshotInput,
  code_version: z.string(),
  params: z.record(z.string(), z.unknown()),
  param_hash: z.string(),
  seed: z.number().int(),
  model: z.object({ id: z.string(), sha256: z.string().nullable() }),
  options: z.object({
    include_text: z.boolean(),
    pseudonymized: z.boolean(),
    pseudonym_key_id: z.string().nullable(),
    row_group_size: z.number().int().positive(),
    compression: z.string(),
  }),
  timestamps: z.string(),
  tables: z.record(z.string(), z.object({ rows: z.number().int().nonnegative(), files: z.array(FileEntry) })),
  extra_files: z.array(ExtraFile),
});
export type SnapshotManifest = z.infer<typeof SnapshotManifest>;
export type ManifestTables = SnapshotManifest['tables'];
export type ManifestExtraFile = z.infer<typeof ExtraFile>;

/** Read and validate `<dir>/manifest.json`. A missing manifest is SNAPSHOT_INCOMPLETE (naming a previous snapshot set aside by an interrupted publication, if any). */
export async function readManifest(dir: string): Promise<SnapshotManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (err) {
    const aside = await setAside(dir);
    const hint = aside ? `; an interrupted publication left the previous snapshot at ${aside}` : '';
    throw new SnapshotError('SNAPSHOT_INCOMPLETE', `${dir} has no ${MANIFEST_FILE}: not a published snapshot${hint}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SnapshotError('SNAPSHOT_BAD_MANIFEST', `${join(dir, MANIFEST_FILE)} is not JSON`, { cause: err });
  }
  const parsed = SnapshotManifest.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new SnapshotError('SNAPSHOT_BAD_MANIFEST', `${join(dir, MANIFEST_FILE)}: ${i.path.join('.')}: ${i.message}`);
  }
  return parsed.data;
}

async function setAside(dir: string): Promise<string | null> {
  const parent = dirname(dir);
  const prefix = `.${basename(dir)}.old-`;
  try {
    for (const e of (await readdir(parent)).filter((n) => n.startsWith(prefix)).sort()) {
      try {
        await readFile(join(parent, e, MANIFEST_FILE));
        return join(parent, e);
      } catch {
        /* not a complete snapshot */
      }
    }
  } catch {
    /* parent unreadable */
  }
  return null;
}
