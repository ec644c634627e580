/** The port the linker uses to find near-duplicate notes by fingerprint (SimHash, hex). */
export interface NearDupHit {
  id: string;
  distance: number;
}

export interface NearDupIndex {
  insert(id: string, fingerprint: string): void;
  remove(id: string): void;
  query(fingerprint: string, maxBits: number): NearDupHit[];
}
