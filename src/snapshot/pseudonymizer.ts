/**
 * Keyed pseudonyms for account ids (and the device / IP-prefix quasi-identifiers) in snapshots:
 * HMAC-SHA256(key, value), hex, truncated to 96 bits, prefixed `ps_`. The same key gives the same
 * pseudonym in every snapshot, so analysts can join snapshots without seeing real ids; equality is
 * all the linker uses, so links between accounts survive. Without the key the mapping cannot be
 * inverted or recomputed. The key never leaves this object; `keyId` identifies it in manifests.
 */
import { createHmac } from 'node:crypto';
import { SnapshotError } from './snapshot-error.ts';

export const PSEUDONYM_KEY_ENV = 'RINGWATCH_PSEUDONYM_KEY';
export const PSEUDONYM_DEFAULTS = Object.freeze({ minKeyLength: 16, hexChars: 24, cacheSize: 500_000 });

export type PseudonymDomain = 'account' | 'device' | 'ip';

export class Pseudonymizer {
  readonly keyId: string;
  private readonly key: Buffer;
  private readonly cache = new Map<string, string>();

  constructor(key: string) {
    if (!key) throw new SnapshotError('SNAPSHOT_PSEUDONYM_KEY_MISSING', `pseudonymisation needs a key in ${PSEUDONYM_KEY_ENV}`);
    if (key.length < PSEUDONYM_DEFAULTS.minKeyLength)
      throw new SnapshotError('SNAPSHOT_PSEUDONYM_KEY_WEAK', `${PSEUDONYM_KEY_ENV} must be at least ${PSEUDONYM_DEFAULTS.minKeyLength} characters`);
    this.key = Buffer.from(key, 'utf8');
    this.keyId = createHmac('sha256', this.key).update('ringwatch-pseudonym-key-id').digest('hex').slice(0, 12);
  }

  /** Account ids are HMAC(key, id) exactly; other domains are prefixed so equal strings in different roles do not collide. */
  map(value: string, domain: PseudonymDomain = 'account'): string {
    const input = domain === 'account' ? value : `${domain}:${value}`;
    let out = this.cache.get(input);
    if (out !== undefined) return out;
    out = `ps_${createHmac('sha256', this.key).update(input, 'utf8').digest('hex').slice(0, PSEUDONYM_DEFAULTS.hexChars)}`;
    if (this.cache.size >= PSEUDONYM_DEFAULTS.cacheSize) this.cache.clear();
    this.cache.set(input, out);
    return out;
  }
}

/** The pseudonymiser configured by the environment; throws SNAPSHOT_PSEUDONYM_KEY_MISSING when the key is unset. */
export function pseudonymizerFromEnv(env: NodeJS.ProcessEnv = process.env): Pseudonymizer {
  return new Pseudonymizer(env[PSEUDONYM_KEY_ENV] ?? '');
}
