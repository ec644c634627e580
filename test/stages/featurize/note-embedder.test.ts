import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEncoderPool } from '../../../src/adapters/onnx/encoder-pool.ts';
import { tryLoadGatedEncoder } from '../../../src/adapters/onnx/gated-encoder.ts';
import { ENCODER_DEFAULTS, loadEncoder } from '../../../src/adapters/onnx/sentence-encoder.ts';
import { STATIC_TABLE_BIN } from '../../../src/adapters/onnx/static-table.ts';
import { noteText, toWire } from '../../../src/stages/featurize/note-embedder.ts';
import { makeNoteCorpus } from '../../adapters/onnx/fixtures/note-corpus.ts';
import { FETCH_HINT, modelDir, modelFetched } from '../../adapters/onnx/model-dirs.ts';

const DIR = modelDir('bge-small-zh-v15-q');
const fetched = modelFetched('bge-small-zh-v15-q');
const wire = (vs: Float32Array[]) => vs.map(toWire);

describe('toWire and noteText', () => {
  it('rounds to 1e-4 so a vector survives JSON unchanged', () => {
    const w = toWire(Float32Array.of(0.123456, -0.98768, 1 / 3));
    expect(w).toEqual([0.1235, -0.9877, 0.3333]);
    expect(JSON.parse(JSON.stringify(w))).toEqual(w);
    expect(noteText('t', 'b')).toBe('t\nb');
  });
});

describe.skipIf(!fetched)(`embeddings do not depend on batching${fetched ? '' : ` (skipped: ${FETCH_HINT})`}`, () => {
  // notes of different lengths, so a batch pads and quantises them together
  const texts = makeNoteCorpus(12, 3).map((n) => n.text);

  it('gives a text the same wire vector alone and inside a batch (in process, pool, gated worker)', async () => {
    expect(ENCODER_DEFAULTS.batchSize).toBe(1);
    const enc = await loadEncoder(DIR);
    const alone: number[][] = [];
    for (const t of texts) alone.push(toWire((await enc.embed([t]))[0]));
    expect(wire(await enc.embed(texts))).toEqual(alone);
    expect(wire(await enc.embed([...texts].reverse())).reverse()).toEqual(alone);
    await enc.close();

    const pool = await loadEncoderPool(DIR, { workers: 2, chunkSize: 5 });
    expect(wire(await pool.embed(texts))).toEqual(alone);
    await pool.close();

    if (existsSync(path.join(DIR, STATIC_TABLE_BIN))) {
      const gated = (await tryLoadGatedEncoder(DIR, { gate: { windowMs: 1, minCosine: 1 } })).encoder!;
      expect(wire(await gated.embed(texts))).toEqual(alone);
      await gated.close();
    }
  }, 120_000);

  it('would not with batched inference: the int8 model quantises activations per batch (why batch 1)', async () => {
    const enc = await loadEncoder(DIR);
    const alone = wire(await enc.embed(texts));
    await enc.close();
    const batched = await loadEncoder(DIR, { batchSize: 8 });
    const together = wire(await batched.embed(texts));
    await batched.close();
    expect(together.filter((v, i) => JSON.stringify(v) !== JSON.stringify(alone[i])).length).toBeGreaterThan(0);
  }, 120_000);
});
