import { describe, expect, it } from 'vitest';
import { createNearDupIndex } from '../../../src/core/simhash/hex-near-dup-index.ts';

describe('createNearDupIndex (NearDupIndex port)', () => {
  it('indexes hex fingerprints and answers in hex terms', () => {
    const index = createNearDupIndex({ maxK: 3 });
    index.insert('a', '00000000000000ff');
    index.insert('b', '00000000000000fe');
    index.insert('c', 'ffffffff00000000');
    expect(index.query('00000000000000ff', 3)).toEqual([
      { id: 'a', distance: 0 },
      { id: 'b', distance: 1 },
    ]);
    index.remove('a');
    expect(index.query('00000000000000ff', 3)).toEqual([{ id: 'b', distance: 1 }]);
  });

  it('rejects malformed fingerprints with RW_INPUT_UNREADABLE', () => {
    const index = createNearDupIndex();
    expect(() => index.insert('a', 'xyz')).toThrow(expect.objectContaining({ code: 'RW_INPUT_UNREADABLE' }));
  });
});
