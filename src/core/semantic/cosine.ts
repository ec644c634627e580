/**
 * Vector similarity for sentence embeddings. Encoders in this project emit
 * L2-normalised vectors, so cosine similarity is the dot product; `cosine`
 * still divides by the norms so it is safe on vectors of any length.
 */

export type Vector = Float32Array;

export function dot(a: Vector, b: Vector): number {
  if (a.length !== b.length) throw new RangeError(`dimension mismatch: ${a.length} vs ${b.length}`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(v: Vector): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosine(a: Vector, b: Vector): number {
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dot(a, b) / d;
}

/** Scales `v` to unit length in place and returns it; an all-zero vector is left as is. */
export function l2NormalizeInPlace(v: Vector): Vector {
  const n = norm(v);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}
