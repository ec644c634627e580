import { describe, expect, it } from 'vitest';
import { graph } from './_graph.ts';
import { mergeFragments } from '../../../src/core/cluster/merge-fragments.ts';

const clique = (ms: string[], w: number): [string, string, number][] => ms.flatMap((a, i) => ms.slice(i + 1).map((b): [string, string, number] => [a, b, w]));
const O = { minWeight: 3, minPerMember: 1, minInternalRatio: 1 };

describe('mergeFragments', () => {
  const big = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
  const other = ['b1', 'b2', 'b3', 'b4', 'b5'];

  it('merges a fragment tied to the larger community more than it holds together', () => {
    const frag = ['f1', 'f2'];
    const adj = graph([...clique(big, 2), ['f1', 'f2', 1], ...frag.flatMap((f) => big.slice(0, 3).map((a): [string, string, number] => [f, a, 1]))]);
    expect(mergeFragments([big, frag], adj, O)).toEqual([[...big, ...frag].sort()]);
  });

  it('does not merge a cohesive ring whose cross evidence is less than its internal evidence', () => {
    const cross = other.flatMap((b) => big.slice(0, 2).map((a): [string, string, number] => [b, a, 1])); // 10
    const adj = graph([...clique(big, 2), ...clique(other, 2), ...cross]); // other's internal = 20
    expect(mergeFragments([big, other], adj, O)).toEqual([big, other]);
    expect(mergeFragments([big, other], adj, { ...O, minInternalRatio: 0.5 })).toEqual([[...big, ...other].sort()]);
  });

  it('a small group tied to two rings joins only the one it is most tied to (no chaining)', () => {
    const frag = ['f1', 'f2'];
    const adj = graph([
      ...clique(big, 2),
      ...clique(other, 2),
      ...frag.flatMap((f) => big.slice(0, 3).map((a): [string, string, number] => [f, a, 1])), // 6 to big
      ...frag.flatMap((f) => other.slice(0, 2).map((b): [string, string, number] => [f, b, 1])), // 4 to other
    ]);
    expect(mergeFragments([big, other, frag], adj, O)).toEqual([[...big, ...frag].sort(), other]);
  });
});
