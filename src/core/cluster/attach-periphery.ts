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
  /**
   * Groups found with fewer than `below` members (ring size) attach with the bars given here
   * instead (absent = the same bars for every group): their members are all strongly tied, so an
   * account with evidence to two of them is more likely a booster than a bystander. A group one
   * short of `below` keeps what it takes in; a smaller one only when it grows to `growTo` members —
   * a cohort around a pair or trio of posters, where a family of five on one device stays out.
   */
  smallCore?: { below: number; minWeight: number; minLinks: number; growTo: number };
}

/** Weighted undirected graph: both directions of every edge are present, with the same weight. */
export type Adjacency = Map<string, Map<string, number>>;

export function attachPeriphery(communities: string[][], adj: Adjacency, o: AttachOptions): string[][] {
  const owner = new Map<string, number>();
  for (let i = 0; i < communities.length; i++) for (const m of communities[i]) owner.set(m, i);
  const extra: string[][] = communities.map(() => []);
  // evidence from each group to outside accounts, grown incrementally by the members each round adds
  const small = o.smallCore;
  const toC = communities.map((c) => (small && c.length < small.below ? new GroupTies(small.minWeight, small.minLinks) : new GroupTies(o.minWeight, o.minLinks)));
  /** members not yet counted in their group's ties */
  let added: string[][] = communities;
  /** how many candidates each group evaluated when last evaluated (-1: never) */
  const evaluated = communities.map(() => -1);
  for (let round = 0; round < (o.rounds ?? 1); round++) {
    const best = new Map<string, { ci: number; w: number }>();
    for (let ci = 0; ci < toC.length; ci++) {
      const to = toC[ci];
      for (const m of added[ci]) to.add(adj.get(m));
      const cand = to.candidates(owner);
      // No new member: the candidates can only have shrunk (some taken by other groups). If none
      // was, everything the tests read is as when last evaluated, and none passed then (a passing
      // one would be owned now), so none can pass now.
      if (added[ci].length === 0 && cand.size === evaluated[ci]) continue;
      evaluated[ci] = cand.size;
      const inGroup = (y: string) => owner.get(y) === ci || cand.has(y);
      for (const x of cand) {
        const e = evidenceTo(x, adj, inGroup);
        if (e.inGroup / e.total < o.minShare || !beyondTarget(x, o, inGroup, e.inGroup)) continue;
        const w = to.weight(x);
        const prev = best.get(x);
        if (!prev || w > prev.w) best.set(x, { ci, w });
      }
    }
    added = communities.map(() => []);
    if (best.size === 0) break;
    for (const [x, { ci }] of [...best].sort(([a], [b]) => (a < b ? -1 : 1))) {
      owner.set(x, ci);
      added[ci].push(x);
      extra[ci].push(x);
    }
  }
  if (o.collectiveMinSize) collective(communities, extra, owner, adj, o, toC, added);
  // small cores that did not grow into a cohort let their joiners go (not offered to other groups this time)
  if (small) for (let i = 0; i < communities.length; i++) if (communities[i].length < small.below - 1 && communities[i].length + extra[i].length < small.growTo) extra[i] = [];
  return communities.map((c, i) => (extra[i].length ? [...c, ...extra[i]].sort() : c));
}

/**
 * One group's evidence to each outside account (summed member by member, in the order they were
 * added), and the accounts past the weight and link bars: an account is listed when an added tie
 * takes it past both, so finding the candidates needs no scan of every tie.
 */
class GroupTies {
  private readonly slot = new Map<string, number>();
  private readonly w: number[] = [];
  private readonly links: number[] = [];
  private readonly listed: boolean[] = [];
  /** accounts that reached both bars, in the order they did; owned ones are dropped as found */
  private qualified: string[] = [];

  constructor(
    private readonly minWeight: number,
    private readonly minLinks: number,
  ) {}

