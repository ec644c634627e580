import { describe, expect, it } from 'vitest';
import { noteFamilies } from '../../../src/core/cluster/note-families.ts';
import type { EdgeRecord } from '../../../src/core/link/score-edge.ts';
import type { PairExample } from '../../../src/core/link/pair-store.ts';

function edge(a: string, b: string, examples: PairExample[]): EdgeRecord {
  return { kind: 'edge', a, b, ts: 0, strong: true, weak: false, signals: {}, weight: 2, examples };
}
const ex = (signal: PairExample['signal'], a_note: string, b_note: string, similarity: number): PairExample => ({ signal, a_note, b_note, similarity });

describe('noteFamilies', () => {
  it('groups notes joined by near-duplicate or semantic pairs across members, largest family first', () => {
    const edges = [
      edge('u1', 'u2', [ex('near_duplicate', 'n1', 'n2', 0.97), ex('co_target', 'n9', 'n8', 1)]),
      edge('u2', 'u3', [ex('semantic', 'n2', 'n3', 0.96)]),
      edge('u4', 'u5', [ex('near_duplicate', 'm1', 'm2', 0.99)]),
    ];
    const got = noteFamilies(edges, { maxFamilies: 5, maxExamples: 5 });
    expect(got).toEqual([
      { accounts: 3, notes: 3, signals: ['near_duplicate', 'semantic'], min_similarity: 0.96, example_notes: [{ account_id: 'u1', note_id: 'n1' }, { account_id: 'u2', note_id: 'n2' }, { account_id: 'u3', note_id: 'n3' }] },
      { accounts: 2, notes: 2, signals: ['near_duplicate'], min_similarity: 0.99, example_notes: [{ account_id: 'u4', note_id: 'm1' }, { account_id: 'u5', note_id: 'm2' }] },
    ]);
  });

  it('ignores evidence that is not about content and is independent of edge order', () => {
    const edges = [edge('u1', 'u2', [ex('lockstep', 'n1', 'n2', 1)]), edge('u3', 'u4', [ex('semantic', 'k1', 'k2', 0.95)]), edge('u4', 'u5', [ex('semantic', 'k2', 'k3', 0.97)])];
    const a = noteFamilies(edges, { maxFamilies: 5, maxExamples: 2 });
    expect(a).toHaveLength(1);
    expect(a[0].example_notes).toHaveLength(2);
    expect(noteFamilies([...edges].reverse(), { maxFamilies: 5, maxExamples: 2 })).toEqual(a);
  });
});
