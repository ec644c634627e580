import { describe, expect, it } from 'vitest';
import { IdMint } from '../../src/sim/id-mint.ts';

describe('IdMint', () => {
  it('mints unique 10-char base36 ids', () => {
    const m = new IdMint(1, 'account');
    const ids = Array.from({ length: 50_000 }, () => m.next());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(/^[0-9a-z]{10}$/);
  });

  it('consecutive ids share no visible order (no common prefix runs)', () => {
    const m = new IdMint(5, 'account');
    const ids = Array.from({ length: 2000 }, () => m.next());
    let samePrefix = 0;
    for (let i = 1; i < ids.length; i++) if (ids[i].slice(0, 2) === ids[i - 1].slice(0, 2)) samePrefix++;
    // uniform ids share a 2-char prefix with probability 1/1296
    expect(samePrefix).toBeLessThan(10);
    const sorted = ids.slice().sort();
    expect(sorted).not.toEqual(ids);
  });

  it('depends on seed and kind', () => {
    expect(new IdMint(1, 'note').next()).not.toBe(new IdMint(2, 'note').next());
    expect(new IdMint(1, 'note').next()).not.toBe(new IdMint(1, 'event').next());
  });
});
