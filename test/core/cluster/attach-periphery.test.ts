import { describe, expect, it } from 'vitest';
import { attachPeriphery, tiedMembers, type AttachOptions } from '../../../src/core/cluster/attach-periphery.ts';
import { seededRng } from '../../../src/core/cluster/seeded-rng.ts';
import { attachPeripheryReference } from './_attach-reference.ts';
import { graph } from './_graph.ts';

const O = { minWeight: 3, minShare: 0.5, minLinks: 3 };

describe('attachPeriphery', () => {
  const core = ['c1', 'c2', 'c3', 'c4'];
  // p1 engages three core members; p2 two core members and p1; p3 one core member, p1 and p2 (boosters of boosters);
  // g engages one core member but mostly the rest of the platform
  const adj = graph([
    ['c1', 'c2', 2], ['c2', 'c3', 2], ['c3', 'c4', 2],
    ['p1', 'c1', 1], ['p1', 'c2', 1], ['p1', 'c3', 1],
    ['p2', 'p1', 1.5], ['p2', 'c4', 1], ['p2', 'c3', 1], ['p2', 'p3', 1],
    ['p3', 'p1', 1.5], ['p3', 'c4', 1],
    ['g', 'c1', 1], ['g', 'x1', 2], ['g', 'x2', 2], ['g', 'x3', 2],
  ]);

  it('one round attaches only accounts tied to the community itself', () => {
    expect(attachPeriphery([core], adj, O)).toEqual([[...core, 'p1'].sort()]);
  });

  it('later rounds count the accounts attached before, but keep the share test', () => {
    expect(attachPeriphery([core], adj, { ...O, rounds: 2 })).toEqual([[...core, 'p1', 'p2'].sort()]);
    expect(attachPeriphery([core], adj, { ...O, rounds: 3 })).toEqual([[...core, 'p1', 'p2', 'p3'].sort()]);
    expect(attachPeriphery([core], adj, { ...O, rounds: 9 })).toEqual([[...core, 'p1', 'p2', 'p3'].sort()]); // g never: most of its evidence is elsewhere
  });

  it('gives an account qualifying for two communities to the one it has more evidence to', () => {
    const other = ['d1', 'd2', 'd3'];
    const adj2 = graph([
      ['c1', 'c2', 2], ['d1', 'd2', 2], ['d2', 'd3', 2],
      ['q', 'c1', 1], ['q', 'c2', 1], ['q', 'c3', 1],
      ['q', 'd1', 1.5], ['q', 'd2', 1.5], ['q', 'd3', 1.5],
    ]);
    expect(attachPeriphery([core, other], adj2, O)).toEqual([core, [...other, 'q'].sort()]);
  });

  it('with beyondTargetShare, needs part of the evidence to the group to be more than a shared target', () => {
    const ring = ['c1', 'c2', 'c3', 'c4'];
    // 'reviewer' only posts about the ring's product; 'booster' also engages the ring's notes
    const all = graph([
      ['c1', 'c2', 2], ['c2', 'c3', 2], ['c3', 'c4', 2],
      ['reviewer', 'c1', 1], ['reviewer', 'c2', 1], ['reviewer', 'c3', 1],
      ['booster', 'c1', 1], ['booster', 'c2', 1], ['booster', 'c3', 1],
    ]);
    const beyondTarget = graph([['c1', 'c2', 2], ['c2', 'c3', 2], ['c3', 'c4', 2], ['booster', 'c2', 1]]);
    expect(attachPeriphery([ring], all, O)).toEqual([[...ring, 'booster', 'reviewer'].sort()]);
    expect(attachPeriphery([ring], all, { ...O, beyondTarget, beyondTargetShare: 0.2 })).toEqual([[...ring, 'booster'].sort()]); // 1 of 3
    expect(attachPeriphery([ring], all, { ...O, beyondTarget, beyondTargetShare: 0.5 })).toEqual([ring]);
  });

  it('small cores (smallCore): one short of ring size takes in accounts tied to two of its members; smaller ones only when they grow into a cohort', () => {
    const small = { below: 5, minWeight: 1.2, minLinks: 2, growTo: 8 };
    // b backs two posters of a four-account core; h is tied to two of them too, but mostly to its own household
    const adj2 = graph([
      ['c1', 'c2', 2], ['c2', 'c3', 2], ['c3', 'c4', 2], ['d1', 'd2', 2], ['d2', 'd3', 2], ['d3', 'd4', 2], ['d4', 'd5', 2],
      ['b', 'c1', 0.7], ['b', 'c3', 0.6], ['e', 'd1', 0.7], ['e', 'd3', 0.6],
      ['h', 'c2', 0.7], ['h', 'c4', 0.7], ['h', 'y1', 1.2], ['h', 'y2', 1.2],
    ]);
    const five = ['d1', 'd2', 'd3', 'd4', 'd5'];
    expect(attachPeriphery([core, five], adj2, { ...O, smallCore: small })).toEqual([[...core, 'b'].sort(), five]);
    // without the rule the core stays as it is
    expect(attachPeriphery([core, five], adj2, O)).toEqual([core, five]);
    // one tie is not enough, however heavy
    const one = graph([['c1', 'c2', 2], ['c2', 'c3', 2], ['c3', 'c4', 2], ['b', 'c1', 2]]);
    expect(attachPeriphery([core], one, { ...O, smallCore: small })).toEqual([core]);
    // a strong pair with three accounts tied to both (a family on one device) stays a pair; with six (a cohort) it grows
    const pairWith = (n: number) => graph([['p1', 'p2', 2], ...Array.from({ length: n }, (_, i) => [[`f${i}`, 'p1', 0.7], [`f${i}`, 'p2', 0.7]] as [string, string, number][]).flat()]);
    expect(attachPeriphery([['p1', 'p2']], pairWith(3), { ...O, smallCore: small })).toEqual([['p1', 'p2']]);
    expect(attachPeriphery([['p1', 'p2']], pairWith(6), { ...O, smallCore: small })[0]).toHaveLength(8);
  });

  it('collectively attaches boosters tied mostly to each other, each touching the posters only once', () => {
    const ring = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const edges: [string, string, number][] = [['c1', 'c2', 2], ['c2', 'c3', 2], ['c3', 'c4', 2], ['c4', 'c5', 2]];
    const boosters = ['b1', 'b2', 'b3', 'b4'];
    boosters.forEach((b, i) => {
      edges.push([b, ring[i], 0.8]); // one engagement of one poster's note
      boosters.slice(i + 1).forEach((o) => edges.push([b, o, 1])); // lockstep with the other boosters
    });
    // a genuine account touching the ring once, with most of its evidence elsewhere; and a household
    // tied to each other, only one of which touches the ring
    edges.push(['g', 'c1', 0.8], ['g', 'x1', 2], ['g', 'x2', 2]);
    edges.push(['h1', 'c5', 0.8], ['h1', 'h2', 2], ['h2', 'h3', 2], ['h1', 'h3', 2]);
    const adj = graph(edges);
    expect(attachPeriphery([ring], adj, { ...O, rounds: 3 })).toEqual([ring]); // no booster passes alone
    expect(attachPeriphery([ring], adj, { ...O, rounds: 3, collectiveMinSize: 5 })).toEqual([[...ring, ...boosters].sort()]);
    expect(attachPeriphery([ring], adj, { ...O, rounds: 3, collectiveMinSize: 6 })).toEqual([ring]); // group below the size
  });

  it('on a group below ring size, collective joiners must be a cohort tied to each other, not bystanders', () => {
    // three posters of a small ring; four boosters in step with each other, each touching one or two posters
    const core = ['c1', 'c2', 'c3'];
    const edges: [string, string, number][] = [['c1', 'c2', 2], ['c2', 'c3', 2], ['c1', 'c3', 2]];
    const boosters = ['b1', 'b2', 'b3', 'b4'];
    boosters.forEach((b, i) => {
      edges.push([b, core[i % 3], 0.9], [b, core[(i + 1) % 3], 0.9]);
      boosters.slice(i + 1).forEach((o) => edges.push([b, o, 0.8]));
    });
    // a household of three sharing a device, and two unrelated accounts that each engage two of it
    // and each other once: neither passes alone, both pass against the household plus each other
    const home = ['h1', 'h2', 'h3'];
    edges.push(['h1', 'h2', 2], ['h2', 'h3', 2], ['h1', 'h3', 2]);
    edges.push(['v1', 'h1', 1.2], ['v1', 'h2', 1.2], ['v2', 'h2', 1.2], ['v2', 'h3', 1.2], ['v1', 'v2', 0.8]);
    const adj = graph(edges);
    const small = { ...O, rounds: 3, collectiveMinSize: 3, cohortBelow: 5 };
    expect(attachPeriphery([core, home], adj, { ...O, rounds: 3 })).toEqual([core, home]); // no one passes alone
    // without the cohort test both grow
    expect(attachPeriphery([core, home], adj, small)).toEqual([[...core, ...boosters].sort(), [...home, 'v1', 'v2'].sort()]);
    // each joiner of a small group needs evidence with two other joiners: the boosters have three, the bystanders one
    expect(attachPeriphery([core, home], adj, { ...small, cohortMinLinks: 2 })).toEqual([[...core, ...boosters].sort(), home]);
    // groups of ring size are exempt
    expect(attachPeriphery([core, home], adj, { ...small, cohortMinLinks: 2, cohortBelow: 3 })).toEqual([[...core, ...boosters].sort(), [...home, 'v1', 'v2'].sort()]);
  });
});

