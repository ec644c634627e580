/**
 * Memoises a SentenceEncoder by exact text. Account matrices post the same
 * text many times; with batch size 1 an embedding is a pure function of its
 * text, so a cached vector is identical to a recomputed one. LRU-bounded.
 */
import type { SentenceEncoder } from './sentence-encoder.ts';

export const EMBEDDING_CACHE_DEFAULTS: Readonly<{ maxEntries: number }> = Object.freeze({ maxEntries: 50_000 });

export type CachedEncoder = SentenceEncoder & { readonly stats: { hits: number; misses: number; size: number } };

export function withEmbeddingCache(encoder: SentenceEncoder, options: Partial<typeof EMBEDDING_CACHE_DEFAULTS> = {}): CachedEncoder {
  const { maxEntries } = { ...EMBEDDING_CACHE_DEFAULTS, ...options };
  const cache = new Map<string, Float32Array>();
  const stats = { hits: 0, misses: 0, size: 0 };

  return {
    id: encoder.id,
    sha256: encoder.sha256,
    dims: encoder.dims,
    maxTokens: encoder.maxTokens,
    stats,
    async embed(texts: string[]): Promise<Float32Array[]> {
      const out = new Array<Float32Array>(texts.length);
      const missing: string[] = [];
      const slot = new Map<string, number>();
      texts.forEach((t, i) => {
        const v = cache.get(t);
        if (v) {
          cache.delete(t); // re-insert: Map order is the LRU order
          cache.set(t, v);
          out[i] = v.slice();
          stats.hits++;
        } else if (!slot.has(t)) {
          slot.set(t, missing.length);
          missing.push(t);
        }
      });
      if (missing.length > 0) {
        const vecs = await encoder.embed(missing);
        missing.forEach((t, j) => {
          cache.set(t, vecs[j]);
          if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
        });
        texts.forEach((t, i) => {
          if (out[i]) return;
          out[i] = vecs[slot.get(t)!].slice();
          stats.misses++;
        });
      }
      stats.size = cache.size;
      return out;
    },
    close: () => encoder.close(),
  };
}
