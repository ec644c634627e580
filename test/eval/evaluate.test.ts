import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvalError } from '../../src/eval/eval-error.ts';
import { evaluate } from '../../src/eval/evaluate.ts';
import { buildTruth, HOUR, ids, ringEvent, T0 } from './_build.ts';

/*
 * The hand-built scenario (all figures below are worked out by hand from this comment):
 *  true rings  R1 = a1..a6 (6, large)  R2 = b1..b4 (4)  R3 = c1..c5 (5, large)  R4 = d1..d5 (5, large)
 *  genuine     g1..g10, plus hard negatives viral_product {hv1,hv2}, shared_device_household {hh1..hh4}  → 16
 *  flagged     F1 v1 a1..a5, v2 a1..a6 (score .9)         → R1, Jaccard 1, delay 1 h (v1's detected_at)
 *              F2 b1,b2,b3,hh1,hh2 (score .6)             → R2, Jaccard 3/6 = 0.5 exactly, delay 3 h
 *              F3 g1,g2,hv1 (score .4)                    → false ring
 *              F4 v1 d1..d5 (score .8), v2 retired, empty → R4 (retired still counts), delay 0.5 h
 *              F5 c1..c5 but only ever `retired`          → not a flagged ring; R3 is missed
 */
const R_TS = { R1: T0, R2: T0 + 2 * HOUR, R3: T0 + 4 * HOUR, R4: T0 + 6 * HOUR };
const truth = buildTruth({
  rings: [
    { id: 'R1', members: ids('a', 6), ts: R_TS.R1, strategy: { persona: 'beauty', posts_per_day: 2.54321 } },
    { id: 'R2', members: ids('b', 4), ts: R_TS.R2 },
    { id: 'R3', members: ids('c', 5), ts: R_TS.R3 },
    { id: 'R4', members: ids('d', 5), ts: R_TS.R4 },
  ],
  hardNegatives: [
    { group: 'hv', cls: 'viral_product', accounts: ['hv1', 'hv2'] },
    { group: 'hh', cls: 'shared_device_household', accounts: ids('hh', 4) },
  ],
  genuine: ids('g', 10),
});
const events = [
  ringEvent('F4', 2, 'retired', [], R_TS.R4 + 0.5 * HOUR, 0),
  ringEvent('F1', 1, 'flagged', ids('a', 5), R_TS.R1 + 1 * HOUR, 0.7),
  ringEvent('F2', 1, 'flagged', ['b1', 'b2', 'b3', 'hh1', 'hh2'], R_TS.R2 + 3 * HOUR, 0.6),
  ringEvent('F3', 1, 'flagged', ['g1', 'g2', 'hv1'], T0 + 10 * HOUR, 0.4),
  ringEvent('F1', 2, 'updated', ids('a', 6), R_TS.R1 + 5 * HOUR, 0.9),
  ringEvent('F4', 1, 'flagged', ids('d', 5), R_TS.R4 + 0.5 * HOUR, 0.8),
  ringEvent('F5', 1, 'retired', ids('c', 5), R_TS.R3 + HOUR, 0.9),
];

