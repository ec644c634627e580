import { describe, expect, it } from 'vitest';
import { ringsFromRows, ringToRows } from '../../src/snapshot/ring-rows.ts';
import { ringEvent, T0 } from '../eval/_build.ts';

describe('ring rows', () => {
  it('round-trips flagged and merged events, merged_into included (null column for the others)', () => {
    const events = [ringEvent('a', 1, 'flagged', ['x', 'y'], T0), ringEvent('a', 2, 'merged', ['x', 'y'], T0, 0.9, 'b')];
    const rows = events.map((e, i) => ringToRows(e, i, null));
    expect(rows.map((r) => r.ring.merged_into ?? null)).toEqual([null, 'b']);
    expect(ringsFromRows(rows.map((r) => r.ring), rows.flatMap((r) => r.members))).toStrictEqual(events);
  });
});
