/**
 * Token-id parity with the Rust `tokenizers` library. The fixtures were written
 * by fixtures/make-reference.py from the same tokenizer.json files; a mismatch
 * means @huggingface/tokenizers or our truncation diverges from the reference.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTextTokenizer } from '../../../src/adapters/onnx/text-tokenizer.ts';
import { FETCH_HINT, MODEL_IDS, modelDir, modelFetched } from './model-dirs.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
type Reference = { maxTokens: number; tokens: { text: string; ids: number[] }[] };

for (const id of MODEL_IDS) {
  const ref = JSON.parse(readFileSync(path.join(here, 'fixtures', `reference-${id}.json`), 'utf8')) as Reference;

  describe.skipIf(!modelFetched(id))(`text tokenizer parity: ${id}${modelFetched(id) ? '' : ` (skipped: ${FETCH_HINT})`}`, () => {
    it.each(ref.tokens.map((t) => [JSON.stringify(t.text.slice(0, 24)), t] as const))('%s', async (_label, t) => {
      const tok = await loadTextTokenizer(path.join(modelDir(id), 'tokenizer.json'), ref.maxTokens);
      expect(tok.encode(t.text)).toEqual(t.ids);
    });

    it('truncates to maxTokens keeping the closing special token', async () => {
      const tok = await loadTextTokenizer(path.join(modelDir(id), 'tokenizer.json'), 8);
      const ids = tok.encode('今天天气很好我们去公园散步吧');
      expect(ids).toHaveLength(8);
      expect(ids[0]).toBe(101);
      expect(ids[7]).toBe(102);
    });
  });
}

describe.skipIf(!modelFetched('bge-small-zh-v15-q'))('bge vocabulary: one token per Han character', () => {
  it('maps each character to its vocab id between [CLS] and [SEP]', async () => {
    const file = path.join(modelDir('bge-small-zh-v15-q'), 'tokenizer.json');
    const vocab = (JSON.parse(readFileSync(file, 'utf8')) as { model: { vocab: Record<string, number> } }).model.vocab;
    const tok = await loadTextTokenizer(file, 512);
    const text = '这款面霜真的很好用';
    expect(tok.encode(text)).toEqual([vocab['[CLS]'], ...[...text].map((c) => vocab[c]), vocab['[SEP]']]);
  });
});
