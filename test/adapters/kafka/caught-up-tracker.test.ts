import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaughtUpTracker } from '../../../src/adapters/kafka/caught-up-tracker.ts';

describe('CaughtUpTracker', () => {
  it('is caught up only when every partition reached its end', () => {
    const t = new CaughtUpTracker();
    t.reset([
      { topic: 'a', partition: 0, position: 0n, end: 2n },
      { topic: 'a', partition: 1, position: 5n, end: 5n },
    ]);
    expect(t.isCaughtUp()).toBe(false);
    t.advance('a', 0, 2n, 2n);
    expect(t.isCaughtUp()).toBe(true);
    t.advance('a', 1, 0n, 7n); // a fresher end seen for partition 1
    expect(t.isCaughtUp()).toBe(false);
    expect(t.topics()).toEqual(['a']);
  });

  it('never moves positions or ends backwards and ignores unassigned partitions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.bigInt({ min: 0n, max: 50n }), fc.bigInt({ min: 0n, max: 50n }))),
        (steps) => {
          const t = new CaughtUpTracker();
          t.reset([0, 1].map((partition) => ({ topic: 'x', partition, position: 0n, end: 0n })));
          const pos = [0n, 0n];
          const end = [0n, 0n];
          for (const [p, next, hw] of steps) {
            t.advance('x', p, next, hw);
            if (p < 2) {
              if (next > pos[p]) pos[p] = next;
              if (hw > end[p]) end[p] = hw;
            }
          }
          expect(t.isCaughtUp()).toBe(pos[0] >= end[0] && pos[1] >= end[1]);
        },
      ),
      { seed: 7 },
    );
  });

  it('an empty assignment is caught up', () => {
    const t = new CaughtUpTracker();
    t.reset([]);
    expect(t.isCaughtUp()).toBe(true);
  });
});
