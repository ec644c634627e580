/** Reason codes for events routed to the dead-letter topic (ringwatch.dlq.v1). A closed list. */
export const DLQ_REASONS = {
  INVALID_UTF8: 'invalid_utf8',
  OVERSIZED: 'oversized',
  MALFORMED_JSON: 'malformed_json',
  NOT_AN_OBJECT: 'not_an_object',
  UNKNOWN_TYPE: 'unknown_type',
  SCHEMA_VIOLATION: 'schema_violation',
  BAD_TIMESTAMP: 'bad_timestamp',
  DUPLICATE: 'duplicate_event_id',
  LATE: 'too_late',
} as const;
export type DlqReason = (typeof DLQ_REASONS)[keyof typeof DLQ_REASONS];

/** What the dead-letter topic carries: enough to find, understand and replay the original. */
export interface DeadLetter {
  reason: DlqReason;
  /** Human-readable detail (field path, limit). Never the note text. */
  detail: string;
  /** Where the original came from: `${topic}:${partition}:${offset}` (or `file:line`). Stable across replays. */
  source: string;
  stage: 'ingest';
  /** The original bytes, base64, so a fixed event can be re-produced byte for byte. */
  original_b64: string;
  event_id?: string;
}
