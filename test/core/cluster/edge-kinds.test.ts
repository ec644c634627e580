import { describe, expect, it } from 'vitest';
import type { EdgeRecord } from '../../../src/core/link/score-edge.ts';
import { attachWeight, isAnchored, isBeyondTarget } from '../../../src/core/cluster/edge-kinds.ts';

const e = (signals: EdgeRecord['signals']): EdgeRecord => ({ kind: 'edge', a: 'a', b: 'b', ts: 0, strong: false, weak: true, signals, weight: 1, examples: [] });

describe('edge kinds', () => {
  it('anchored: the pair shares content, targets or engagement — not only timing, registration or infrastructure', () => {
    expect(isAnchored(e({ co_target: 0.4, registration_burst: 0.5 }))).toBe(true);
    expect(isAnchored(e({ mutual_engagement: 0.3 }))).toBe(true);
    expect(isAnchored(e({ lockstep: 0.6, registration_burst: 0.5, shared_ip: 1 }))).toBe(false);
  });

  it('beyond target: more than posting about the same target', () => {
    expect(isBeyondTarget(e({ co_target: 0.7, registration_burst: 0.5 }))).toBe(false);
    expect(isBeyondTarget(e({ co_target: 0.7, lockstep: 0.1 }))).toBe(true);
    expect(isBeyondTarget(e({ near_duplicate: 0.9 }))).toBe(true);
    expect(isBeyondTarget(e({ shared_device: 1 }))).toBe(false);
  });

  it('attach weight: corroboration counts only on a weak pair with enough behaviour of its own; strong pairs keep their weight', () => {
    const w = (signals: EdgeRecord['signals'], strong = false): EdgeRecord => ({ ...e(signals), strong, weak: !strong, weight: Object.values(signals).reduce((a, x) => a + (x ?? 0), 0) });
    // a booster liked the creator's note once: 0.15 of engagement, 0.5 of registration time
    expect(attachWeight(w({ mutual_engagement: 0.15, registration_burst: 0.5 }), 0.2)).toBe(0.15);
    // two co-engagements: the registration time corroborates
    expect(attachWeight(w({ lockstep: 0.3, registration_burst: 0.5 }), 0.2)).toBe(0.8);
    // off, or a strong pair: the edge's weight
    expect(attachWeight(w({ mutual_engagement: 0.15, registration_burst: 0.5 }), 0)).toBe(0.65);
    expect(attachWeight(w({ mutual_engagement: 0.15, registration_burst: 0.5 }, true), 0.2)).toBe(0.65);
  });
});
