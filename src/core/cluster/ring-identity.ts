/**
 * Stable ring ids across re-clustering: a community inherits the id of the earlier ring it
 * overlaps most (overlap coefficient |A∩B| / min(|A|,|B|) ≥ minOverlap, one-to-one, largest
 * communities first), so a growing ring stays one case. Otherwise it gets a new id derived
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
      let bestScore = 0;
      for (const [id, prev] of this.rings) {
        if (taken.has(id)) continue;
        let inter = 0;
        for (const m of members) if (prev.has(m)) inter++;
        const score = inter / Math.min(members.length, prev.size);
        if (score > bestScore || (score === bestScore && best !== null && id < best)) {
          best = id;
          bestScore = score;
        }
      }
      const id = best !== null && bestScore >= this.minOverlap ? best : newRingId(this.seed, members, ts);
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
