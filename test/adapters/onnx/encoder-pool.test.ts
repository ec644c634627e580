import { describe, expect, it } from 'vitest';
import { loadEncoderPool } from '../../../src/adapters/onnx/encoder-pool.ts';
import { ModelError } from '../../../src/adapters/onnx/model-error.ts';
import { loadEncoder } from '../../../src/adapters/onnx/sentence-encoder.ts';
import { makeNoteCorpus } from './fixtures/note-corpus.ts';
import { FETCH_HINT, modelDir, modelFetched } from './model-dirs.ts';

const fetched = modelFetched('bge-small-zh-v15-q');

describe.skipIf(!fetched)(`encoder pool (worker threads)${fetched ? '' : ` (skipped: ${FETCH_HINT})`}`, () => {
  it('returns the same vectors as the in-process encoder, in input order', async () => {
    const texts = makeNoteCorpus(40, 5).map((n) => n.text);
    const single = await loadEncoder(modelDir('bge-small-zh-v15-q'));
    const want = await single.embed(texts);
    await single.close();
    const pool = await loadEncoderPool(modelDir('bge-small-zh-v15-q'), { workers: 2, chunkSize: 3 });
    try {
      expect(pool.id).toBe('bge-small-zh-v15-q');
      const [got, again] = await Promise.all([pool.embed(texts), pool.embed(texts.slice(0, 5))]);
      expect(got.map((v) => Array.from(v))).toEqual(want.map((v) => Array.from(v)));
      expect(again.map((v) => Array.from(v))).toEqual(want.slice(0, 5).map((v) => Array.from(v)));
    } finally {
      await pool.close();
    }
    await expect(pool.embed(['x'])).rejects.toThrow(/closed/);
  }, 60_000);
});

describe('encoder pool without a model', () => {
  it('rejects with RW_MODEL_MISSING and leaves no workers behind', async () => {
    const err = (await loadEncoderPool('/nonexistent/model', { workers: 2 }).catch((e: unknown) => e)) as ModelError;
    expect(err).toBeInstanceOf(ModelError);
    expect(err.code).toBe('RW_MODEL_MISSING');
    expect(err.reason).toBe('absent');
  });
});
