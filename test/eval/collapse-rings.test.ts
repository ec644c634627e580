import { describe, expect, it } from 'vitest';
import { collapseRings } from '../../src/eval/collapse-rings.ts';
import { HOUR, iso, ringEvent, T0 } from './_build.ts';

describe('collapseRings', () => {
  it('orders versions, takes membership and score from the latest non-retired one and the first flag time', () => {
    const out = collapseRings([
      ringEvent('r', 3, 'retired', [], T0 + 9 * HOUR, 0),
      ringEvent('r', 2, 'updated', ['b', 'a', 'c', 'a'], T0 + 2 * HOUR, 0.8),
      ringEvent('r', 1, 'flagged', ['a', 'b'], T0 + HOUR, 0.6),
    ]);
    expect(out).toEqual([{ ring_id: 'r', status: 'retired', versions: 3, members: ['a', 'b', 'c'], score: 0.8, detected_at: iso(T0 + HOUR), detected_ms: T0 + HOUR, merged_into: null }]);
  });

  it('a redelivered version keeps the copy seen last', () => {
    const out = collapseRings([ringEvent('r', 1, 'flagged', ['a'], T0, 0.5), ringEvent('r', 1, 'flagged', ['a', 'b'], T0, 0.7)]);
    expect(out[0]).toMatchObject({ versions: 1, members: ['a', 'b'], score: 0.7 });
  });

  it('drops rings that were never flagged or updated, sorts by ring_id', () => {
    const out = collapseRings([
      ringEvent('z', 1, 'flagged', ['a'], T0),
      ringEvent('only-retired', 1, 'retired', ['a'], T0),
      ringEvent('m', 1, 'updated', ['a'], T0),
    ]);
    expect(out.map((r) => r.ring_id)).toEqual(['m', 'z']);
  });

  it('accepts epoch-millisecond strings for detected_at', () => {
    const ev = { ...ringEvent('r', 1, 'flagged', ['a'], T0), detected_at: String(T0 + 5) };
    expect(collapseRings([ev])[0].detected_ms).toBe(T0 + 5);
  });

  it('keeps merged_into of a case whose latest version is merged, with the members of its last flagged/updated version', () => {
    const out = collapseRings([ringEvent('f', 1, 'flagged', ['a', 'b'], T0), ringEvent('f', 2, 'merged', ['a', 'b'], T0, 0.9, 'big')]);
    expect(out[0]).toMatchObject({ status: 'merged', members: ['a', 'b'], merged_into: 'big' });
  });
});
