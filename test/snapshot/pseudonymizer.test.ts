import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PSEUDONYM_KEY_ENV, Pseudonymizer, pseudonymizerFromEnv } from '../../src/snapshot/pseudonymizer.ts';
import { SnapshotError } from '../../src/snapshot/snapshot-error.ts';

const KEY = 'correct horse battery staple';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof SnapshotError ? err.code : `not a SnapshotError: ${String(err)}`;
  }
  return undefined;
}

describe('Pseudonymizer', () => {
  it('maps an account id to the truncated HMAC-SHA256 of the id under the key', () => {
    const expected = createHmac('sha256', KEY).update('u123').digest('hex').slice(0, 24);
    expect(new Pseudonymizer(KEY).map('u123')).toBe(`ps_${expected}`);
  });

  it('is consistent across instances (snapshots) with the same key and differs with another key', () => {
    const a = new Pseudonymizer(KEY);
    const b = new Pseudonymizer(KEY);
    const c = new Pseudonymizer(`${KEY}!`);
    const ids = Array.from({ length: 200 }, (_, i) => `acct-${i}`);
    expect(ids.map((x) => a.map(x))).toEqual(ids.map((x) => b.map(x)));
    expect(ids.filter((x) => a.map(x) === c.map(x))).toEqual([]);
    expect(new Set(ids.map((x) => a.map(x))).size).toBe(ids.length);
    expect(a.keyId).toBe(b.keyId);
    expect(a.keyId).not.toBe(c.keyId);
  });

  it('keeps domains apart: the same string as a device id does not map like an account id', () => {
    const p = new Pseudonymizer(KEY);
    expect(p.map('x1', 'device')).not.toBe(p.map('x1'));
    expect(p.map('x1', 'ip')).not.toBe(p.map('x1', 'device'));
  });

  it('never exposes the key in its id', () => {
    const p = new Pseudonymizer(KEY);
    expect(JSON.stringify(p)).not.toContain(KEY);
    expect(p.keyId).toMatch(/^[0-9a-f]{12}$/);
  });

  it('fails with SNAPSHOT_PSEUDONYM_KEY_MISSING when the environment has no key', () => {
    expect(codeOf(() => pseudonymizerFromEnv({}))).toBe('SNAPSHOT_PSEUDONYM_KEY_MISSING');
    expect(codeOf(() => pseudonymizerFromEnv({ [PSEUDONYM_KEY_ENV]: '' }))).toBe('SNAPSHOT_PSEUDONYM_KEY_MISSING');
  });

  it('fails with SNAPSHOT_PSEUDONYM_KEY_WEAK for a short key', () => {
    expect(codeOf(() => pseudonymizerFromEnv({ [PSEUDONYM_KEY_ENV]: 'short' }))).toBe('SNAPSHOT_PSEUDONYM_KEY_WEAK');
    expect(pseudonymizerFromEnv({ [PSEUDONYM_KEY_ENV]: KEY }).map('a')).toMatch(/^ps_[0-9a-f]{24}$/);
  });
});
