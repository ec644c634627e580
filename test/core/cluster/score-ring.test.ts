import { describe, expect, it } from 'vitest';
import type { RingEvidence } from '../../../src/contracts/ring.ts';
import { scoreRing } from '../../../src/core/cluster/score-ring.ts';

const base: RingEvidence = {
  size: 10, core_size: 5, density: 0.3, signal_contributions: {}, top_targets: [], example_note_pairs: [], template_families: [],
  posting_histogram: { bucket_ms: 3_600_000, start: '2025-03-01T00:00:00.000Z', counts: [] },
  registration_spread: { known: 10, min: null, max: null, median_gap_ms: null, within_24h_share: 0 },
  shared_infrastructure: { devices: 0, accounts_on_shared_devices: 0, ip_prefixes: 0, accounts_on_shared_ip: 0 },
  synchrony: 0.5, target_concentration: 0.5,
};
const withSignals = (c: Record<string, number>): RingEvidence => ({ ...base, signal_contributions: c });

describe('scoreRing', () => {
  it('infrastructure shares do not dilute the behavioural terms (mix, promotion)', () => {
    const behaviourOnly = scoreRing(withSignals({ co_target: 0.13, mutual_engagement: 0.5, lockstep: 0.37 }));
    // the same behavioural evidence, now 40% of the total next to shared IPs and registration time
    const withInfra = scoreRing(withSignals({ co_target: 0.052, mutual_engagement: 0.2, lockstep: 0.148, shared_ip: 0.4, registration_burst: 0.2 }));
    expect(withInfra).toBe(behaviourOnly);
  });

  it('more agreeing behavioural signals and more shared content score higher; no behaviour scores no mix or promotion', () => {
    const one = scoreRing(withSignals({ lockstep: 1 }));
    const three = scoreRing(withSignals({ lockstep: 0.4, mutual_engagement: 0.3, co_target: 0.3 }));
    expect(three).toBeGreaterThan(one);
    const infraOnly = scoreRing(withSignals({ shared_device: 0.5, registration_burst: 0.5 }));
    expect(infraOnly).toBe(scoreRing(withSignals({})));
  });

  it('density is size-robust: a large ring whose members each have several partners is not penalised for its size', () => {
    const dense = scoreRing({ ...base, size: 8, density: 0.6, mean_degree: 4.2 });
    // 150 linked members with 4 partners each: pair density 0.027
    const large = scoreRing({ ...base, size: 150, density: 0.027, mean_degree: 4 });
    expect(large).toBe(dense);
    // a large group whose members have one partner each stays low, and events written before mean_degree existed score on density alone
    expect(scoreRing({ ...base, size: 150, density: 0.013, mean_degree: 2 })).toBeLessThan(large);
    expect(scoreRing({ ...base, density: 0.15 })).toBe(scoreRing({ ...base, density: 0.15, mean_degree: 0 }));
    expect(scoreRing({ ...base, density: 0.15 })).toBeLessThan(scoreRing({ ...base, density: 0.3 }));
  });

  it('scale: a coordinated core past a handful of accounts earns a bonus; a household-sized group scores as before', () => {
    const family = { ...base, size: 6, density: 1, mean_degree: 5 };
    // up to 6 linked members (a family or a small team on one device or office IP): no bonus, as for events without the field
    expect(scoreRing({ ...family, linked_members: 6 })).toBe(scoreRing(family));
    const at = (n: number) => scoreRing({ ...family, size: n, mean_degree: 5, density: 5 / (n - 1), linked_members: n });
    expect(at(8)).toBeCloseTo(scoreRing(family) + 0.05, 3);
    expect(at(10)).toBeCloseTo(scoreRing(family) + 0.1, 3);
    // full at 10: more members add nothing
    expect(at(40)).toBe(at(10));
    // members tied to two or more others count as well as strongly linked ones: the larger of the two
    expect(scoreRing({ ...family, size: 10, linked_members: 4, tied_members: 10 })).toBe(scoreRing({ ...family, size: 10, linked_members: 10 }));
    expect(scoreRing({ ...family, size: 10, linked_members: 10, tied_members: 3 })).toBe(scoreRing({ ...family, size: 10, linked_members: 10 }));
    // the score stays within [0, 1]
    expect(scoreRing({ ...family, size: 50, synchrony: 1, target_concentration: 1, linked_members: 50, signal_contributions: { co_target: 0.4, lockstep: 0.3, mutual_engagement: 0.3 }, registration_spread: { ...base.registration_spread, within_24h_share: 1 } })).toBe(1);
  });

  it('cohort: a large group registered within one day scores higher than the same group registered over years; a small group gains nothing', () => {
    const reg = (share: number) => ({ ...base.registration_spread, within_24h_share: share });
    const group = (n: number, share: number) => scoreRing({ ...base, size: n, density: 0.5, mean_degree: 5, linked_members: n, registration_spread: reg(share) });
    // the registration term alone: +0.1 × share at any size
    expect(group(5, 1) - group(5, 0)).toBeCloseTo(0.1, 3);
    // at full scale the cohort term doubles it
    expect(group(12, 1) - group(12, 0)).toBeCloseTo(0.2, 3);
    // half scale (8 linked), half registered together: 0.05 + 0.1 × 0.5 × 0.5
    expect(group(8, 0.5) - group(8, 0)).toBeCloseTo(0.075, 3);
  });
});
