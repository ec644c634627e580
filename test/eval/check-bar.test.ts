import { describe, expect, it } from 'vitest';
import { BAR_DEFAULTS, checkBar } from '../../src/eval/check-bar.ts';
import type { EvalResult } from '../../src/eval/eval-result.ts';
import { evaluate } from '../../src/eval/evaluate.ts';
import { buildTruth, HOUR, ids, ringEvent, T0 } from './_build.ts';

/** 20 rings of 5, 1000 genuine accounts of which 20 are a fan community; detection delays in hours given. */
function scenario(opts: { found: number; delays?: number[]; extraRings?: string[][] }): EvalResult {
  const rings = Array.from({ length: 20 }, (_, i) => ({ id: `R${String(i).padStart(2, '0')}`, members: ids(`r${i}-`, 5), ts: T0 }));
  const truth = buildTruth({ rings, hardNegatives: [{ group: 'fc', cls: 'fan_community', accounts: ids('fan', 20) }], genuine: ids('g', 980) });
  const events = rings.slice(0, opts.found).map((r, i) => ringEvent(`F${i}`, 1, 'flagged', r.members, T0 + (opts.delays?.[i] ?? 1) * HOUR));
  (opts.extraRings ?? []).forEach((m, i) => events.push(ringEvent(`X${i}`, 1, 'flagged', m, T0)));
  return evaluate(truth, events);
}

describe('checkBar', () => {
  it('has the frozen bar from the issue', () => {
    expect(BAR_DEFAULTS).toEqual({
      minLargeRingRecall: 0.95,
      minRingPrecision: 0.98,
      minAccountF1: 0.95,
      maxGenuineFalseFlagRate: 0.001,
      maxHardNegativeFalseFlagRate: 0.001,
      maxMedianDelayHours: 2,
    });
    expect(Object.isFrozen(BAR_DEFAULTS)).toBe(true);
  });

  it('passes at the exact boundary: recall 19/20 = 0.95, median delay 2 h', () => {
    const r = scenario({ found: 19, delays: Array(19).fill(2) });
    expect(r.ring.recall_large).toBe(0.95);
    // account F1 = 2·95/(95+100) ≈ 0.974
    expect(checkBar(r)).toEqual({ pass: true, failures: [] });
  });

  it('fails recall at 18/20 (which also takes account F1 to 180/190 ≈ 0.947) and delay above 2 h', () => {
    const r = scenario({ found: 18, delays: Array(18).fill(2.5) });
    expect(r.account.f1).toBeCloseTo(180 / 190, 12);
    const { pass, failures } = checkBar(r);
    expect(pass).toBe(false);
    expect(failures.map((f) => f.split(':')[0])).toEqual(['ring recall (≥5 accounts)', 'account F1', 'median time to detection (h)']);
  });

  it('fails precision and the per-class and genuine rates when a fan community is flagged', () => {
    // one false ring {fan1, g1}: precision 20/21 < .98; genuine 2/1000 > .001; fan 1/20 > .001; F1 200/202 ok
    const r = scenario({ found: 20, extraRings: [['fan1', 'g1']] });
    const { failures } = checkBar(r);
    expect(failures.map((f) => f.split(':')[0])).toEqual(['ring precision', 'genuine false-flag rate', 'false-flag rate fan_community']);
    // exactly 1 of 1000 genuine accounts = 0.001 is still within the bar
    const r2 = scenario({ found: 20, extraRings: [['g1']] });
    expect(r2.false_flags.genuine.rate).toBe(0.001);
    expect(checkBar(r2, { minRingPrecision: 0.95 })).toEqual({ pass: true, failures: [] });
  });

  it('a figure that is not measurable fails', () => {
    const r = scenario({ found: 0 });
    const { failures } = checkBar(r);
    expect(failures.map((f) => f.split(':')[0])).toEqual(['ring recall (≥5 accounts)', 'ring precision', 'account F1', 'median time to detection (h)']);
    expect(failures.slice(1).every((f) => f.includes('not measurable'))).toBe(true);
  });

  it('rejects a non-finite bar value', () => {
    expect(() => checkBar(scenario({ found: 20 }), { minAccountF1: Number.NaN })).toThrowError(expect.objectContaining({ code: 'EVAL_BAD_OPTION' }));
  });
});
