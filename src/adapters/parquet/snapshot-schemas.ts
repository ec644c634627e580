/**
 * Parquet schemas of the snapshot tables. One source of truth for column names and types; the
 * row converters in src/snapshot/ produce rows of exactly these shapes, and docs/analysts.md
 * describes them. Timestamps are INT64 TIMESTAMP_MILLIS holding UTC instants (the Parquet
 * convention for the legacy converted type: adjusted to UTC). Optional columns are null when the
 * source field was absent. Columns are stable across snapshots: text columns exist even when text
 * was not included (then they are all null), so one query works on every snapshot.
 */
import { ParquetFieldBuilder, ParquetSchema, type FieldDefinition, type ParquetCompression, type SchemaDefinition } from '@dsnp/parquetjs';
import { SignalName } from '../../contracts/ring.ts';
import { markFastShred } from './fast-shred.ts';

export const SNAPSHOT_TABLES = Object.freeze(['notes', 'accounts', 'interactions', 'edges', 'rings', 'ring_members'] as const);
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];
/** Tables a replay writes besides rings and ring_members. */
export type ReplayTable = 'rings' | 'ring_members' | 'ring_diff';
export type TableName = SnapshotTable | 'ring_diff';

/** Column of one per-signal contribution, e.g. `sig_co_target`. */
export const SIGNAL_COLUMNS: readonly { signal: SignalName; column: string }[] = Object.freeze(
  SignalName.options.map((signal) => ({ signal, column: `sig_${signal}` })),
);

const str = (optional = false): FieldDefinition => ({ type: 'UTF8', optional });
/** Unique ids, fingerprints, free text and JSON: no min/max statistics (no query prunes on them, and parquetjs computing min/max over millions of distinct strings was a large share of write time in profiles). */
const blob = (optional = false): FieldDefinition => ({ type: 'UTF8', optional, statistics: false });
const ts = (optional = false): FieldDefinition => ({ type: 'TIMESTAMP_MILLIS', optional });
const bool = (optional = false): FieldDefinition => ({ type: 'BOOLEAN', optional });
const dbl = (optional = false): FieldDefinition => ({ type: 'DOUBLE', optional });
const i32 = (): FieldDefinition => ({ type: 'INT32' });
const i64 = (): FieldDefinition => ({ type: 'INT64' });
const strList = (): FieldDefinition => ParquetFieldBuilder.createListField('UTF8') as FieldDefinition;
const doubleList = (): FieldDefinition => ParquetFieldBuilder.createListField('DOUBLE') as FieldDefinition;
const signalCols = (): SchemaDefinition => Object.fromEntries(SIGNAL_COLUMNS.map((s) => [s.column, dbl(true)]));

const DEFINITIONS: Record<TableName, SchemaDefinition> = {
  notes: {
    seq: i64(), event_id: blob(), ts: ts(), account_id: str(), note_id: str(), action: str(),
    simhash: blob(true),
    targets: { repeated: true, fields: { kind: str(), id: str() } },
    lang: str(true), ai_label: bool(true), ad_disclosure: bool(true), device_id: str(true), ip_prefix: str(true),
    media_hashes: strList(), embedding: doubleList(),
    title: blob(true), body: blob(true), tags: strList(),
    /** Gated semantic mode: transformer vectors of earlier notes that featurize sent just before this note (JSON array of {note_id, account_id, ts, embedding}); replay re-inserts them in place. */
    late_embeddings_json: blob(true),
  },
  accounts: {
    seq: i64(), event_id: blob(), ts: ts(), account_id: str(), action: str(),
    registered_at: ts(true), device_id: str(true), ip_prefix: str(true), verified: bool(true), declared_partner: bool(true),
    avatar_hash: blob(true), nickname: blob(true), bio: blob(true),
  },
  interactions: {
    seq: i64(), event_id: blob(), ts: ts(), account_id: str(), action: str(),
    note_id: str(true), target_account_id: str(true), text: blob(true),
  },
  edges: {
    seq: i64(), ts: ts(), a: str(), b: str(), strong: bool(), weak: bool(true), weight: dbl(), ...signalCols(), examples_json: blob(),
  },
  rings: {
    seq: i64(), ring_id: str(), version: i32(), status: str(), merged_into: str(true), detected_at: ts(), updated_at: ts(), score: dbl(),
    size: i32(), core_size: i32(), density: dbl(), mean_degree: dbl(true), linked_members: { type: 'INT32', optional: true }, tied_members: { type: 'INT32', optional: true }, synchrony: dbl(), target_concentration: dbl(),
    top_target: str(true), shared_devices: i32(), accounts_on_shared_devices: i32(), shared_ip_prefixes: i32(),
    registration_within_24h_share: dbl(), ...signalCols(), evidence_json: blob(),
    code_version: str(), param_hash: str(), seed: i64(), model_id: str(), model_sha256: str(true),
  },
  ring_members: {
    seq: i64(), ring_id: str(), version: i32(), updated_at: ts(), member_index: i32(), account_id: str(), role: str(), score: dbl(),
    links: { type: 'INT32', optional: true }, evidence_weight: dbl(true),
  },
  ring_diff: {
    change: str(), ring_id: str(true), recorded_ring_id: str(true), matched_by: str(true),
    recorded_version: { type: 'INT32', optional: true }, replay_version: { type: 'INT32', optional: true },
    recorded_status: str(true), replay_status: str(true),
    recorded_score: dbl(true), replay_score: dbl(true), score_delta: dbl(true),
    recorded_size: { type: 'INT32', optional: true }, replay_size: { type: 'INT32', optional: true },
    jaccard: dbl(true), membership_changed: bool(), score_changed: bool(),
    members_added: strList(), members_removed: strList(),
  },
};

/** The schema of one table with every leaf column compressed with `compression` (`fast: false` keeps parquetjs's stock shredder, for tests). */
export function snapshotSchema(table: TableName, compression: ParquetCompression, opts: { fast?: boolean } = {}): ParquetSchema {
  const schema = new ParquetSchema(withCompression(DEFINITIONS[table], compression));
  return opts.fast === false ? schema : markFastShred(schema);
}

function withCompression(def: SchemaDefinition, compression: ParquetCompression): SchemaDefinition {
  const out: SchemaDefinition = {};
  for (const [k, v] of Object.entries(def)) out[k] = v.fields ? { ...v, fields: withCompression(v.fields, compression) } : { ...v, compression };
  return out;
}
