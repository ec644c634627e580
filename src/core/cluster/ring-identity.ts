/**
 * Stable ring ids across re-clustering: a community inherits the id of the earlier ring it
 * shares most members with (largest |A∩B|, then Jaccard, then id; provided the overlap
 * coefficient |A∩B| / min(|A|,|B|) ≥ minOverlap; one-to-one, largest communities first), so a
 * growing ring stays one case and a tiny early fragment never captures it. Otherwise it gets a new id derived
 * deterministically from the seed, its members and the event time it was first seen.
 *
 * Lineage: when two rings come together in one community, only one can keep its id. A ring that
 * got no id this round and has at least `absorbMinShare` of its own members (as last seen) inside one
 * community is *absorbed* by it once that has held for `absorbAfterRounds` consecutive rounds
 * with the same survivor — Louvain can join two rings for a round or two and split them again.
 * `assign` reports the absorption and the id is retired for good (never handed out again), so the
 * flag stage can close that case as merged into the survivor instead of leaving it open until it
 * times out. Until confirmed, the id can still come back.
 */
import { createHash } from 'node:crypto';

export interface Assignment {
  /** one id per community, in order */
  ids: string[];
  /** per community, the ids of previous-round rings it absorbed (sorted; usually empty) */
  absorbed: string[][];
  /** per community, the members last recorded under its id (empty for a new id) — also when that ring was missing for some rounds */
  previous: string[][];
}

export class RingIdentity {
  private readonly rings = new Map<string, Set<string>>();
  private lastRound: string[] = [];
  /** ids that went missing inside another community: the survivor's id and for how many rounds */
  private readonly pending = new Map<string, { into: string; rounds: number }>();

  constructor(
    private readonly minOverlap: number,
    private readonly seed: number,
    private readonly absorbAfterRounds = 1,
    private readonly absorbMinShare = 0.8,
  ) {}

  assign(communities: string[][], ts: number): Assignment {
    const taken = new Set<string>();
    const ids: string[] = [];
    const previous: string[][] = [];
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
      previous.push(best ? [...this.rings.get(best)!] : []);
    }
    const absorbed: string[][] = communities.map(() => []);
    const sets = communities.map((c) => new Set(c));
    const missing = [...new Set([...this.lastRound, ...this.pending.keys()])].filter((id) => !taken.has(id)).sort();
    for (const id of this.pending.keys()) if (taken.has(id)) this.pending.delete(id);
    for (const id of missing) {
      const prev = this.rings.get(id)!;
      let bestI = -1;
      let bestInter = 0;
      sets.forEach((s, i) => {
        let inter = 0;
        for (const m of prev) if (s.has(m)) inter++;
        if (inter > bestInter) [bestI, bestInter] = [i, inter];
      });
      if (bestI < 0 || bestInter < this.absorbMinShare * prev.size) {
        this.pending.delete(id);
        continue;
      }
      const p = this.pending.get(id);
      const rounds = p && p.into === ids[bestI] ? p.rounds + 1 : 1;
      if (rounds >= this.absorbAfterRounds) {
        absorbed[bestI].push(id);
        this.rings.delete(id);
        this.pending.delete(id);
      } else this.pending.set(id, { into: ids[bestI], rounds });
    }
    for (const a of absorbed) a.sort();
    ids.forEach((id, i) => this.rings.set(id, new Set(communities[i])));
    this.lastRound = [...ids];
    return { ids, absorbed, previous };
  }

  /**
   * Replace the members recorded for a ring assigned this round (for example with the previous
   * members membership hysteresis kept), so that matching, absorption and the next round's
   * `previous` see the ring as it was emitted.
   */
  record(id: string, members: readonly string[]): void {
    if (!this.rings.has(id)) throw new Error(`record: ring ${id} was not assigned`);
    this.rings.set(id, new Set(members));
  }
}

export function newRingId(seed: number, members: string[], ts: number): string {
  const h = createHash('sha256').update(`${seed}|${ts}|${[...members].sort().join(',')}`).digest('hex');
  return `ring-${h.slice(0, 12)}`;
}
