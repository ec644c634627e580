import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint64, type Fingerprint64 } from '../../../src/core/simhash/fingerprint64.ts';
import { HammingIndex } from '../../../src/core/simhash/hamming-index.ts';
import { LinearScanIndex } from '../../../src/core/simhash/linear-scan-index.ts';
import { fingerprintIndexContract, flipBits } from './fingerprint-index.contract.ts';

fingerprintIndexContract('HammingIndex', () => new HammingIndex<string>({ maxK: 3, initialCapacity: 16 }));
fingerprintIndexContract('HammingIndex (maxK 6)', () => new HammingIndex<string>({ maxK: 6, initialCapacity: 16 }));
fingerprintIndexContract(
  'HammingIndex (rebuilding every few updates)',
  () => new HammingIndex<string>({ maxK: 3, initialCapacity: 16, minDelta: 3, rebuildFraction: 0.01 }),
);

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const fpArb = fc.tuple(u32, u32).map(([h, l]) => fingerprint64(h, l));
/** Distinct bit positions, as many as `count`. */
const bitsArb = fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: 0, maxLength: 12 });

const scenario = fc
  .record({
    maxK: fc.integer({ min: 0, max: 6 }),
    extraBlocks: fc.integer({ min: 0, max: 2 }),
    background: fc.array(fpArb, { maxLength: 120 }),
    queries: fc.array(
      fc.record({
        q: fpArb,
        // planted neighbours at distances 0..maxK+1 (drawn per neighbour below)
        planted: fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), bitsArb), { maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    removeEvery: fc.integer({ min: 2, max: 5 }),
    minDelta: fc.integer({ min: 1, max: 40 }),
    rebuildFraction: fc.constantFrom(0.01, 0.125, 0.5),
    reinsertFlip: fc.integer({ min: 0, max: 63 }),
  })
  .filter(({ maxK, extraBlocks }) => {
    // keep table counts small enough for a unit test (<= 48 tables)
    const b = maxK + 1 + extraBlocks;
    let c = 1;
    for (let i = 1; i <= maxK; i++) c = (c * (b - maxK + i)) / i;
    return c <= 48;
  });

function plantedAt(q: Fingerprint64, distance: number, bits: number[]): Fingerprint64 {
  const chosen = [...new Set(bits)].slice(0, distance);
  for (let b = 0; chosen.length < distance; b++) if (!chosen.includes(b)) chosen.push(b);
  return flipBits(q, chosen);
}

describe('HammingIndex', () => {
  it('returns exactly the linear scan results (random + planted neighbours, inserts and removals)', () => {
    fc.assert(
      fc.property(scenario, ({ maxK, extraBlocks, background, queries, removeEvery, minDelta, rebuildFraction, reinsertFlip }) => {
        const blocks = maxK + 1 + extraBlocks;
        const fast = new HammingIndex<string>({ maxK, blocks, initialCapacity: 16, minDelta, rebuildFraction });
        const slow = new LinearScanIndex<string>();
        const both = (id: string, fp: Fingerprint64) => {
          fast.insert(id, fp);
          slow.insert(id, fp);
        };
        background.forEach((fp, i) => both(`r${i}`, fp));
        queries.forEach(({ q, planted }, qi) =>
          planted.forEach(([d, bits], pi) => both(`p${qi}-${pi}`, plantedAt(q, Math.min(d, maxK + 1), bits))),
        );
        const removed: string[] = [];
        let n = 0;
        for (const id of [...background.keys()].map((i) => `r${i}`)) {
          if (n++ % removeEvery === 0) {
            expect(fast.remove(id)).toBe(slow.remove(id));
            removed.push(id);
          }
        }
        const agree = () => {
          expect(fast.size).toBe(slow.size);
          for (const { q } of queries) {
            for (let k = 0; k <= maxK; k++) expect(fast.query(q, k)).toEqual(slow.query(q, k));
          }
        };
        agree();
        // Removed ids come back, near the first query's planted neighbours, then some
        // planted ones move away: slots freed from the base and the delta get reused.
        removed.forEach((id, i) => both(id, plantedAt(queries[0].q, i % (maxK + 2), [reinsertFlip, i % 64])));
        queries[0].planted.forEach((_, pi) => both(`p0-${pi}`, flipBits(queries[0].q, [0, 1, 2, 3, 4, 5, 6, 7])));
        agree();
      }),
      { numRuns: 300 },
    );
  });

  it('finds every planted neighbour within maxK and none at maxK + 1', () => {
    for (const maxK of [1, 3, 6]) {
      const index = new HammingIndex<string>({ maxK });
      const q = fingerprint64(0x13579bdf, 0x2468ace0);
      for (let d = 0; d <= maxK + 1; d++) {
        for (let rep = 0; rep < 20; rep++) {
          const bits = Array.from({ length: d }, (_, i) => (rep * 7 + i * 13) % 64);
          index.insert(`d${d}-${rep}`, plantedAt(q, d, bits));
        }
      }
      const hits = index.query(q);
      expect(hits.length).toBe(20 * (maxK + 1));
      expect(Math.max(...hits.map((h) => h.distance))).toBe(maxK);
    }
  });

  it('refuses a radius beyond the one its tables were built for', () => {
    const index = new HammingIndex<string>({ maxK: 3 });
    expect(() => index.query(fingerprint64(0, 0), 4)).toThrow(expect.objectContaining({ code: 'RW_CONFIG_INVALID' }));
  });

  it('rejects impossible layouts with RW_CONFIG_INVALID', () => {
    expect(() => new HammingIndex({ maxK: 3, blocks: 3 })).toThrow(expect.objectContaining({ code: 'RW_CONFIG_INVALID' }));
    expect(() => new HammingIndex({ maxK: 8, blocks: 16 })).toThrow(expect.objectContaining({ code: 'RW_CONFIG_INVALID' }));
  });
});
