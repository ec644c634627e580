import { describe, expect, it } from 'vitest';
import { PairStore, pairKey } from '../../../src/core/link/pair-store.ts';

const HALF_LIFE = 3_600_000;
const T0 = Date.UTC(2026, 4, 1);

describe('PairStore', () => {
  it('decays each pair by exp(-λ·Δt) of its own gap, whatever gaps other pairs were brought forward by', () => {
    const s = new PairStore(HALF_LIFE);
    const lambda = Math.LN2 / HALF_LIFE;
    s.add('a', 'b', 'lockstep', 1, T0);
    s.add('c', 'd', 'lockstep', 1, T0);
    const ab = s.pairs.get(pairKey('a', 'b'))!;
    const cd = s.pairs.get(pairKey('c', 'd'))!;
    let [tab, tcd, want] = [T0, T0, 1];
    for (const [gapAb, gapCd] of [[7000, 7000], [7000, 9000], [600_000, 600_000], [5, 7000], [7000, 7000]]) {
      s.decay(ab, (tab += gapAb));
      s.decay(cd, (tcd += gapCd));
      want *= Math.exp(-lambda * gapCd);
      expect(cd.v[3]).toBe(want);
    }
    expect(ab.v[3]).toBe([7000, 7000, 600_000, 5, 7000].reduce((v, g) => v * Math.exp(-lambda * g), 1));
  });

  it('counts the k-th piece of evidence from one source as 1/k, per source', () => {
    const s = new PairStore(1e12);
    s.addFromSource('b', 'a', 'lockstep', 1, T0, 'author1');
    s.addFromSource('a', 'b', 'lockstep', 1, T0, 'author1');
    s.addFromSource('a', 'b', 'lockstep', 1, T0, 'author1');
    s.addFromSource('a', 'b', 'lockstep', 1, T0, 'author2');
    const p = s.pairs.get(pairKey('a', 'b'))!;
    expect(p.v[3]).toBeCloseTo(1 + 1 / 2 + 1 / 3 + 1, 12);
    expect([...p.repeats!]).toEqual([['lockstep|author1', 3], ['lockstep|author2', 1]]);
    expect([...s.dirty]).toEqual([pairKey('a', 'b')]);
  });
});
