/** Adapter: the permuted-table Hamming index behind the linker's NearDupIndex port (hex fingerprints). */
import { fromHex, hamming, type Fingerprint64 } from '../../core/simhash/fingerprint64.ts';
import type { NearDupHit, NearDupIndex } from '../../core/link/near-dup-index.ts';

// TEMPORARY exact scan until the permuted index lands.
export function createNearDupIndex(): NearDupIndex {
  const fps = new Map<string, Fingerprint64>();
  return {
    insert(id, fp) {
      fps.set(id, fromHex(fp));
    },
    remove(id) {
      fps.delete(id);
    },
    query(fp, maxBits) {
      const q = fromHex(fp);
      const out: NearDupHit[] = [];
      for (const [id, f] of fps) {
        const d = hamming(q, f);
        if (d <= maxBits) out.push({ id, distance: d });
      }
      return out;
    },
  };
}
