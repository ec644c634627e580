import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/sim/rng.ts';

describe('Rng (xoshiro128**)', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 8 }, () => a.nextU32());
    expect(Array.from({ length: 8 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => c.nextU32())).not.toEqual(xs);
  });

  it('draws uniforms in [0, 1) with the right mean', () => {
    const r = new Rng(7);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 20_000).toBeGreaterThan(0.49);
    expect(sum / 20_000).toBeLessThan(0.51);
  });

  it('forks independent, reproducible streams', () => {
    const f1 = new Rng(1).fork('x');
    const f2 = new Rng(1).fork('x');
    const g = new Rng(1).fork('y');
    const a = [f1.nextU32(), f1.nextU32()];
    expect([f2.nextU32(), f2.nextU32()]).toEqual(a);
    expect([g.nextU32(), g.nextU32()]).not.toEqual(a);
  });

  it('samples without replacement', () => {
    const r = new Rng(3);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s = r.sample(items, 20);
    expect(new Set(s).size).toBe(20);
    expect(r.sample(items, 80)).toHaveLength(50);
  });

  it('poisson matches its mean', () => {
    const r = new Rng(9);
    for (const mean of [0.5, 4, 60]) {
      let s = 0;
      for (let i = 0; i < 5000; i++) s += r.poisson(mean);
      expect(Math.abs(s / 5000 - mean)).toBeLessThan(mean * 0.06 + 0.05);
    }
  });
});
