/** A seeded stream of publish notes for gate tests: few accounts, few items, clustered static vectors. */
import { seededRng } from '../../../src/core/cluster/seeded-rng.ts';
import type { GateInputNote } from '../../../src/core/semantic/gate-batch.ts';
import { randomUnitVectors } from './random-unit-vectors.ts';

export const HOUR = 3_600_000;

export interface GateStream {
  notes: GateInputNote[];
  /** Static vector of each note's text. */
  vectorOf: Map<string, Float32Array>;
}

export function gateStream(seed: number, count = 300, opts: { accounts?: number; items?: number; gapMs?: number; dims?: number } = {}): GateStream {
  const r = seededRng(seed);
  const { accounts = 12, items = 6, gapMs = 2 * HOUR, dims = 32 } = opts;
  // few, tight clusters: many cross-account pairs pass a high threshold, most do not
  const vecs = randomUnitVectors(count, dims, seed + 1, 25, 0.25);
  const notes: GateInputNote[] = [];
  const vectorOf = new Map<string, Float32Array>();
  let ts = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    ts += Math.floor(r() * gapMs);
    const k1 = `product:p${Math.floor(r() * items)}`;
    const keys = r() < 0.3 ? [k1, `merchant:m${Math.floor(r() * 3)}`] : [k1];
    const text = `text-${i}`;
    vectorOf.set(text, vecs[i]);
    notes.push({ note_id: `n${i}`, account_id: `a${Math.floor(r() * accounts)}`, ts, keys, text });
  }
  return { notes, vectorOf };
}