describe('tiedMembers', () => {
  it('counts members with positive evidence to two or more other members, ties outside the group and zero weights not counted', () => {
    const adj = graph([['a', 'b', 1], ['b', 'c', 1], ['c', 'a', 1], ['d', 'a', 1], ['d', 'x', 1], ['d', 'y', 1], ['e', 'a', 0], ['e', 'b', 0.5]]);
    expect(tiedMembers(['a', 'b', 'c', 'd', 'e'], adj)).toBe(3); // a, b, c; d has one tie inside, e one positive
    expect(tiedMembers(['a', 'b'], adj)).toBe(0);
  });
});

describe('attachPeriphery against the plain reference (_attach-reference.ts)', () => {
  /** A few dense groups, accounts tied to them and to each other at random, and noise; a random share of the edges is more than a shared target. */
  function randomCase(seed: number): { communities: string[][]; edges: [string, string, number][]; o: AttachOptions } {
    const rng = seededRng(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
    const weight = () => Math.round((0.1 + rng() * 2.4) * 1000) / 1000;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
    const communities = Array.from({ length: int(1, 4) }, (_, c) => Array.from({ length: int(2, 8) }, (_, i) => `c${c}m${i}`));
    const members = communities.flat();
    const outside = Array.from({ length: int(5, 40) }, (_, i) => `p${i}`);
    const noise = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const seen = new Set<string>();
    const edges: [string, string, number][] = [];
    const edge = (a: string, b: string) => {
      const k = a < b ? `${a} ${b}` : `${b} ${a}`;
      if (a !== b && !seen.has(k)) seen.add(k) && edges.push([a, b, weight()]);
    };
    for (const c of communities) for (const a of c) for (const b of c) if (a < b && rng() < 0.7) edge(a, b);
    for (const x of outside) {
      for (let k = int(0, 6); k > 0; k--) edge(x, pick(members));
      for (let k = int(0, 5); k > 0; k--) edge(x, pick(outside));
      for (let k = int(0, 3); k > 0; k--) edge(x, pick(noise));
    }
    const o: AttachOptions = {
      minWeight: pick([1.5, 2, 3]),
      minShare: pick([0.3, 0.5, 0.7]),
      minLinks: pick([2, 3]),
      rounds: int(1, 4),
      collectiveMinSize: pick([0, 3, 5]),
      cohortBelow: 5,
      cohortMinLinks: pick([0, 1, 2]),
      beyondTargetShare: pick([0, 0.2, 0.5]),
      beyondTarget: graph(edges.filter(() => rng() < 0.6)),
    };
    return { communities, edges, o };
  }

  it('returns exactly what re-testing every candidate in full returns, on 2000 random graphs', () => {
    let grew = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const { communities, edges, o } = randomCase(seed);
      const adj = graph(edges);
      const want = attachPeripheryReference(communities.map((c) => [...c]), adj, o);
      expect(attachPeriphery(communities.map((c) => [...c]), adj, o), `seed ${seed}`).toEqual(want);
      if (want.some((c, i) => c.length > communities[i].length)) grew++;
    }
    expect(grew).toBeGreaterThan(400); // the cases exercise attachment, not only its absence
  });
});
