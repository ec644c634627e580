import { describe, expect, it } from 'vitest';
import { graph } from './_graph.ts';
import { keepMembers } from '../../../src/core/cluster/keep-members.ts';

describe('keepMembers', () => {
  const last = ['a', 'b', 'c', 'old', 'booster', 'drifter'];
  const adj = graph([
    ['a', 'b', 2],
    ['b', 'c', 2],
    ['booster', 'a', 1], // all of its evidence still points at the ring
    ['drifter', 'a', 1],
    ['drifter', 'x', 3], // most of its evidence now points elsewhere
  ]);

  it('keeps a previous member whose evidence aged out or still mostly points at the ring; drops one that drifted', () => {
    const communities = [['a', 'b', 'c']];
    keepMembers(communities, [last], adj, 0.5);
    expect(communities).toEqual([['a', 'b', 'booster', 'c', 'old']]);
  });

  it('never takes a member another community holds now, and leaves rings without history alone', () => {
    const communities = [['a', 'b', 'c'], ['booster', 'y', 'z']];
    keepMembers(communities, [last, []], adj, 0.5);
    expect(communities).toEqual([['a', 'b', 'c', 'old'], ['booster', 'y', 'z']]);
  });

  it('a share bar above the booster’s share drops it too', () => {
    const communities = [['a', 'b', 'c']];
    keepMembers(communities, [['a', 'b', 'c', 'drifter']], adj, 0.2);
    expect(communities).toEqual([['a', 'b', 'c', 'drifter']]); // 1 of 4 = 0.25 ≥ 0.2
  });
});
