import { describe, expect, it } from 'vitest';
import { ActivityStore } from '../../../src/core/cluster/activity-store.ts';
import { ringFeatures } from '../../../src/core/cluster/ring-features.ts';
import type { EdgeRecord } from '../../../src/core/link/score-edge.ts';

const HOUR = 3_600_000;
const edge = (a: string, b: string): EdgeRecord => ({ kind: 'edge', a, b, ts: 0, strong: true, weak: false, signals: { lockstep: 1 }, weight: 1, examples: [] });
const note = (account_id: string, note_id: string, ts: number, target = 'product:p1') => ({ kind: 'note' as const, account_id, note_id, ts, targets: [target] });

describe('ringFeatures', () => {
  it('density and mean degree count only members linked by the given edges', () => {
    const activity = new ActivityStore(30 * 24 * HOUR);
    // a 4-clique plus an unlinked member (attached periphery)
    const clique = [edge('a', 'b'), edge('a', 'c'), edge('a', 'd'), edge('b', 'c'), edge('b', 'd'), edge('c', 'd')];
    const f = ringFeatures(['a', 'b', 'c', 'd', 'e'], clique, activity, 0).evidence;
    expect(f.density).toBe(1);
    expect(f.mean_degree).toBe(3);
    expect(f.linked_members).toBe(4);
    // a star of 9 leaves: density falls with size, mean degree stays near 2
    const star = ringFeatures(['h', ...'123456789'], [...'123456789'].map((x) => edge('h', x)), activity, 0).evidence;
    expect(star.density).toBe(0.2);
    expect(star.mean_degree).toBe(1.8);
    expect(star.linked_members).toBe(10);
    expect(ringFeatures(['x', 'y'], [], activity, 0).evidence.mean_degree).toBe(0);
    expect(ringFeatures(['x', 'y'], [], activity, 0).evidence.linked_members).toBe(0);
  });

  it('synchrony is the share of notes with another member posting within an hour; concentration the share on the top targets', () => {
    const activity = new ActivityStore(30 * 24 * HOUR);
    activity.addNote(note('a', 'n1', 10 * HOUR));
    activity.addNote(note('b', 'n2', 10 * HOUR + 30 * 60_000));
    activity.addNote(note('a', 'n3', 20 * HOUR, 'product:p2'));
    activity.addNote(note('a', 'n4', 40 * HOUR, 'product:p3'));
    activity.addNote(note('b', 'n5', 60 * HOUR, 'product:p4'));
    const f = ringFeatures(['a', 'b'], [edge('a', 'b')], activity, 61 * HOUR).evidence;
    expect(f.synchrony).toBe(0.4); // n1 and n2 only; n3 has only its own author's notes near it
    expect(f.target_concentration).toBe(0.8); // p1 (2 accounts) then two of p2–p4: 4 of 5 notes
    expect(f.top_targets[0]).toEqual({ kind: 'product', id: 'p1', accounts: 2, notes: 2 });
  });
});
