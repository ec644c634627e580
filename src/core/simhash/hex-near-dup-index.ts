/**
 * Adapts a fingerprint index to the linker's NearDupIndex port (core/link/near-dup-index.ts),
 * which speaks in the 16-hex-digit wire form of NoteFeatures.simhash.
 */
import type { NearDupHit, NearDupIndex } from '../link/near-dup-index.ts';
import { fromHex } from './fingerprint64.ts';
import type { FingerprintIndex } from './fingerprint-index.ts';
import { HammingIndex, type HammingIndexOptions } from './hamming-index.ts';

export function hexNearDupIndex(index: FingerprintIndex<string>): NearDupIndex {
  return {
    insert: (id: string, fingerprint: string) => index.insert(id, fromHex(fingerprint)),
    remove: (id: string) => {
      index.remove(id);
    },
    query: (fingerprint: string, maxBits: number): NearDupHit[] => index.query(fromHex(fingerprint), maxBits),
  };
}

/** A permuted-table index behind the NearDupIndex port. */
export function createNearDupIndex(options: Partial<HammingIndexOptions> = {}): NearDupIndex {
  return hexNearDupIndex(new HammingIndex<string>(options));
}
