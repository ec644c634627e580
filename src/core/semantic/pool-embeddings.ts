/**
 * Turns a transformer's last hidden state into one sentence vector per row.
 *
 * - `cls`: the hidden state of the first token (BGE models are trained this way).
 * - `mean`: the mean over real (unpadded) tokens (sentence-transformers models,
 *   e.g. all-MiniLM-L6-v2).
 *
 * Rows are right-padded, so a row's real tokens are its first `lengths[b]` positions.
 */
import { l2NormalizeInPlace } from './cosine.ts';

export type Pooling = 'cls' | 'mean';

export type HiddenState = {
  /** Flat [batch, seqLen, dims] tensor data. */
  data: Float32Array;
  batch: number;
  seqLen: number;
  dims: number;
  /** Number of real tokens in each row (attention-mask sum). */
  lengths: readonly number[];
};

export function poolEmbeddings(hidden: HiddenState, pooling: Pooling, normalize: boolean): Float32Array[] {
  const { data, batch, seqLen, dims, lengths } = hidden;
  if (data.length !== batch * seqLen * dims) {
    throw new RangeError(`hidden state has ${data.length} values, expected ${batch}×${seqLen}×${dims}`);
  }
  if (lengths.length !== batch) throw new RangeError(`lengths has ${lengths.length} rows, expected ${batch}`);
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const row = b * seqLen * dims;
    const v = new Float32Array(dims);
    if (pooling === 'cls') {
      v.set(data.subarray(row, row + dims));
    } else {
      const n = lengths[b];
      if (n < 1 || n > seqLen) throw new RangeError(`row ${b} has length ${n}, sequence length is ${seqLen}`);
      for (let t = 0; t < n; t++) {
        const off = row + t * dims;
        for (let d = 0; d < dims; d++) v[d] += data[off + d];
      }
      for (let d = 0; d < dims; d++) v[d] /= n;
    }
    out.push(normalize ? l2NormalizeInPlace(v) : v);
  }
  return out;
}
