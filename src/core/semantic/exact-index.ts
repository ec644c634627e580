/**
 * Exact nearest neighbours by linear scan over a packed matrix of unit vectors.
 * The reference that approximate indexes are measured against; also the right
 * choice below a few thousand entries, where a scan costs less than a graph walk.
 */
import { compareNeighbours, type Neighbour, type NeighbourIndex } from './neighbour-index.ts';

export const EXACT_INDEX_DEFAULTS: Readonly<{ initialCapacity: number }> = Object.freeze({ initialCapacity: 1024 });

export class ExactIndex implements NeighbourIndex {
  readonly dims: number;
  private matrix: Float32Array;
  private ids: string[] = [];
  private slotOf = new Map<string, number>();

  constructor(dims: number, options: Partial<typeof EXACT_INDEX_DEFAULTS> = {}) {
    if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims must be a positive integer, got ${dims}`);
    const { initialCapacity } = { ...EXACT_INDEX_DEFAULTS, ...options };
    this.dims = dims;
    this.matrix = new Float32Array(Math.max(1, initialCapacity) * dims);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  add(id: string, vec: Float32Array): void {
    this.checkDims(vec);
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      if ((slot + 1) * this.dims > this.matrix.length) {
        const grown = new Float32Array(this.matrix.length * 2);
        grown.set(this.matrix);
        this.matrix = grown;
      }
      this.ids.push(id);
      this.slotOf.set(id, slot);
    }
    this.matrix.set(vec, slot * this.dims);
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const last = this.ids.length - 1;
    if (slot !== last) {
      // Move the last row into the hole so the matrix stays packed.
      const lastId = this.ids[last];
      this.matrix.copyWithin(slot * this.dims, last * this.dims, (last + 1) * this.dims);
      this.ids[slot] = lastId;
      this.slotOf.set(lastId, slot);
    }
    this.ids.pop();
    this.slotOf.delete(id);
    return true;
  }

  search(vec: Float32Array, k: number, minSim = -1): Neighbour[] {
    this.checkDims(vec);
    if (k < 1 || this.ids.length === 0) return [];
    const { dims, matrix } = this;
    // Keep the best k in a small array sorted with the same comparator the callers see.
    const best: Neighbour[] = [];
    for (let s = 0; s < this.ids.length; s++) {
      let sim = 0;
      const off = s * dims;
      for (let d = 0; d < dims; d++) sim += matrix[off + d] * vec[d];
      if (sim < minSim) continue;
      if (best.length === k) {
        const worst = best[k - 1];
        if (sim < worst.similarity || (sim === worst.similarity && this.ids[s] > worst.id)) continue;
      }
      const cand = { id: this.ids[s], similarity: sim };
      let i = best.length < k ? best.length : k - 1;
      if (best.length < k) best.push(cand);
      while (i > 0 && compareNeighbours(cand, best[i - 1]) < 0) {
        best[i] = best[i - 1];
        i--;
      }
      best[i] = cand;
    }
    return best;
  }

  private checkDims(vec: Float32Array): void {
    if (vec.length !== this.dims) throw new RangeError(`vector has ${vec.length} dims, index has ${this.dims}`);
  }
}
