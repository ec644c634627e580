import { describe, expect, it } from 'vitest';
import { buildBatch } from '../../../src/adapters/onnx/build-batch.ts';

describe('buildBatch', () => {
  it('right-pads to the longest row with the pad id and masks the padding', () => {
    const b = buildBatch([[101, 7, 102], [101, 102]], 0);
    expect(b).toMatchObject({ batch: 2, seqLen: 3, lengths: [3, 2] });
    expect(Array.from(b.inputIds)).toEqual([101n, 7n, 102n, 101n, 102n, 0n]);
    expect(Array.from(b.attentionMask)).toEqual([1n, 1n, 1n, 1n, 1n, 0n]);
    expect(Array.from(b.tokenTypeIds)).toEqual([0n, 0n, 0n, 0n, 0n, 0n]);
  });

  it('uses the tokenizer pad id', () => {
    expect(Array.from(buildBatch([[5], [5, 6]], 9).inputIds)).toEqual([5n, 9n, 5n, 6n]);
  });
});
