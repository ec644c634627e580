import { describe, expect, it } from 'vitest';
import { collapseRings } from '../../src/eval/collapse-rings.ts';
import { evaluate } from '../../src/eval/evaluate.ts';
import { foldMerged } from '../../src/eval/fold-merged.ts';
import { buildTruth, HOUR, ids, ringEvent, T0 } from './_build.ts';

describe('foldMerged', () => {
  it('folds a merged case (transitively) into its survivor, which keeps the earliest first flag', () => {
    const { rings, merged } = foldMerged(
      collapseRings([
        ringEvent('a', 1, 'flagged', ['x1', 'x2'], T0 + HOUR),
        ringEvent('a', 2, 'merged', ['x1', 'x2'], T0 + HOUR, 0.9, 'b'),
        ringEvent('b', 1, 'flagged', ['x3', 'x4'], T0 + 2 * HOUR),
        ringEvent('b', 2, 'merged', ['x3', 'x4'], T0 + 2 * HOUR, 0.9, 'c'),
        ringEvent('c', 1, 'flagged', ['x1', 'x2', 'x3', 'x4', 'x5'], T0 + 5 * HOUR),
        ringEvent('d', 1, 'flagged', ['y1'], T0),
      ]),
    );
    expect(rings.map((r) => [r.ring_id, r.detected_ms, r.merged_from])).toEqual([
      ['c', T0 + HOUR, ['a', 'b']],
      ['d', T0, []],
    ]);
    expect(merged.map((r) => r.ring_id)).toEqual(['a', 'b']);
  });

  it('keeps a merged case whose successor is not in the stream as a ring of its own', () => {
    const { rings, merged } = foldMerged(collapseRings([ringEvent('a', 1, 'flagged', ['x'], T0), ringEvent('a', 2, 'merged', ['x'], T0, 0.9, 'gone')]));
    expect(rings.map((r) => r.ring_id)).toEqual(['a']);
    expect(merged).toEqual([]);
  });

  it('does not loop on a merge cycle', () => {
    const { rings } = foldMerged(
      collapseRings([
        ringEvent('a', 1, 'flagged', ['x'], T0),
        ringEvent('a', 2, 'merged', ['x'], T0, 0.9, 'b'),
        ringEvent('b', 1, 'flagged', ['y'], T0),
        ringEvent('b', 2, 'merged', ['y'], T0, 0.9, 'a'),
      ]),
    );
    expect(rings.map((r) => r.ring_id).sort()).toEqual(['a', 'b']);
  });
});

describe('evaluate with merged cases', () => {
  // R1 = a1..a10 starts at T0. Fragment F1 (a1..a3) is flagged at +1 h and merged into F2
  // (a1..a10, first flagged at +4 h). F3 (a4, g1, g2) is merged into F2 too but F2 never took g1, g2.
  const truth = buildTruth({ rings: [{ id: 'R1', members: ids('a', 10), ts: T0 }], genuine: ids('g', 20) });
  const events = [
    ringEvent('F1', 1, 'flagged', ids('a', 3), T0 + HOUR),
    ringEvent('F3', 1, 'flagged', ['a4', 'g1', 'g2'], T0 + 2 * HOUR),
    ringEvent('F2', 1, 'flagged', ids('a', 10), T0 + 4 * HOUR),
    ringEvent('F1', 2, 'merged', ids('a', 3), T0 + HOUR, 0.9, 'F2'),
    ringEvent('F3', 2, 'merged', ['a4', 'g1', 'g2'], T0 + 2 * HOUR, 0.9, 'F2'),
  ];
  const r = evaluate(truth, events);

  it('counts the survivor once and the merged cases apart', () => {
    expect(r.counts.flagged_rings).toBe(1);
    expect(r.counts.flagged_rings_merged).toBe(2);
    expect(r.ring.precision).toBe(1);
    expect(r.flagged_rings[0].merged_from).toEqual(['F1', 'F3']);
  });

  it('times detection from the earliest first flag of the lineage', () => {
    expect(r.detection.delays_hours).toEqual([1]);
  });

  it('still counts accounts only a merged case held as flagged', () => {
    expect(r.false_flags.genuine.flagged).toBe(2);
    expect(r.account.fp).toBe(2);
  });

  it('without the merge events the fragments are false rings', () => {
    const plain = evaluate(truth, events.filter((e) => e.status !== 'merged'));
    expect(plain.ring.precision).toBeCloseTo(1 / 3, 12);
    expect(plain.detection.delays_hours).toEqual([4]);
  });
});
