import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../src/config/params.ts';
import { seededRng } from '../../../src/core/cluster/seeded-rng.ts';
import type { AccountFacts } from '../../../src/core/link/account-linker.ts';
import { DYNAMIC_SIGNALS, type Pair } from '../../../src/core/link/pair-store.ts';
import { scoreEdge, scoreSignals, type EdgeScore } from '../../../src/core/link/score-edge.ts';

const T0 = Date.UTC(2026, 4, 1);

describe('scoreSignals', () => {
  it('scores without a signals object (into a reused result) exactly as scoreEdge does with one', () => {
    const rng = seededRng(7);
    const out: EdgeScore = { weight: 0, strong: false, weak: false };
    const facts = (): AccountFacts => ({ registered_at: rng() < 0.5 ? T0 + Math.floor(rng() * 5 * 86_400_000) : undefined, devices: rng() < 0.3 ? ['d1'] : ['d2'], ips: rng() < 0.3 ? ['i1'] : [] });
    const tiers = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const x = DYNAMIC_SIGNALS.map(() => (rng() < 0.4 ? 0 : rng() * 3));
      const v = Object.fromEntries(DYNAMIC_SIGNALS.map((s, k) => [s, x[k]])) as Record<(typeof DYNAMIC_SIGNALS)[number], number>;
      const pair: Pair = { a: 'a', b: 'b', v: new Float64Array(x), t: T0, examples: [], emitted: false };
      const [fa, fb] = [facts(), facts()];
      const edge = scoreEdge(pair, v, fa, fb, DEFAULTS.link, T0);
      scoreSignals(DYNAMIC_SIGNALS, x, fa, fb, DEFAULTS.link, undefined, out);
      expect(Math.round(out.weight * 1000) / 1000).toBe(edge.weight);
      expect([out.strong, out.weak]).toEqual([edge.strong, edge.weak]);
      tiers.add(edge.strong ? 'strong' : edge.weak ? 'weak' : 'none');
    }
    expect(tiers.size).toBe(3);
  });
});
