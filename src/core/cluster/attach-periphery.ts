/**
 * Periphery attachment. Boosting-only accounts (likes and collects on the ring's notes, little
 * posting of their own) spread weak evidence over many ring members and over each other: no
 * single pair is strong, but the sum is.
 *
 * For a community C found on strong edges, the candidates P are outside accounts whose evidence
 * to C's members is large in total (`minWeight`) and spread over several members (`minLinks`).
 * A candidate joins C as periphery when most of all its evidence (`minShare`) goes to C ∪ P: it
 * engages the group and the group's other boosters, not the platform at large. An account that
 * qualifies for several communities joins the one it has most evidence to. Optionally part of its
 * evidence to the group (`beyondTargetShare`) must be more than a shared target: a genuine creator
 * who reviews the niche product a ring promotes, and registered in the same week as its accounts,
 * otherwise joined it on co-target and registration-time edges alone.
 */
export interface AttachOptions {
  minWeight: number;
  minShare: number;
  minLinks: number;
  /** expansion rounds: from the second on, accounts attached in earlier rounds count as members (1 = members of C only) */
  rounds?: number;
  /** collective attachment for groups of at least this size after the rounds (0 / absent = off) */
  collectiveMinSize?: number;
  /** in collective attachment, groups smaller than this… */
  cohortBelow?: number;
  /** …take only joiners that each have evidence with at least this many other joiners (a cohort) */
  cohortMinLinks?: number;
  /** the evidence that is more than a shared target (edge-kinds.ts isBeyondTarget); with beyondTargetShare > 0 a candidate needs at least that share of its evidence to the group in it */
  beyondTarget?: Adjacency;
  beyondTargetShare?: number;
}

export type Adjacency = Map<string, Map<string, number>>;

export function attachPeriphery(communities: string[][], adj: Adjacency, o: AttachOptions): string[][] {
  const owner = new Map<string, number>();
  communities.forEach((c, i) => c.forEach((m) => owner.set(m, i)));
  const extra: string[][] = communities.map(() => []);
  // evidence from each group to outside accounts, grown incrementally by the members each round adds
  const toC = communities.map(() => new Map<string, { w: number; links: number }>());
  let added: string[][] = communities.map((c) => c);
  for (let round = 0; round < (o.rounds ?? 1); round++) {
    const best = new Map<string, { ci: number; w: number }>();
    toC.forEach((to, ci) => {
      for (const m of added[ci])
        for (const [x, w] of adj.get(m) ?? []) {
          const r = to.get(x);
          if (r) {
            r.w += w;
            r.links++;
          } else to.set(x, { w, links: 1 });
        }
      const cand = new Set<string>();
      for (const [x, r] of to) if (!owner.has(x) && r.w >= o.minWeight && r.links >= o.minLinks) cand.add(x);
      const inGroup = (y: string) => owner.get(y) === ci || cand.has(y);
      for (const x of cand) {
        const e = evidenceTo(x, adj, inGroup);
        if (e.inGroup / e.total < o.minShare || !beyondTarget(x, o, inGroup, e.inGroup)) continue;
        const w = to.get(x)!.w;
        const prev = best.get(x);
        if (!prev || w > prev.w) best.set(x, { ci, w });
      }
    });
    if (best.size === 0) break;
    added = communities.map(() => []);
    for (const [x, { ci }] of [...best].sort(([a], [b]) => (a < b ? -1 : 1))) {
      owner.set(x, ci);
      added[ci].push(x);
      extra[ci].push(x);
    }
  }
  if (o.collectiveMinSize) collective(communities, extra, owner, adj, o);
  return communities.map((c, i) => (extra[i].length ? [...c, ...extra[i]].sort() : c));
}

/**
 * Collective attachment, after the expansion rounds: for each group of at least `minSize` (largest
 * first), the unowned accounts touching it are peeled until every remaining one passes the same
 * tests (weight, links, share, beyond-target) against the group plus the other remaining ones. A
 * large ring's boosters touch its posters only once or twice each and are tied mostly to each other
 * by engaging in step — no single one passes against the group alone, so the expansion rounds
 * never start. Only direct neighbours of the group are candidates, so a genuine community touching
 * it through one account cannot ride in. On groups below `cohortBelow` (ring size) every joiner
 * must also have evidence with `cohortMinLinks` other joiners: a small ring's boosters engage in
 * step with each other, while a household sharing a device otherwise grew into a false ring by
 * taking in two or three unrelated accounts that touched it.
 */
function collective(communities: string[][], extra: string[][], owner: Map<string, number>, adj: Adjacency, o: AttachOptions): void {
  const minSize = o.collectiveMinSize ?? 0;
  const order = communities.map((_, i) => i).sort((a, b) => communities[b].length + extra[b].length - (communities[a].length + extra[a].length) || a - b);
  for (const ci of order) {
    const members = [...communities[ci], ...extra[ci]];
    if (members.length < minSize) continue;
    const pool = new Set<string>();
    for (const m of members) for (const x of adj.get(m)?.keys() ?? []) if (!owner.has(x)) pool.add(x);
    const inGroup = (y: string) => owner.get(y) === ci || pool.has(y);
    const cohort = members.length < (o.cohortBelow ?? 0) ? (o.cohortMinLinks ?? 0) : 0;
    let removed = true;
    while (removed && pool.size > 0) {
      removed = false;
      for (const x of [...pool].sort()) {
        const e = evidenceTo(x, adj, inGroup);
        const fails = e.inGroup < o.minWeight || e.links < o.minLinks || e.inGroup < o.minShare * e.total || !beyondTarget(x, o, inGroup, e.inGroup);
        if (fails || (cohort > 0 && evidenceTo(x, adj, (y) => pool.has(y)).links < cohort)) {
          pool.delete(x);
          removed = true;
        }
      }
    }
    for (const x of [...pool].sort()) {
      owner.set(x, ci);
      extra[ci].push(x);
    }
  }
}

/** `x`'s evidence in total and to the group (`inGroup`), and how many group accounts it touches. */
export function evidenceTo(x: string, adj: Adjacency, inGroup: (y: string) => boolean): { total: number; inGroup: number; links: number } {
  const e = { total: 0, inGroup: 0, links: 0 };
  for (const [y, w] of adj.get(x) ?? []) {
    e.total += w;
    if (inGroup(y)) {
      e.inGroup += w;
      e.links++;
    }
  }
  return e;
}

/** Enough of `x`'s evidence to the group (`toGroup`) is more than a shared target — always true when that test is off. */
function beyondTarget(x: string, o: AttachOptions, inGroup: (y: string) => boolean, toGroup: number): boolean {
  if (!o.beyondTarget || !o.beyondTargetShare) return true;
  let bt = 0;
  for (const [y, v] of o.beyondTarget.get(x) ?? []) if (inGroup(y)) bt += v;
  return bt >= o.beyondTargetShare * toGroup;
}