  /** Count one member's ties. */
  add(ties: Map<string, number> | undefined): void {
    if (!ties) return;
    for (const [x, v] of ties) {
      let i = this.slot.get(x);
      if (i === undefined) {
        i = this.w.length;
        this.slot.set(x, i);
        this.w.push(v);
        this.links.push(1);
        this.listed.push(false);
      } else {
        this.w[i] += v;
        this.links[i]++;
      }
      if (!this.listed[i] && this.w[i] >= this.minWeight && this.links[i] >= this.minLinks) {
        this.listed[i] = true;
        this.qualified.push(x);
      }
    }
  }

  /** Accounts no group owns with ties past both bars. */
  candidates(owner: ReadonlyMap<string, number>): Set<string> {
    this.qualified = this.qualified.filter((x) => !owner.has(x));
    const out = new Set<string>();
    // re-checked: a sum that dipped back under a bar (a negative weight) does not count
    for (const x of this.qualified) {
      const i = this.slot.get(x)!;
      if (this.w[i] >= this.minWeight && this.links[i] >= this.minLinks) out.add(x);
    }
    return out;
  }

  weight(x: string): number {
    return this.w[this.slot.get(x)!];
  }

  /** Every account the counted members have evidence with. */
  accounts(): IterableIterator<string> {
    return this.slot.keys();
  }
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
 *
 * Peeling runs in sorted passes, a removal counting at once for the accounts after it. An account's
 * tests read only which of its neighbours are still in the pool, so one that passed stays passed
 * until a neighbour goes: only those are tested again (`stale`).
 */
function collective(communities: string[][], extra: string[][], owner: Map<string, number>, adj: Adjacency, o: AttachOptions, toC: GroupTies[], uncounted: string[][]): void {
  const minSize = o.collectiveMinSize ?? 0;
  const order = communities.map((_, i) => i).sort((a, b) => communities[b].length + extra[b].length - (communities[a].length + extra[a].length) || a - b);
  for (const ci of order) {
    const size = communities[ci].length + extra[ci].length;
    if (size < minSize) continue;
    // the neighbours of every member: those already counted in the group's ties, and the rest
    const pool = new Set<string>();
    for (const x of toC[ci].accounts()) if (!owner.has(x)) pool.add(x);
    for (const m of uncounted[ci]) for (const x of adj.get(m)?.keys() ?? []) if (!owner.has(x)) pool.add(x);
    const inGroup = (y: string) => owner.get(y) === ci || pool.has(y);
    const inPool = (y: string) => pool.has(y);
    const cohort = size < (o.cohortBelow ?? 0) ? (o.cohortMinLinks ?? 0) : 0;
    const sorted = [...pool].sort();
    const stale = new Set(sorted);
    let removed = true;
    while (removed && pool.size > 0) {
      removed = false;
      for (const x of sorted) {
        if (!stale.delete(x) || !pool.has(x)) continue;
        const e = evidenceTo(x, adj, inGroup);
        const fails = e.inGroup < o.minWeight || e.links < o.minLinks || e.inGroup < o.minShare * e.total || !beyondTarget(x, o, inGroup, e.inGroup);
        if (fails || (cohort > 0 && evidenceTo(x, adj, inPool).links < cohort)) {
          pool.delete(x);
          removed = true;
          for (const y of adj.get(x)?.keys() ?? []) if (pool.has(y)) stale.add(y);
          for (const y of o.beyondTarget?.get(x)?.keys() ?? []) if (pool.has(y)) stale.add(y);
        }
      }
    }
    for (const x of sorted) {
      if (!pool.has(x)) continue;
      owner.set(x, ci);
      extra[ci].push(x);
    }
  }
}

/** How many of the members have positive evidence (these weights) to at least two other members: the `tied_members` of a ring's evidence. */
export function tiedMembers(members: readonly string[], adj: Adjacency): number {
  const set = new Set(members);
  let n = 0;
  for (const m of members) {
    let ties = 0;
    for (const [y, w] of adj.get(m) ?? []) if (w > 0 && set.has(y) && ++ties >= 2) break;
    if (ties >= 2) n++;
  }
  return n;
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
