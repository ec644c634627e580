import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/adapters/onnx/model-error.ts';
import { loadEncoder, tryLoadEncoder, type SentenceEncoder } from '../../../src/adapters/onnx/sentence-encoder.ts';
import { dot, norm } from '../../../src/core/semantic/cosine.ts';
import { FETCH_HINT, MODEL_IDS, modelDir, modelFetched, type ModelId } from './model-dirs.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
type Reference = { embeddings: { text: string; vector: number[] }[] };
const reference = (id: ModelId): Reference =>
  JSON.parse(readFileSync(path.join(here, 'fixtures', `reference-${id}.json`), 'utf8')) as Reference;
const manifestOf = (id: ModelId) => JSON.parse(readFileSync(path.join(modelDir(id), 'manifest.json'), 'utf8'));

/** A model dir whose manifest is edited and whose weights are symlinks to the fetched ones. */
function editedModelDir(id: ModelId, edit: (m: Record<string, any>) => void, files = ['model.onnx', 'tokenizer.json']): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rw-model-'));
  const m = manifestOf(id);
  edit(m);
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m));
  for (const f of files) symlinkSync(path.join(modelDir(id), f), path.join(dir, f));
  return dir;
}

for (const id of MODEL_IDS) {
  describe.skipIf(!modelFetched(id))(`sentence encoder: ${id}${modelFetched(id) ? '' : ` (skipped: ${FETCH_HINT})`}`, () => {
    let enc: SentenceEncoder;
    beforeAll(async () => {
      enc = await loadEncoder(modelDir(id));
    });
    afterAll(() => enc?.close());

    it('reports the manifest id, pinned weights sha256 and dims', () => {
      const m = manifestOf(id);
      expect(enc.id).toBe(id);
      expect(enc.sha256).toBe(m.files.onnx.sha256);
      expect(enc.dims).toBe(m.dims);
    });

    it('emits one unit vector per text, in input order', async () => {
      const texts = ['短', '这是一条稍微长一点的笔记，用来测试排序后结果是否回到原来的位置。', 'mid length 中英混合'];
      const out = await enc.embed(texts);
      expect(out).toHaveLength(3);
      for (const v of out) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v.length).toBe(enc.dims);
        expect(norm(v)).toBeCloseTo(1, 5);
      }
      const alone = await enc.embed([texts[1]]);
      expect(Array.from(out[1])).toEqual(Array.from(alone[0]));
      expect(await enc.embed([])).toEqual([]);
    });

    // The reference comes from Python onnxruntime 1.32 + numpy pooling; ours runs
    // onnxruntime-node 1.23. Int8 rounding differs in a few places, giving cosine
    // 0.995–1.0; a wrong pooling mode gives ≤ 0.91 (bge) / ≤ 0.62 (MiniLM).
    it('matches the Python onnxruntime reference embeddings (cosine ≥ 0.99)', async () => {
      const ref = reference(id);
      const out = await enc.embed(ref.embeddings.map((e) => e.text));
      out.forEach((v, i) => expect(dot(v, Float32Array.from(ref.embeddings[i].vector))).toBeGreaterThanOrEqual(0.99));
    });

    it('is a pure function of the text: same vector whatever else is embedded with it', async () => {
      const [a] = await enc.embed(['同一句话在不同批次里']);
      const [, b] = await enc.embed(['另一条完全不同、而且长得多的笔记内容，会改变批次的形状和量化范围', '同一句话在不同批次里']);
      expect(Array.from(b)).toEqual(Array.from(a));
    });

    it('handles an empty string and a text far past maxTokens', async () => {
      const [e, long] = await enc.embed(['', '很长的笔记'.repeat(2000)]);
      expect(norm(e)).toBeCloseTo(1, 5);
      expect(norm(long)).toBeCloseTo(1, 5);
    });
  });
}

describe.skipIf(!modelFetched('bge-small-zh-v15-q'))('bge-small-zh semantic sanity', () => {
  it('scores a Chinese paraphrase pair above an unrelated pair', async () => {
    const enc = await loadEncoder(modelDir('bge-small-zh-v15-q'));
    const [a, para, other] = await enc.embed([
      '姐妹们！这款面霜真的绝了，用了一周皮肤水润透亮',
      '这款面霜我用了一个星期，皮肤变得又水又亮，强烈推荐',
      '今天的地铁太挤了，上班差点迟到',
    ]);
    await enc.close();
    expect(dot(a, para)).toBeGreaterThan(dot(a, other) + 0.2);
  });
});

describe('missing or altered model', () => {
  const missing = path.join(tmpdir(), 'rw-no-such-model');

  it('loadEncoder throws RW_MODEL_MISSING when the directory is absent', async () => {
    const err = await loadEncoder(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect((err as ModelError).code).toBe('RW_MODEL_MISSING');
    expect((err as ModelError).reason).toBe('absent');
  });

  it('tryLoadEncoder returns a warning naming the fetch command instead of throwing', async () => {
    for (const workers of [0, 2]) {
      const res = await tryLoadEncoder(missing, { workers });
      expect(res.encoder).toBeNull();
      expect(res.warning).toContain('npm run models:fetch');
      expect(res.warning).toContain('SimHash');
    }
  });

  it('reports weights absent next to a valid manifest', async () => {
    const dir = editedModelDir('bge-small-zh-v15-q', () => {}, []);
    const err = (await loadEncoder(dir).catch((e: unknown) => e)) as ModelError;
    rmSync(dir, { recursive: true });
    expect(err.code).toBe('RW_MODEL_MISSING');
    expect(err.reason).toBe('absent');
  });

  it('rejects an invalid manifest, naming the key', async () => {
    const dir = editedModelDir('bge-small-zh-v15-q', (m) => (m.pooling = 'max'), []);
    const err = (await loadEncoder(dir).catch((e: unknown) => e)) as ModelError;
    rmSync(dir, { recursive: true });
    expect(err.code).toBe('RW_MODEL_MISSING');
    expect(err.reason).toBe('manifest');
    expect(err.message).toContain('pooling');
  });

  it.skipIf(!modelFetched('bge-small-zh-v15-q'))('rejects weights whose sha256 differs from the manifest', async () => {
    const dir = editedModelDir('bge-small-zh-v15-q', (m) => (m.files.onnx.sha256 = '0'.repeat(64)));
    const err = (await loadEncoder(dir).catch((e: unknown) => e)) as ModelError;
    const res = await tryLoadEncoder(dir);
    rmSync(dir, { recursive: true });
    expect(err.reason).toBe('checksum');
    expect(res.encoder).toBeNull();
  });
});
