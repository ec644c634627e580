import { describe, expect, it } from 'vitest';
import type { EdgeRecord } from '../../../src/core/link/score-edge.ts';
import { isAnchored, isBeyondTarget } from '../../../src/core/cluster/edge-kinds.ts';

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
});
