import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventTimeOrderer } from '../../src/core/event-time-orderer.ts';

type Ev = { ts: number; event_id: string };

/** Feed partitions in an arbitrary interleaving, draining at arbitrary points; return released ids and late ids. */
function run(parts: Ev[][], schedule: number[], lateness: number) {
  const o = new EventTimeOrderer<Ev>({ allowedLatenessMs: lateness });
  o.expect(parts.map((_, i) => `p${i}`));
  const pos = parts.map(() => 0);
  const out: string[] = [];
  const late: string[] = [];
  let s = 0;
  while (pos.some((p, i) => p < parts[i].length)) {
    let i = schedule[s++ % schedule.length] % parts.length;
    while (pos[i] >= parts[i].length) i = (i + 1) % parts.length;
    const ev = parts[i][pos[i]++];
    if (o.offer(`p${i}`, ev) === 'late') late.push(ev.event_id);
    if (s % 3 === 0) out.push(...o.drain().map((e) => e.event_id));
    if (pos[i] === parts[i].length) o.markIdle(`p${i}`);
    for (let j = 0; j < parts.length; j++) if (parts[j].length === 0) o.markIdle(`p${j}`);
  }
  out.push(...o.drain(true).map((e) => e.event_id));
  return { out, late: late.sort() };
}

const partitionArb = fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 40 });

describe('EventTimeOrderer', () => {
  it('releases the same sequence whatever the interleaving of partitions', () => {
    fc.assert(
      fc.property(fc.array(partitionArb, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (tss, s1, s2) => {
        // each partition is roughly ordered with jitter (as a producer would write)
        const parts = tss.map((list, p) => list.map((t, i) => ({ ts: i * 100 + t, event_id: `p${p}-${i}` })));
        const a = run(parts, s1, 1000);
        const b = run(parts, s2, 1000);
        // jitter (up to 5 s) exceeds the 1 s allowance, so some events are late: which ones must not depend on interleaving
        expect(a.late).toEqual(b.late);
        expect(a.out).toEqual(b.out);
        const lateSet = new Set(a.late);
        const all = parts.flat().filter((e) => !lateSet.has(e.event_id)).sort((x, y) => x.ts - y.ts || (x.event_id < y.event_id ? -1 : 1)).map((e) => e.event_id);
        expect(a.out).toEqual(all);
      }),
    );
  });

  it('marks an event late when it is beyond the lateness allowance in its own partition', () => {
    const o = new EventTimeOrderer<Ev>({ allowedLatenessMs: 10 });
    expect(o.offer('a', { ts: 100, event_id: 'x' })).toBe('accepted');
    expect(o.offer('a', { ts: 95, event_id: 'y' })).toBe('accepted');
    expect(o.offer('a', { ts: 89, event_id: 'z' })).toBe('late');
    // another partition is judged on its own clock
    expect(o.offer('b', { ts: 50, event_id: 'w' })).toBe('accepted');
  });

  it('holds events back until every active partition has passed them', () => {
    const o = new EventTimeOrderer<Ev>({ allowedLatenessMs: 0 });
    o.offer('a', { ts: 10, event_id: 'a1' });
    o.offer('a', { ts: 20, event_id: 'a2' });
    o.offer('b', { ts: 5, event_id: 'b1' });
    expect(o.drain().map((e) => e.event_id)).toEqual([]); // b's watermark is 5: nothing strictly before
    o.offer('b', { ts: 15, event_id: 'b2' });
    expect(o.drain().map((e) => e.event_id)).toEqual(['b1', 'a1']);
    expect(o.drain(true).map((e) => e.event_id)).toEqual(['b2', 'a2']);
  });
});