describe('evaluate on the hand-built scenario', () => {
  const r = evaluate(truth, events);

  it('counts rings and events', () => {
    expect(r.counts).toEqual({
      ring_events: 7,
      true_rings: 4,
      true_rings_large: 3,
      flagged_rings: 4,
      flagged_rings_retired: 1,
      flagged_rings_merged: 0,
      ring_accounts: 6 + 4 + 5 + 5,
      genuine_accounts: 10 + 2 + 4,
      flagged_accounts: 6 + 5 + 3 + 5,
    });
  });

  it('ring precision and recall (3 of 4 flagged match; R3 missed; large: R1, R4 of R1, R3, R4)', () => {
    expect(r.ring).toEqual({ precision: 3 / 4, recall: 3 / 4, recall_large: 2 / 3, matched: 3, matched_large: 2 });
  });

  it('account precision, recall and F1', () => {
    const tp = 6 + 3 + 5;
    expect(r.account.tp).toBe(tp);
    expect(r.account.fp).toBe(19 - tp);
    expect(r.account.fn).toBe(20 - tp);
    expect(r.account.precision).toBeCloseTo(tp / 19, 12);
    expect(r.account.recall).toBeCloseTo(tp / 20, 12);
    expect(r.account.f1).toBeCloseTo((2 * tp) / (19 + 20), 12);
    expect(r.account.unknown_flagged).toBe(0);
  });

  it('false-flag rates overall and per hard-negative class', () => {
    expect(r.false_flags.genuine).toEqual({ flagged: 5, total: 16, rate: 5 / 16 });
    expect(r.false_flags.by_class).toEqual([
      { class: 'shared_device_household', flagged: 2, total: 4, rate: 0.5, groups: 1, groups_hit: 1 },
      { class: 'viral_product', flagged: 1, total: 2, rate: 0.5, groups: 1, groups_hit: 1 },
    ]);
  });

  it('time to detection uses the first flag of the matched ring', () => {
    expect(r.detection.delays_hours).toEqual([0.5, 1, 3]);
    expect(r.detection.median_hours).toBe(1);
    // type-7 p90 of [0.5, 1, 3]: h = 2·0.9 = 1.8 → 1 + 0.8·(3 − 1)
    expect(r.detection.p90_hours).toBeCloseTo(2.6, 12);
  });

  it('per-ring table explains each true ring', () => {
    const byId = Object.fromEntries(r.true_rings.map((t) => [t.ring_id, t]));
    expect(byId.R1).toMatchObject({ size: 6, core_size: 2, large: true, matched_ring_id: 'F1', jaccard: 1, delay_hours: 1, members_flagged: 6 });
    expect(byId.R1.strategy).toBe('persona=beauty; posts_per_day=2.54');
    expect(byId.R2).toMatchObject({ size: 4, large: false, matched_ring_id: 'F2', jaccard: 0.5, delay_hours: 3, members_flagged: 3 });
    expect(byId.R3).toMatchObject({ matched_ring_id: null, jaccard: null, delay_hours: null, best_ring_id: null, best_jaccard: 0, members_flagged: 0 });
    expect(byId.R4).toMatchObject({ matched_ring_id: 'F4', jaccard: 1, delay_hours: 0.5 });
  });

  it('per-flagged-ring table shows composition', () => {
    expect(r.flagged_rings.map((f) => f.ring_id)).toEqual(['F1', 'F2', 'F3', 'F4']);
    const f3 = r.flagged_rings[2];
    expect(f3).toMatchObject({ matched_true_ring_id: null, jaccard: null, ring_members: 0, genuine: 3, unknown: 0, by_class: { viral_product: 1 } });
    expect(r.flagged_rings[1].by_class).toEqual({ shared_device_household: 2 });
    expect(r.flagged_rings[3]).toMatchObject({ status: 'retired', versions: 2, size: 5, score: 0.8 });
  });

  it('PR curve over the distinct scores .9, .8, .6, .4', () => {
    expect(r.pr_curve).toEqual([
      { threshold: 0.9, flagged_rings: 1, matched: 1, precision: 1, recall: 1 / 4, recall_large: 1 / 3 },
      { threshold: 0.8, flagged_rings: 2, matched: 2, precision: 1, recall: 2 / 4, recall_large: 2 / 3 },
      { threshold: 0.6, flagged_rings: 3, matched: 3, precision: 1, recall: 3 / 4, recall_large: 2 / 3 },
      { threshold: 0.4, flagged_rings: 4, matched: 3, precision: 3 / 4, recall: 3 / 4, recall_large: 2 / 3 },
    ]);
  });

  it('a stricter Jaccard threshold drops the exactly-0.5 match', () => {
    const strict = evaluate(truth, events, { jaccardThreshold: 0.51 });
    expect(strict.ring.matched).toBe(2);
    expect(strict.true_rings.find((t) => t.ring_id === 'R2')).toMatchObject({ matched_ring_id: null, best_ring_id: 'F2', best_jaccard: 0.5 });
    expect(strict.detection.delays_hours).toEqual([0.5, 1]);
  });

  it('large-ring size is an option', () => {
    expect(evaluate(truth, events, { largeRingMinSize: 6 }).ring.recall_large).toBe(1);
    expect(evaluate(truth, events, { largeRingMinSize: 4 }).ring.recall_large).toBe(3 / 4);
  });

  it('counts flagged accounts unknown to the truth as false positives', () => {
    const r2 = evaluate(truth, [...events, ringEvent('F9', 1, 'flagged', ['x1', 'x2'], T0, 0.3)]);
    expect(r2.account.unknown_flagged).toBe(2);
    expect(r2.account.fp).toBe(5 + 2);
    expect(r2.false_flags.genuine.flagged).toBe(5);
    expect(r2.flagged_rings.find((f) => f.ring_id === 'F9')).toMatchObject({ unknown: 2, genuine: 0 });
  });
});

