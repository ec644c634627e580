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

  it("round-trips members' links and evidence weight, and leaves them out where an event had none", () => {
    const e = ringEvent('a', 1, 'flagged', ['x', 'y', 'z'], T0);
    e.members[0] = { ...e.members[0], links: 2, evidence_weight: 3.25 };
    e.members[1] = { ...e.members[1], links: 0, evidence_weight: 0 };
    const rows = ringToRows(e, 0, null);
    expect(rows.members.map((m) => m.links ?? null)).toEqual([2, 0, null]);
    const [back] = ringsFromRows([rows.ring], rows.members);
    expect(back).toStrictEqual(e);
    expect('links' in back.members[2]).toBe(false);
  });
});
