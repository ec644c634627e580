/**
 * Random-looking, collision-free identifiers. A counter is pushed through a keyed Feistel
 * permutation over 52 bits (cycle-walking into [0, 36^10)), then written in base36. Every kind
 * of account (genuine, ring, hard negative) draws from the same minter, so ids carry no hint
 * of who created them or in what order.
 */
import { hashLabel } from './rng.ts';

const HALF_BITS = 26;
const HALF_MASK = (1 << HALF_BITS) - 1;
const HALF_SIZE = 1 << HALF_BITS;
const LIMIT = 36 ** 10;
const ROUNDS = 4;

function roundFn(x: number, key: number): number {
  let h = Math.imul(x ^ key, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  h ^= h >>> 13;
  return h & HALF_MASK;
}

export class IdMint {
  private counter = 0;
  private readonly keys: number[];

  constructor(seed: number, kind: string) {
    this.keys = [];
    for (let r = 0; r < ROUNDS; r++) this.keys.push(hashLabel(`${kind}:${seed}:${r}`));
  }

  private permute(x: number): number {
    let hi = Math.floor(x / HALF_SIZE);
    let lo = x & HALF_MASK;
    for (let r = 0; r < ROUNDS; r++) {
      const t = lo;
      lo = (hi ^ roundFn(lo, this.keys[r])) & HALF_MASK;
      hi = t;
    }
    return hi * HALF_SIZE + lo;
  }

  /** Next id: 10 base36 characters. */
  next(): string {
    let v = this.permute(this.counter++);
    while (v >= LIMIT) v = this.permute(v);
    return v.toString(36).padStart(10, '0');
  }
}
