/**
 * Approximate nearest neighbours over unit vectors with HNSW
 * (Malkov & Yashunin, "Efficient and robust approximate nearest neighbor search
 * using Hierarchical Navigable Small World graphs", TPAMI 2018), via hnswlib-node
 * in inner-product space: for unit vectors, similarity = 1 − distance.
 *
 * Same contract as ExactIndex; `test/core/semantic/hnsw-index.test.ts` holds it
 * to recall@10 against the exact scan. Removal marks the node deleted and the
 * next insert reuses its slot, so capacity tracks the live set.
 */
import hnswlib from 'hnswlib-node';
import { compareNeighbours, type Neighbour, type NeighbourIndex } from './neighbour-index.ts';

export type HnswIndexOptions = { m: number; efConstruction: number; efSearch: number; initialCapacity: number; seed: number };

export const HNSW_INDEX_DEFAULTS: Readonly<HnswIndexOptions> = Object.freeze({
  /** Graph degree; 16 is hnswlib's recommendation for ~512-d embeddings. */
  m: 16,
  efConstruction: 200,
  /** Beam width at query time (raised to k when k is larger). */
  efSearch: 64,
  initialCapacity: 1024,
  seed: 42,
});

export class HnswIndex implements NeighbourIndex {
  readonly dims: number;
  private readonly options: HnswIndexOptions;
  private readonly index: hnswlib.HierarchicalNSW;
  private readonly labelOf = new Map<string, number>();
  private readonly idOf = new Map<number, string>();
  private nextLabel = 0;
  private deleted = 0;
  private capacity: number;
  private ef = -1;

  constructor(dims: number, options: Partial<HnswIndexOptions> = {}) {
    if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims must be a positive integer, got ${dims}`);
    this.dims = dims;
    this.options = { ...HNSW_INDEX_DEFAULTS, ...options };
    this.capacity = Math.max(16, this.options.initialCapacity);
    this.index = new hnswlib.HierarchicalNSW('ip', dims);
    this.index.initIndex({
      maxElements: this.capacity,
      m: this.options.m,
      efConstruction: this.options.efConstruction,
      randomSeed: this.options.seed,
      allowReplaceDeleted: true,
    });
  }

  get size(): number {
    return this.labelOf.size;
  }

  has(id: string): boolean {
    return this.labelOf.has(id);
  }

  add(id: string, vec: Float32Array): void {
    this.checkDims(vec);
    this.remove(id);
    const reuse = this.deleted > 0;
    if (!reuse && this.labelOf.size >= this.capacity) {
      this.capacity *= 2;
      this.index.resizeIndex(this.capacity);
    }
    const label = this.nextLabel++;
    this.index.addPoint(Array.from(vec), label, reuse);
    if (reuse) this.deleted--;
    this.labelOf.set(id, label);
    this.idOf.set(label, id);
  }

  remove(id: string): boolean {
    const label = this.labelOf.get(id);
    if (label === undefined) return false;
    this.index.markDelete(label);
    this.labelOf.delete(id);
    this.idOf.delete(label);
    this.deleted++;
    return true;
  }

  search(vec: Float32Array, k: number, minSim = -1): Neighbour[] {
    this.checkDims(vec);
    const n = Math.min(k, this.labelOf.size);
    if (n < 1) return [];
    const ef = Math.max(this.options.efSearch, n);
    if (ef !== this.ef) {
      this.index.setEf(ef);
      this.ef = ef;
    }
    const { neighbors, distances } = this.index.searchKnn(Array.from(vec), n);
    const out: Neighbour[] = [];
    for (let i = 0; i < neighbors.length; i++) {
      const id = this.idOf.get(neighbors[i]);
      const similarity = 1 - distances[i];
      if (id !== undefined && similarity >= minSim) out.push({ id, similarity });
    }
    return out.sort(compareNeighbours);
  }

  private checkDims(vec: Float32Array): void {
    if (vec.length !== this.dims) throw new RangeError(`vector has ${vec.length} dims, index has ${this.dims}`);
  }
}
