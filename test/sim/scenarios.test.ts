import { describe, expect, it } from 'vitest';
import { SCENARIOS, resolveScenario } from '../../src/sim/scenarios.ts';
import { simulate } from '../../src/sim/simulate.ts';

const REQUIRED = ['demo', 'ci', 'default', 'paraphrase-heavy', 'slow-drip', 'camouflage', 'viral-burst', 'scale'];

describe('SCENARIOS', () => {
  it('defines every required scenario, frozen', () => {
    for (const name of REQUIRED) {
      expect(SCENARIOS[name], name).toBeDefined();
      expect(SCENARIOS[name].name).toBe(name);
      expect(Object.isFrozen(SCENARIOS[name])).toBe(true);
      expect(Object.isFrozen(SCENARIOS[name].rings)).toBe(true);
    }
  });

  it('sizes scenarios as documented', () => {
    expect(SCENARIOS.scale.targetEvents).toBeGreaterThanOrEqual(1_000_000);
    expect(SCENARIOS.default.targetEvents).toBeGreaterThanOrEqual(100_000);
    expect(SCENARIOS.ci.targetEvents).toBe(100_000);
    expect(SCENARIOS.demo.targetEvents).toBeGreaterThanOrEqual(30_000);
    expect(SCENARIOS.demo.targetEvents).toBeLessThanOrEqual(50_000);
    const demoRings = SCENARIOS.demo.rings.count + SCENARIOS.demo.rings.large;
    expect(demoRings).toBeGreaterThanOrEqual(8);
    expect(demoRings).toBeLessThanOrEqual(12);
  });

  it('keeps ring sizes within 5..500', () => {
    for (const s of Object.values(SCENARIOS)) {
      expect(s.rings.sizeMax).toBeLessThanOrEqual(500);
      expect(s.rings.largeMax).toBeLessThanOrEqual(500);
      expect(s.rings.largeMax).toBeGreaterThanOrEqual(100);
    }
  });

  it('rejects unknown scenarios with a usage error', () => {
    expect(() => resolveScenario('nope')).toThrowError(expect.objectContaining({ code: 'RW_USAGE' }));
    expect(() => resolveScenario('toString')).toThrowError(expect.objectContaining({ code: 'RW_USAGE' }));
  });

  it('generates the scale scenario lazily: the first events arrive after a few windows', () => {
    let windows = 0;
    const sim = simulate('scale', 1, { onWindow: (i) => (windows = i + 1) });
    let n = 0;
    let maxTs = 0;
    for (const e of sim.events) {
      maxTs = Math.max(maxTs, typeof e.ts === 'number' ? e.ts : Date.parse(e.ts));
      if (++n >= 2000) break;
    }
    expect(n).toBe(2000);
    const hoursInStream = SCENARIOS.scale.days * 24;
    expect(windows).toBeGreaterThan(0);
    expect(windows).toBeLessThan(hoursInStream / 20);
    expect(maxTs - Date.parse(SCENARIOS.scale.start)).toBeLessThan(2 * 86_400_000);
  });
});
