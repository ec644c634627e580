import { describe, expect, it } from 'vitest';
import { RingIdentity } from '../../../src/core/cluster/ring-identity.ts';

describe('RingIdentity', () => {
  it('keeps the id of a ring that grows, and gives a new id to an unrelated community', () => {
    const id = new RingIdentity(0.5, 42);
    const [r1] = id.assign([['a', 'b', 'c', 'd']], 1000).ids;
    const [r1b, r2] = id.assign([['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], ['x', 'y', 'z']], 2000).ids;
    expect(r1b).toBe(r1);
    expect(r2).not.toBe(r1);
    expect(r2).toMatch(/^ring-[0-9a-f]{12}$/);
  });

  it('does not give one earlier id to two communities', () => {
    const id = new RingIdentity(0.5, 1);
    const [r1] = id.assign([['a', 'b', 'c', 'd', 'e', 'f']], 0).ids;
    const { ids } = id.assign([['a', 'b', 'c'], ['d', 'e', 'f']], 1);
    expect(ids.filter((x) => x === r1)).toHaveLength(1);
  });

  it('derives new ids deterministically from seed, members and time', () => {
    expect(new RingIdentity(0.5, 7).assign([['a', 'b', 'c']], 5)).toEqual(new RingIdentity(0.5, 7).assign([['a', 'b', 'c']], 5));
    expect(new RingIdentity(0.5, 7).assign([['a', 'b', 'c']], 5).ids).not.toEqual(new RingIdentity(0.5, 8).assign([['a', 'b', 'c']], 5).ids);
  });

  it('reports a ring absorbed by another once that held for absorbAfterRounds rounds, and never reuses its id', () => {
    const id = new RingIdentity(0.3, 1, 2, 0.5);
    const [x, y] = id.assign([['a', 'b', 'c'], ['d', 'e', 'f']], 0).ids;
    const joined = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const r1 = id.assign([joined], 1);
    expect(r1.absorbed).toEqual([[]]); // one round only: not yet
    const survivor = r1.ids[0];
    const r2 = id.assign([joined], 2);
    expect(r2.ids).toEqual([survivor]);
    expect(r2.absorbed).toEqual([[survivor === x ? y : x]]);
    // the absorbed id is gone for good: its old members alone get a fresh id
    const gone = survivor === x ? y : x;
    const r3 = id.assign([joined, survivor === x ? ['d', 'e', 'f'] : ['a', 'b', 'c']], 3);
    expect(r3.ids).not.toContain(gone);
  });

  it('does not absorb a ring that comes back before confirmation, nor one with too few of its members inside', () => {
    const id = new RingIdentity(0.3, 1, 2, 0.5);
    const [, y] = id.assign([['a', 'b', 'c', 'd', 'e', 'f'], ['p', 'q', 'r', 's']], 0).ids;
    id.assign([['a', 'b', 'c', 'd', 'e', 'f', 'p', 'q', 'r']], 1); // y missing, 3 of 4 inside: pending
    const back = id.assign([['a', 'b', 'c', 'd', 'e', 'f'], ['p', 'q', 'r', 's']], 2);
    expect(back.ids[1]).toBe(y);
    expect(back.absorbed).toEqual([[], []]);
    for (let t = 3; t < 6; t++) expect(id.assign([['a', 'b', 'c', 'd', 'e', 'f', 'p']], t).absorbed).toEqual([[]]); // 1 of 4: not absorbed
  });

  it('absorbs only rings with at least absorbMinShare of their members inside', () => {
    const strict = new RingIdentity(0.3, 1, 1, 0.8);
    strict.assign([['a', 'b', 'c', 'd', 'e', 'f'], ['p', 'q', 'r', 's', 't']], 0);
    expect(strict.assign([['a', 'b', 'c', 'd', 'e', 'f', 'p', 'q', 'r']], 1).absorbed).toEqual([[]]); // 3 of 5 < 0.8
    const loose = new RingIdentity(0.3, 1, 1, 0.5);
    const [, y] = loose.assign([['a', 'b', 'c', 'd', 'e', 'f'], ['p', 'q', 'r', 's', 't']], 0).ids;
    expect(loose.assign([['a', 'b', 'c', 'd', 'e', 'f', 'p', 'q', 'r']], 1).absorbed).toEqual([[y]]);
  });

  it('reports the members last recorded under an id, also after rounds in which that ring was missing', () => {
    const id = new RingIdentity(0.5, 1);
    const first = id.assign([['a', 'b', 'c', 'd']], 0);
    expect(first.previous).toEqual([[]]);
    id.record(first.ids[0], ['a', 'b', 'c', 'd', 'kept1', 'kept2']); // as emitted, with kept members
    expect(id.assign([['x', 'y', 'z']], 1).previous).toEqual([[]]); // the ring is missing this round
    const back = id.assign([['a', 'b', 'c']], 2);
    expect(back.ids).toEqual([first.ids[0]]);
    expect(back.previous).toEqual([['a', 'b', 'c', 'd', 'kept1', 'kept2']]);
  });

  it('absorbs by the recorded members: a ring whose kept members stay outside is not absorbed', () => {
    const id = new RingIdentity(0.3, 1, 1, 0.8);
    const [, y] = id.assign([['a', 'b', 'c', 'd'], ['p', 'q', 'r']], 0).ids;
    id.record(y, ['p', 'q', 'r', 'k1', 'k2', 'k3', 'k4']);
    expect(id.assign([['a', 'b', 'c', 'd', 'p', 'q', 'r']], 1).absorbed).toEqual([[]]); // 3 of 7 inside
    const other = new RingIdentity(0.3, 1, 1, 0.8);
    const [, y2] = other.assign([['a', 'b', 'c', 'd'], ['p', 'q', 'r']], 0).ids;
    expect(other.assign([['a', 'b', 'c', 'd', 'p', 'q', 'r']], 1).absorbed).toEqual([[y2]]);
  });

  it('refuses to record members for an id it did not assign', () => {
    expect(() => new RingIdentity(0.5, 1).record('ring-000000000000', ['a'])).toThrow(/not assigned/);
  });
});
