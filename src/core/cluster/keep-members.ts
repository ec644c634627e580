import type { Adjacency } from './attach-periphery.ts';

/**
 * Hysteresis for ring membership. A previous member of a ring that no community holds now stays in
 * it when its evidence has all aged out of the window (expiry is not exoneration; without this a
 * long campaign's case shrinks to its currently active accounts) or when most of its evidence
 * (`minShare`) still goes to the ring's current and previous members — joining takes the full
 * attachment test, staying only the share test, so a booster does not leave and rejoin a case
 * from round to round as its per-round totals cross `attachMinWeight`. `previous[i]` are the
 * members last recorded under community i's id (RingIdentity `previous`, which remembers a ring
 * through rounds it was missing). Modifies `communities`.
 */
export function keepMembers(communities: string[][], previous: readonly (readonly string[])[], adj: Adjacency, minShare: number): void {
  const placed = new Set(communities.flat());
  communities.forEach((c, i) => {
    const prev = previous[i] ?? [];
    const ring = new Set([...c, ...prev]);
    const keep = prev.filter((m) => {
      if (placed.has(m)) return false;
      const links = adj.get(m);
      if (!links?.size) return true;
      let total = 0;
      let inRing = 0;
      for (const [y, w] of links) {
        total += w;
        if (ring.has(y)) inRing += w;
      }
      return inRing >= minShare * total;
    });
    if (keep.length === 0) return;
    for (const m of keep) placed.add(m);
    communities[i] = [...c, ...keep].sort();
  });
}
