/** Typed errors for Parquet snapshots and `ringwatch replay`. Tests assert `code`, never the message text. */

export const SNAPSHOT_ERROR_CODES = Object.freeze([
  /** --pseudonymize was asked for but RINGWATCH_PSEUDONYM_KEY is not set (or is empty). */
  'SNAPSHOT_PSEUDONYM_KEY_MISSING',
  /** RINGWATCH_PSEUDONYM_KEY is shorter than the minimum length. */
  'SNAPSHOT_PSEUDONYM_KEY_WEAK',
  /** The snapshot directory has no manifest.json: never published, or a publication was interrupted. */
  'SNAPSHOT_INCOMPLETE',
  /** manifest.json does not parse or does not match the manifest schema. */
  'SNAPSHOT_BAD_MANIFEST',
  /** A data file's row count or sha256 differs from what the manifest (or the writer) recorded. */
  'SNAPSHOT_VERIFY_FAILED',
  /** The target path exists and is not a Ringwatch snapshot: refusing to replace it. */
  'SNAPSHOT_TARGET_NOT_SNAPSHOT',
  /** A snapshot or replay option is out of range, or the writer was used after finish(). */
  'SNAPSHOT_BAD_OPTION',
] as const);

export type SnapshotErrorCode = (typeof SNAPSHOT_ERROR_CODES)[number];

export class SnapshotError extends Error {
  readonly code: SnapshotErrorCode;
  readonly retriable: boolean;

  constructor(code: SnapshotErrorCode, message: string, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SnapshotError';
    this.code = code;
    this.retriable = options.retriable ?? false;
  }
}
