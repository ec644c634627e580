/** Fingerprint of a note's raw text: normalise (text/normalize.ts), then SimHash. */
import { normalizeText } from '../text/normalize.ts';
import type { Fingerprint64 } from './fingerprint64.ts';
import { toHex } from './fingerprint64.ts';
import { simhash64, type SimhashOptions } from './simhash64.ts';

export function textFingerprint(raw: string, options?: Partial<SimhashOptions>): Fingerprint64 {
  return simhash64(normalizeText(raw), options);
}

/** The same, as the 16-hex-digit wire form used in NoteFeatures.simhash. */
export function textFingerprintHex(raw: string, options?: Partial<SimhashOptions>): string {
  return toHex(textFingerprint(raw, options));
}
