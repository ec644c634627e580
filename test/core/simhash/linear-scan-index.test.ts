import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint64, hamming } from '../../../src/core/simhash/fingerprint64.ts';
import { LinearScanIndex } from '../../../src/core/simhash/linear-scan-index.ts';
import { fingerprintIndexContract } from './fingerprint-index.contract.ts';

fingerprintIndexContract('LinearScanIndex', () => new LinearScanIndex<string>());

describe('LinearScanIndex', () => {
  it('returns exactly the fingerprints within k of the query (checked pair by pair)', () => {
    const u32 = fc.integer({ min: 0, max: 0xffffffff });
    const fp = fc.tuple(u32, u32).map(([h, l]) => fingerprint64(h, l));
    fc.assert(
      fc.property(fc.array(fp, { maxLength: 60 }), fp, fc.integer({ min: 0, max: 64 }), (fps, q, k) => {
        const index = new LinearScanIndex<string>();
        fps.forEach((f, i) => index.insert(`i${i}`, f));
        const expected = fps
          .map((f, i) => ({ id: `i${i}`, distance: hamming(f, q) }))
          .filter((h) => h.distance <= k)
          .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
        expect(index.query(q, k)).toEqual(expected);
      }),
    );
  });
});