describe('evaluate edge cases', () => {
  it('no flagged rings: precision not measurable, recall 0', () => {
    const r = evaluate(truth, []);
    expect(r.ring).toEqual({ precision: null, recall: 0, recall_large: 0, matched: 0, matched_large: 0 });
    expect(r.account).toMatchObject({ precision: null, recall: 0, f1: null });
    expect(r.detection).toEqual({ matched: 0, median_hours: null, p90_hours: null, delays_hours: [] });
    expect(r.pr_curve).toEqual([]);
  });

  it('rejects out-of-range options with EVAL_BAD_OPTION', () => {
    for (const opts of [{ jaccardThreshold: 0 }, { jaccardThreshold: 1.5 }, { largeRingMinSize: 0 }, { largeRingMinSize: 2.5 }]) {
      expect(() => evaluate(truth, events, opts)).toThrowError(expect.objectContaining({ code: 'EVAL_BAD_OPTION' }));
    }
  });

  it('perfect detection of any truth scores 1 everywhere and flags no genuine account', () => {
    const arb = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 5 }), (sizes, nGenuine) => {
        const t = buildTruth({ rings: sizes.map((s, i) => ({ id: `R${i}`, members: ids(`r${i}-`, s), ts: T0 + i * HOUR })), genuine: ids('g', nGenuine) });
        const evs = t.rings.map((ring, i) => ringEvent(`F${i}`, 1, 'flagged', ring.members.map((m) => m.account_id), ring.first_coordinated_ts + HOUR, 0.5 + i / 20));
        const r = evaluate(t, evs);
        expect(r.ring.precision).toBe(1);
        expect(r.ring.recall).toBe(1);
        expect(r.ring.recall_large).toBe(sizes.some((s) => s >= 5) ? 1 : null);
        expect(r.account.f1).toBe(1);
        expect(r.false_flags.genuine.flagged).toBe(0);
        expect(r.detection.delays_hours).toEqual(sizes.map(() => 1));
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('figures stay in [0, 1] and matching stays one-to-one on random streams', () => {
    const accounts = [...ids('a', 6), ...ids('b', 6), ...ids('g', 6)];
    const t = buildTruth({ rings: [{ id: 'A', members: ids('a', 6), ts: T0 }, { id: 'B', members: ids('b', 6), ts: T0 }], genuine: ids('g', 6) });
    const ring = fc.record({ members: fc.subarray(accounts, { minLength: 1 }), score: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(ring, { maxLength: 8 }), (rings) => {
        const r = evaluate(t, rings.map((x, i) => ringEvent(`F${i}`, 1, 'flagged', x.members, T0, x.score)));
        const matched = r.true_rings.flatMap((x) => (x.matched_ring_id ? [x.matched_ring_id] : []));
        expect(new Set(matched).size).toBe(matched.length);
        expect(r.ring.matched).toBe(matched.length);
        for (const v of [r.ring.precision, r.ring.recall, r.account.precision, r.account.recall, r.account.f1, r.false_flags.genuine.rate]) {
          if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
        }
        const last = r.pr_curve.at(-1);
        if (last) expect([last.precision, last.recall]).toEqual([r.ring.precision, r.ring.recall]);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('a bad detected_at is EVAL_BAD_TIMESTAMP', () => {
    const bad = { ...ringEvent('F1', 1, 'flagged', ['a1'], T0), detected_at: 'yesterday' };
    expect(() => evaluate(truth, [bad])).toThrow(EvalError);
    expect(() => evaluate(truth, [bad])).toThrowError(expect.objectContaining({ code: 'EVAL_BAD_TIMESTAMP' }));
  });
});
