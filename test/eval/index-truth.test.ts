import { describe, expect, it } from 'vitest';
import { indexTruth } from '../../src/eval/index-truth.ts';
import { buildTruth, T0 } from './_build.ts';

const base = buildTruth({
  rings: [
    { id: 'B', members: ['b1', 'b2', 'b2'], ts: T0 },
    { id: 'A', members: ['a2', 'a1'], ts: T0 },
  ],
  hardNegatives: [
    { group: 'g2', cls: 'viral_product', accounts: ['v1'] },
    { group: 'g1', cls: 'fan_community', accounts: ['f1', 'f2'] },
    { group: 'g0', cls: 'fan_community', accounts: ['f2', 'f3'] },
  ],
  genuine: ['x'],
});
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('indexTruth', () => {
  it('sorts rings, dedupes members and groups hard negatives by class', () => {
    const ti = indexTruth(base);
    expect(ti.rings.map((r) => r.ring_id)).toEqual(['A', 'B']);
    expect(ti.members).toEqual([['a1', 'a2'], ['b1', 'b2']]);
    expect([...ti.classes.keys()]).toEqual(['fan_community', 'viral_product']);
    expect(ti.classes.get('fan_community')!.groups.map((g) => g.group_id)).toEqual(['g0', 'g1']);
    expect([...ti.classes.get('fan_community')!.accounts].sort()).toEqual(['f1', 'f2', 'f3']);
  });

  it('throws EVAL_TRUTH_INCONSISTENT on contradictions', () => {
    expect(code(() => indexTruth({ ...base, genuine_accounts: [...base.genuine_accounts, 'a1'] }))).toBe('EVAL_TRUTH_INCONSISTENT');
    expect(code(() => indexTruth({ ...base, rings: [...base.rings, base.rings[0]] }))).toBe('EVAL_TRUTH_INCONSISTENT');
    expect(code(() => indexTruth({ ...base, genuine_accounts: base.genuine_accounts.filter((a) => a !== 'v1') }))).toBe('EVAL_TRUTH_INCONSISTENT');
    expect(code(() => indexTruth(base))).toBeUndefined();
  });
});
