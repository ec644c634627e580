import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MODELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../models');

export const MODEL_IDS = ['bge-small-zh-v15-q', 'all-minilm-l6-v2-q'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export const modelDir = (id: ModelId): string => path.join(MODELS, id);

/** True when `npm run models:fetch` has put the weights in place. */
export const modelFetched = (id: ModelId): boolean =>
  existsSync(path.join(modelDir(id), 'model.onnx')) && existsSync(path.join(modelDir(id), 'tokenizer.json'));

export const FETCH_HINT = 'model files absent — run `npm run models:fetch` (bash models/fetch.sh all) to enable';
