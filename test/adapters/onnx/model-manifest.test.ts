import { describe, expect, it } from 'vitest';
import { readManifest } from '../../../src/adapters/onnx/model-manifest.ts';
import { MODEL_IDS, modelDir } from './model-dirs.ts';

describe('committed model manifests', () => {
  it.each(MODEL_IDS)('%s is valid and points inside its directory', async (id) => {
    const { manifest, onnxPath, tokenizerPath } = await readManifest(modelDir(id));
    expect(manifest.id).toBe(id);
    expect(onnxPath.startsWith(modelDir(id))).toBe(true);
    expect(tokenizerPath.startsWith(modelDir(id))).toBe(true);
  });

  it('records the pooling each model was trained with', async () => {
    expect((await readManifest(modelDir('bge-small-zh-v15-q'))).manifest).toMatchObject({ pooling: 'cls', dims: 512, licence: 'MIT' });
    expect((await readManifest(modelDir('all-minilm-l6-v2-q'))).manifest).toMatchObject({ pooling: 'mean', dims: 384, licence: 'Apache-2.0' });
  });
});
