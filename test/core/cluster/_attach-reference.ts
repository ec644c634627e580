/**
 * Test helper: periphery attachment written the plain way — every candidate re-tested in full on
 * every round and every peeling pass. attach-periphery.ts, which skips tests whose inputs did not
 * change, must return exactly what this returns.
 */
import { evidenceTo, type Adjacency, type AttachOptions } from '../../../src/core/cluster/attach-periphery.ts';

export function attachPeripheryReference(communities: string[][], adj: Adjacency, o: AttachOptions): string[][] {
  const owner = new Map<string, number>();
  communities.forEach((c, i) => c.forEach((m) => owner.set(m, i)));
  const extra: string[][] = communities.map(() => []);
  for (let round = 0; round < (o.rounds ?? 1); round++) {
    const best = new Map<string, { ci: number; w: number }>();
    communities.forEach((c, ci) => {
      const to = new Map<string, { w: number; links: number }>();
      for (const m of [...c, ...extra[ci]])
        for (const [x, w] of adj.get(m) ?? []) {
          const r = to.get(x) ?? to.set(x, { w: 0, links: 0 }).get(x)!;
          r.w += w;
          r.links++;
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
    for (const [x, { ci }] of [...best].sort(([a], [b]) => (a < b ? -1 : 1))) {
      owner.set(x, ci);
      extra[ci].push(x);
    }
  }
  if (o.collectiveMinSize) {
    const order = communities.map((_, i) => i).sort((a, b) => communities[b].length + extra[b].length - (communities[a].length + extra[a].length) || a - b);
    for (const ci of order) {
      const members = [...communities[ci], ...extra[ci]];
      if (members.length < o.collectiveMinSize) continue;
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
  return communities.map((c, i) => (extra[i].length ? [...c, ...extra[i]].sort() : c));
}

function beyondTarget(x: string, o: AttachOptions, inGroup: (y: string) => boolean, toGroup: number): boolean {
  if (!o.beyondTarget || !o.beyondTargetShare) return true;
  let bt = 0;
  for (const [y, v] of o.beyondTarget.get(x) ?? []) if (inGroup(y)) bt += v;
  return bt >= o.beyondTargetShare * toGroup;
}
