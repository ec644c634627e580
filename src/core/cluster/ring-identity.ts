/**
 * Stable ring ids across re-clustering: a community inherits the id of the earlier ring it
 * shares most members with (largest |A∩B|, then Jaccard, then id; provided the overlap
 * coefficient |A∩B| / min(|A|,|B|) ≥ minOverlap; one-to-one, largest communities first), so a
 * growing ring stays one case and a tiny early fragment never captures it. Otherwise it gets a new id derived
 * deterministically from the seed, its members and the event time it was first seen.
 */
import { createHash } from 'node:crypto';

export class RingIdentity {
  private readonly rings = new Map<string, Set<string>>();

  constructor(private readonly minOverlap: number, private readonly seed: number) {}

  assign(communities: string[][], ts: number): string[] {
    const taken = new Set<string>();
    const ids: string[] = [];
    for (const members of communities) {
      let best: string | null = null;
      let bestInter = 0;
      let bestJ = 0;
      for (const [id, prev] of this.rings) {
        if (taken.has(id)) continue;
        let inter = 0;
        for (const m of members) if (prev.has(m)) inter++;
        if (inter === 0 || inter / Math.min(members.length, prev.size) < this.minOverlap) continue;
        const j = inter / (members.length + prev.size - inter);
        if (inter > bestInter || (inter === bestInter && (j > bestJ || (j === bestJ && best !== null && id < best)))) {
          best = id;
          bestInter = inter;
          bestJ = j;
        }
      }
      const id = best ?? newRingId(this.seed, members, ts);
      taken.add(id);
      ids.push(id);
    }
    ids.forEach((id, i) => this.rings.set(id, new Set(communities[i])));
    return ids;
  }
}

export function newRingId(seed: number, members: string[], ts: number): string {
  const h = createHash('sha256').update(`${seed}|${ts}|${[...members].sort().join(',')}`).digest('hex');
  return `ring-${h.slice(0, 12)}`;
}
