import { describe, expect, it } from 'vitest';
import { withEmbeddingCache } from '../../../src/adapters/onnx/embedding-cache.ts';
import type { SentenceEncoder } from '../../../src/adapters/onnx/sentence-encoder.ts';

/** A stand-in encoder that records what it was asked to embed (the cache's own logic is under test). */
function fakeEncoder(): SentenceEncoder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: 'fake',
    sha256: 'f'.repeat(64),
    dims: 2,
    maxTokens: 8,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return texts.map((t) => Float32Array.of(t.length, 1));
    },
    async close() {},
  };
}

describe('withEmbeddingCache', () => {
  it('embeds each distinct text once and answers repeats from the cache, in input order', async () => {
    const inner = fakeEncoder();
    const enc = withEmbeddingCache(inner);
    const a = await enc.embed(['aa', 'b', 'aa']);
    expect(a.map((v) => v[0])).toEqual([2, 1, 2]);
    const b = await enc.embed(['ccc', 'b']);
    expect(b.map((v) => v[0])).toEqual([3, 1]);
    expect(inner.calls).toEqual([['aa', 'b'], ['ccc']]);
    expect(enc.stats).toEqual({ hits: 1, misses: 4, size: 3 });
  });

  it('hands out copies, so a caller mutating a vector cannot poison the cache', async () => {
    const enc = withEmbeddingCache(fakeEncoder());
    const [v] = await enc.embed(['x']);
    v[0] = 99;
    expect((await enc.embed(['x']))[0][0]).toBe(1);
  });

  it('evicts the least recently used text beyond maxEntries', async () => {
    const inner = fakeEncoder();
    const enc = withEmbeddingCache(inner, { maxEntries: 2 });
    await enc.embed(['a', 'bb']);
    await enc.embed(['a']); // a is now most recent
    await enc.embed(['ccc']); // evicts bb
    await enc.embed(['a', 'bb']);
    expect(inner.calls).toEqual([['a', 'bb'], ['ccc'], ['bb']]);
  });
});
