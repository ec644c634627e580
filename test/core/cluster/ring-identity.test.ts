import { describe, expect, it } from 'vitest';
import { RingIdentity } from '../../../src/core/cluster/ring-identity.ts';

describe('RingIdentity', () => {
  it('keeps the id of a ring that grows, and gives a new id to an unrelated community', () => {
    const id = new RingIdentity(0.5, 42);
    const [r1] = id.assign([['a', 'b', 'c', 'd']], 1000);
    const [r1b, r2] = id.assign([['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], ['x', 'y', 'z']], 2000);
    expect(r1b).toBe(r1);
    expect(r2).not.toBe(r1);
    expect(r2).toMatch(/^ring-[0-9a-f]{12}$/);
  });

  it('does not give one earlier id to two communities', () => {
    const id = new RingIdentity(0.5, 1);
    const [r1] = id.assign([['a', 'b', 'c', 'd', 'e', 'f']], 0);
    const ids = id.assign([['a', 'b', 'c'], ['d', 'e', 'f']], 1);
    expect(ids.filter((x) => x === r1)).toHaveLength(1);
  });

  it('derives new ids deterministically from seed, members and time', () => {
    expect(new RingIdentity(0.5, 7).assign([['a', 'b', 'c']], 5)).toEqual(new RingIdentity(0.5, 7).assign([['a', 'b', 'c']], 5));
    expect(new RingIdentity(0.5, 7).assign([['a', 'b', 'c']], 5)).not.toEqual(new RingIdentity(0.5, 8).assign([['a', 'b', 'c']], 5));
  });
});
