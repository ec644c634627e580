import { describe, expect, it } from 'vitest';
import { ActivityStore } from '../../../src/core/cluster/activity-store.ts';
import { FeatureCache } from '../../../src/core/cluster/feature-cache.ts';
import { ringFeatures } from '../../../src/core/cluster/ring-features.ts';
import type { EdgeRecord } from '../../../src/core/link/score-edge.ts';

const DAY = 86_400_000;
const edge = (a: string, b: string, w: number): EdgeRecord => ({ kind: 'edge', a, b, ts: 0, strong: true, weak: false, signals: { co_target: w }, weight: w, examples: [] });
const note = (account_id: string, note_id: string, ts: number) => ({ kind: 'note' as const, account_id, note_id, ts, targets: ['product:p1'] });

function setup() {
  const activity = new ActivityStore(7 * DAY);
  activity.addNote(note('a', 'n1', 1 * DAY));
  activity.addNote(note('b', 'n2', 1 * DAY + 60_000));
  return { activity, cache: new FeatureCache(activity), members: ['a', 'b'], internal: [edge('a', 'b', 2)] };
}

describe('FeatureCache', () => {
  it('returns the same features as ringFeatures, and reuses them while nothing changed', () => {
    const { activity, cache, members, internal } = setup();
    const first = cache.get('r1', members, internal, 2 * DAY);
    expect(first.evidence).toEqual(ringFeatures(members, internal, activity, 2 * DAY).evidence);
    expect(cache.get('r1', members, [...internal], 3 * DAY)).toBe(first);
  });

  it('recomputes when a member posts, an edge record is replaced, members change or a note ages out', () => {
    const { activity, cache, members, internal } = setup();
    const first = cache.get('r1', members, internal, 2 * DAY);
    activity.addNote(note('a', 'n3', 2 * DAY));
    const afterNote = cache.get('r1', members, internal, 2 * DAY);
    expect(afterNote).not.toBe(first);
    expect(afterNote.evidence.top_targets[0].notes).toBe(3);
    const afterEdge = cache.get('r1', members, [edge('a', 'b', 2)], 2 * DAY);
    expect(afterEdge).not.toBe(afterNote);
    expect(cache.get('r1', ['a', 'b', 'c'], [edge('a', 'b', 2)], 2 * DAY)).not.toBe(afterEdge);
    const again = cache.get('r1', members, internal, 2 * DAY);
    const aged = cache.get('r1', members, internal, 8.5 * DAY); // n1 and n2 fall out of the 7-day window
    expect(aged).not.toBe(again);
    expect(aged.evidence).toEqual(ringFeatures(members, internal, activity, 8.5 * DAY).evidence);
  });

  it('forgets rings that are gone', () => {
    const { cache, members, internal } = setup();
    const first = cache.get('r1', members, internal, 2 * DAY);
    cache.keepOnly(new Set(['r2']));
    expect(cache.get('r1', members, internal, 2 * DAY)).not.toBe(first);
  });
});
