/** Seeded unit vectors for index tests: `clusters` centres with Gaussian-ish noise around them. */
import { seededRng } from '../../../src/core/cluster/seeded-rng.ts';

export const mulberry32 = seededRng;

function gaussian(r: () => number): number {
  // Box–Muller; 1 - r() avoids log(0).
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

export function randomUnitVectors(count: number, dims: number, seed: number, clusters = 0, noise = 0.5): Float32Array[] {
  const r = mulberry32(seed);
  const centres = Array.from({ length: clusters }, () => unit(Float32Array.from({ length: dims }, () => gaussian(r))));
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: dims }, () => gaussian(r));
    if (clusters === 0) return unit(v);
    const c = centres[Math.floor(r() * clusters)];
    const scale = noise / Math.sqrt(dims);
    for (let i = 0; i < dims; i++) v[i] = c[i] + v[i] * scale;
    return unit(v);
  });
}
