import { describe, expect, it } from 'vitest';
import { fmix32, round, SEED_HI, SEED_LO, shingleHashHi, shingleHashLo, tokenHash } from '../../../src/core/simhash/feature-hash.ts';

/** Deterministic token-hash streams (splitmix-style), so the statistics are reproducible. */
function tokenStream(seed: number, n: number): Int32Array {
  const out = new Int32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    out[i] = fmix32(s);
  }
  return out;
}

describe('feature hashes', () => {
  it('hash a token from its code units (range form equals substring form)', () => {
    expect(tokenHash('xaby', 1, 3)).toBe(tokenHash('ab'));
    expect(tokenHash('a')).not.toBe(tokenHash('b'));
    expect(tokenHash('ab')).not.toBe(tokenHash('ba'));
  });

  it('compute shingle hashes as prefix-incremental runs', () => {
    const t = tokenStream(7, 6);
    let a = SEED_HI;
    let b = SEED_LO;
    for (let n = 1; n <= 6; n++) {
      a = round(a, t[n - 1]);
      b = round(b, t[n - 1]);
      expect(fmix32(a ^ n)).toBe(shingleHashHi(t, 0, n));
      expect(fmix32(b ^ n)).toBe(shingleHashLo(t, 0, n));
    }
  });

  it('depend on token order and shingle length', () => {
    const ab = Int32Array.from([tokenHash('a'), tokenHash('b')]);
    const ba = Int32Array.from([tokenHash('b'), tokenHash('a')]);
    expect(shingleHashHi(ab, 0, 2)).not.toBe(shingleHashHi(ba, 0, 2));
    expect(shingleHashHi(ab, 0, 1)).not.toBe(shingleHashHi(ab, 0, 2));
  });

  it('set each of the 64 bits for about half of all shingles, independently of each other', () => {
    // SimHash treats each fingerprint bit as an independent random hyperplane: each bit
    // must be a fair coin over features, and bits must not be correlated (in particular
    // bit i of the high half must not track bit i of the low half).
    const N = 40000;
    const t = tokenStream(12345, N + 2);
    const bits: Uint8Array[] = Array.from({ length: 64 }, () => new Uint8Array(N));
    for (let i = 0; i < N; i++) {
      const n = 1 + (i % 3);
      const h = shingleHashHi(t, i, n);
      const l = shingleHashLo(t, i, n);
      for (let b = 0; b < 32; b++) {
        bits[b][i] = (l >>> b) & 1;
        bits[32 + b][i] = (h >>> b) & 1;
      }
    }
    const mean = bits.map((col) => col.reduce((s, x) => s + x, 0) / N);
    // 4.5 standard deviations of a fair coin's mean over N draws
    const tol = 4.5 * Math.sqrt(0.25 / N);
    for (const m of mean) expect(Math.abs(m - 0.5)).toBeLessThan(tol);
    let worst = 0;
    for (let x = 0; x < 64; x++) {
      for (let y = x + 1; y < 64; y++) {
        let both = 0;
        for (let i = 0; i < N; i++) both += bits[x][i] & bits[y][i];
        const cov = both / N - mean[x] * mean[y];
        const corr = cov / Math.sqrt(mean[x] * (1 - mean[x]) * mean[y] * (1 - mean[y]));
        worst = Math.max(worst, Math.abs(corr));
      }
    }
    // 2016 pairs; under independence |corr| ~ N(0, 1/sqrt(N)) = 0.005, max ≈ 0.02
    expect(worst).toBeLessThan(0.03);
  });
});
