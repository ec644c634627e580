/**
 * The one interface every nearest-neighbour index over unit vectors implements.
 * `exact-index.ts` (linear scan) is the reference; faster indexes are tested
 * against it (recall@k) and must return results in the same order convention.
 */

export type Neighbour = { id: string; similarity: number };

export interface NeighbourIndex {
  readonly dims: number;
  /** Live (not removed) entries. */
  readonly size: number;
  /** Adds `vec` under `id`; an existing `id` is replaced. Vectors are expected to be L2-normalised. */
  add(id: string, vec: Float32Array): void;
  /** Removes `id`; returns false when it was not present. */
  remove(id: string): boolean;
  has(id: string): boolean;
  /**
   * Up to `k` entries with similarity ≥ `minSim` (default -1, i.e. all),
   * sorted by similarity descending, ties by id ascending.
   */
  search(vec: Float32Array, k: number, minSim?: number): Neighbour[];
}

/** The order every index returns: similarity descending, then id ascending. */
export function compareNeighbours(a: Neighbour, b: Neighbour): number {
  if (a.similarity !== b.similarity) return b.similarity - a.similarity;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
