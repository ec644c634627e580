import { textFingerprintHex } from '../../core/simhash/text-fingerprint.ts';

/** The note fingerprint the link stage compares: SimHash-64 of normalised title + body. */
export function fingerprintNote(title: string, body: string): string {
  return textFingerprintHex(`${title}\n${body}`);
}
