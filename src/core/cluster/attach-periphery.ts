/**
 * Periphery attachment. Boosting-only accounts (likes and collects on the ring's notes, little
 * posting of their own) spread weak evidence over many ring members and over each other: no
 * single pair is strong, but the sum is.
 *
 * For a community C found on strong edges, the candidates P are outside accounts whose evidence
 * to C's members is large in total (`minWeight`) and spread over several members (`minLinks`).
 * A candidate joins C as periphery when most of all its evidence (`minShare`) goes to C ∪ P: it
 * engages the group and the group's other boosters, not the platform at large. An account that
 * qualifies for several communities joins the one it has most evidence to.
 */
export interface AttachOptions {
  minWeight: number;
  minShare: number;
  minLinks: number;
}

export type Adjacency = Map<string, Map<string, number>>;

export function attachPeriphery(communities: string[][], adj: Adjacency, o: AttachOptions): string[][] {
  const owner = new Map<string, number>();
  communities.forEach((c, i) => c.forEach((m) => owner.set(m, i)));
  const best = new Map<string, { ci: number; w: number }>();
  communities.forEach((members, ci) => {
    const toC = new Map<string, { w: number; links: number }>();
    for (const m of members)
      for (const [x, w] of adj.get(m) ?? []) {
        if (owner.has(x)) continue;
        const r = toC.get(x) ?? { w: 0, links: 0 };
        r.w += w;
        r.links++;
        toC.set(x, r);
      }
    const cand = new Set<string>();
    for (const [x, r] of toC) if (r.w >= o.minWeight && r.links >= o.minLinks) cand.add(x);
    for (const x of cand) {
      let total = 0;
      let inGroup = 0;
      for (const [y, w] of adj.get(x)!) {
        total += w;
        if (owner.get(y) === ci || cand.has(y)) inGroup += w;
      }
      const w = toC.get(x)!.w;
      if (inGroup / total < o.minShare) continue;
      const prev = best.get(x);
      if (!prev || w > prev.w) best.set(x, { ci, w });
    }
  });
  const extra: string[][] = communities.map(() => []);
  for (const [x, { ci }] of best) extra[ci].push(x);
  return communities.map((c, i) => (extra[i].length ? [...c, ...extra[i]].sort() : c));
}
