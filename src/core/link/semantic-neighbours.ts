/**
 * Semantic neighbours of a new note among recent notes on the same items (exact cosine over the
 * target's bucket: buckets are small because popular targets never link; the approximate HNSW
 * index in src/core/semantic serves global search and is tested against exact search there).
 * Vectors are L2-normalised, so cosine is a dot product.
 */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export interface SemanticHit {
  note_id: string;
  account_id: string;
  cosine: number;
}

export function semanticNeighbours(
  vec: ArrayLike<number>,
  self: string,
  candidates: Iterable<{ note_id: string; account_id: string }>,
  vectors: Map<string, ArrayLike<number>>,
  minCosine: number,
  limit: number,
): SemanticHit[] {
  const hits: SemanticHit[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (c.account_id === self || seen.has(c.note_id)) continue;
    seen.add(c.note_id);
    const v = vectors.get(c.note_id);
    if (!v) continue;
    const cos = dot(vec, v);
    if (cos >= minCosine) hits.push({ note_id: c.note_id, account_id: c.account_id, cosine: cos });
  }
  hits.sort((x, y) => y.cosine - x.cosine || (x.note_id < y.note_id ? -1 : 1));
  return hits.slice(0, limit);
}
