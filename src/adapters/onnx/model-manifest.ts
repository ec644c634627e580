/**
 * `models/<id>/manifest.json`: where a sentence encoder comes from, the sha256
 * of its files, and how to turn its output into one vector per text. Any ONNX
 * BERT-style encoder with a tokenizer.json plugs in through one of these.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ModelError } from './model-error.ts';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex sha256');
const file = z.object({ path: z.string().min(1), sha256 });

export const ModelManifestSchema = z.object({
  id: z.string().min(1),
  description: z.string().optional(),
  upstream: z.string().optional(),
  licence: z.string().min(1),
  source: z.object({
    maven: z.string().regex(/^[^:\s]+:[^:\s]+:[^:\s]+$/, 'group:artifact:version'),
    jarSha256: sha256,
    onnxEntry: z.string().min(1),
    tokenizerEntry: z.string().min(1),
  }),
  files: z.object({ onnx: file, tokenizer: file }),
  dims: z.number().int().positive(),
  pooling: z.enum(['cls', 'mean']),
  normalize: z.boolean(),
  maxTokens: z.number().int().min(3),
  queryInstruction: z.string().nullable(),
  queryInstructionNote: z.string().optional(),
  onnx: z.object({
    inputs: z.array(z.enum(['input_ids', 'attention_mask', 'token_type_ids'])).min(1),
    output: z.string().min(1),
  }),
});
export type ModelManifest = z.infer<typeof ModelManifestSchema>;

export type ResolvedManifest = { manifest: ModelManifest; onnxPath: string; tokenizerPath: string };

export async function readManifest(modelDir: string): Promise<ResolvedManifest> {
  const file = path.join(modelDir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ModelError('absent', `no model manifest at ${file}`, err);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ModelError('manifest', `${file} is not valid JSON`, err);
  }
  const parsed = ModelManifestSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ModelError('manifest', `${file} is invalid: ${where}`, parsed.error);
  }
  const manifest = parsed.data;
  return {
    manifest,
    onnxPath: path.join(modelDir, manifest.files.onnx.path),
    tokenizerPath: path.join(modelDir, manifest.files.tokenizer.path),
  };
}
