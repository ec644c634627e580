/**
 * Snapshot flags shared by commands that can write a Parquet snapshot (`detect` today):
 *   --snapshot DIR      write a snapshot of the run to DIR (published atomically, manifest last)
 *   --snapshot-text     include note/account/comment text (personal data; off by default)
 *   --pseudonymize      replace account ids, device ids and IP prefixes by HMAC-SHA256 pseudonyms
 *                       keyed by $RINGWATCH_PSEUDONYM_KEY (SNAPSHOT_PSEUDONYM_KEY_MISSING if unset)
 */
import { pseudonymizerFromEnv } from '../../snapshot/pseudonymizer.ts';
import { SnapshotError } from '../../snapshot/snapshot-error.ts';
import type { SnapshotOptions } from '../../snapshot/snapshot-writer.ts';

export const SNAPSHOT_CLI_OPTIONS = {
  snapshot: { type: 'string' },
  'snapshot-text': { type: 'boolean', default: false },
  pseudonymize: { type: 'boolean', default: false },
} as const;

export const SNAPSHOT_USAGE = '[--snapshot DIR [--snapshot-text] [--pseudonymize]]';

export interface SnapshotCliValues {
  snapshot?: string;
  'snapshot-text'?: boolean;
  pseudonymize?: boolean;
}

/** Validate the flags once, at start-up (a missing pseudonym key fails before any work is done). */
export function snapshotOptionsFromCli(v: SnapshotCliValues, env: NodeJS.ProcessEnv = process.env): { snapshot?: string; snapshotOptions?: Partial<SnapshotOptions> } {
  if (!v.snapshot) {
    if (v['snapshot-text'] || v.pseudonymize) throw new SnapshotError('SNAPSHOT_BAD_OPTION', '--snapshot-text and --pseudonymize need --snapshot DIR');
    return {};
  }
  return {
    snapshot: v.snapshot,
    snapshotOptions: { includeText: v['snapshot-text'] ?? false, pseudonymizer: v.pseudonymize ? pseudonymizerFromEnv(env) : null },
  };
}

/** Print a snapshot error the way main.ts prints RingwatchError (code first) and return the exit code; rethrow anything else. */
export function reportSnapshotError(err: unknown): number {
  if (err instanceof SnapshotError) {
    process.stderr.write(`ringwatch: ${err.code}: ${err.message}\n`);
    return 1;
  }
  throw err;
}
