/**
 * Packs token id sequences into the int64 tensors a BERT-style ONNX graph takes:
 * right-padded to the longest row, attention mask 1 on real tokens, token type 0
 * (single-sentence input).
 */
export type TokenBatch = {
  batch: number;
  seqLen: number;
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  tokenTypeIds: BigInt64Array;
  lengths: number[];
};

export function buildBatch(rows: readonly (readonly number[])[], padId: number): TokenBatch {
  const batch = rows.length;
  const lengths = rows.map((r) => r.length);
  const seqLen = Math.max(1, ...lengths);
  const inputIds = new BigInt64Array(batch * seqLen).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(batch * seqLen);
  const tokenTypeIds = new BigInt64Array(batch * seqLen);
  for (let b = 0; b < batch; b++) {
    const row = rows[b];
    for (let t = 0; t < row.length; t++) {
      inputIds[b * seqLen + t] = BigInt(row[t]);
      attentionMask[b * seqLen + t] = 1n;
    }
  }
  return { batch, seqLen, inputIds, attentionMask, tokenTypeIds, lengths };
}
