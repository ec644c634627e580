import { describe, expect, it } from 'vitest';
import { snapshotOptionsFromCli } from '../../src/cli/commands/snapshot-options.ts';
import { SnapshotError } from '../../src/snapshot/snapshot-error.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return err instanceof SnapshotError ? err.code : String(err);
  }
};

describe('snapshot CLI flags', () => {
  it('are all off without --snapshot', () => {
    expect(snapshotOptionsFromCli({}, {})).toEqual({});
  });

  it('default to no text and no pseudonyms', () => {
    expect(snapshotOptionsFromCli({ snapshot: 'd' }, {})).toEqual({ snapshot: 'd', snapshotOptions: { includeText: false, pseudonymizer: null } });
  });

  it('turn text on and build a pseudonymiser from the environment', () => {
    const o = snapshotOptionsFromCli({ snapshot: 'd', 'snapshot-text': true, pseudonymize: true }, { RINGWATCH_PSEUDONYM_KEY: 'k'.repeat(16) });
    expect(o.snapshotOptions?.includeText).toBe(true);
    expect(o.snapshotOptions?.pseudonymizer?.map('a')).toMatch(/^ps_/);
  });

  it('reject --snapshot-text or --pseudonymize without --snapshot, and a missing key', () => {
    expect(codeOf(() => snapshotOptionsFromCli({ 'snapshot-text': true }, {}))).toBe('SNAPSHOT_BAD_OPTION');
    expect(codeOf(() => snapshotOptionsFromCli({ pseudonymize: true }, {}))).toBe('SNAPSHOT_BAD_OPTION');
    expect(codeOf(() => snapshotOptionsFromCli({ snapshot: 'd', pseudonymize: true }, {}))).toBe('SNAPSHOT_PSEUDONYM_KEY_MISSING');
  });
});
