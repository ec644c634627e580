/**
 * A 64-bit fingerprint held as two unsigned 32-bit halves, so that hashing, comparing and
 * indexing never touch BigInt. The hex form (16 lower-case digits, high half first) is the
 * wire format in NoteFeatures.simhash.
 */
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';

export interface Fingerprint64 {
  /** Bits 63..32, as an unsigned 32-bit integer. */
  readonly hi: number;
  /** Bits 31..0, as an unsigned 32-bit integer. */
  readonly lo: number;
}

const HEX_RE = /^[0-9a-fA-F]{16}$/;

export function fingerprint64(hi: number, lo: number): Fingerprint64 {
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

/** 16 lower-case hex digits. */
export function toHex(fp: Fingerprint64): string {
  return (fp.hi >>> 0).toString(16).padStart(8, '0') + (fp.lo >>> 0).toString(16).padStart(8, '0');
}

/** Parse 16 hex digits (either case); anything else throws RW_INPUT_UNREADABLE. */
export function fromHex(hex: string): Fingerprint64 {
  if (!HEX_RE.test(hex)) {
    throw new RingwatchError(ERROR_CODES.INPUT_UNREADABLE, 'fingerprint must be 16 hex digits');
  }
  return { hi: parseInt(hex.slice(0, 8), 16) >>> 0, lo: parseInt(hex.slice(8), 16) >>> 0 };
}

/** Number of set bits in a 32-bit integer (SWAR). */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance between two fingerprints. */
export function hamming(a: Fingerprint64, b: Fingerprint64): number {
  return popcount32(a.hi ^ b.hi) + popcount32(a.lo ^ b.lo);
}
