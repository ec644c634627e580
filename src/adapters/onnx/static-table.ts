/**
 * `models/<id>/static-table.{bin,json}`: a static token-embedding table distilled
 * from the model's transformer by scripts/distill-static-table.ts, read by
 * static-embedder.ts. This file owns the format both sides agree on and the
 * check that a table on disk is complete, intact and distilled from the weights
 * the manifest pins.
 *
 * Format `f32le-rows`: vocabSize × dims Float32 values, little-endian, row-major;
 * row i is token id i. Rows in `zeroRows` (special tokens, [UNK]) are all zero:
 * they carry no content, so they drop out of the sum at inference.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ModelError } from './model-error.ts';
import type { ModelManifest } from './model-manifest.ts';

export const STATIC_TABLE_BIN = 'static-table.bin';
export const STATIC_TABLE_JSON = 'static-table.json';
export const STATIC_TABLE_FORMAT = 'f32le-rows';
/** Bump when the distillation or the inference rule changes: older tables are then refused and rebuilt. */
export const STATIC_TABLE_CODE_VERSION = 1;

export const staticTableCommand = (modelId: string): string => `npx tsx scripts/distill-static-table.ts ${modelId}`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex sha256');

export const StaticTableMetaSchema = z.object({
  format: z.literal(STATIC_TABLE_FORMAT),
  codeVersion: z.number().int(),
  modelId: z.string().min(1),
  dims: z.number().int().positive(),
  vocabSize: z.number().int().positive(),
  /** Token ids whose rows are zero (special tokens and [UNK]). */
  zeroRows: z.array(z.number().int().nonnegative()),
  /** Human-readable description of how the rows were made and how they are combined. */
  method: z.record(z.string(), z.string()),
  /** sha256 of static-table.bin. */
  sha256,
  /** The weights and tokenizer the table was distilled from. */
  source: z.object({ onnxSha256: sha256, tokenizerSha256: sha256 }),
});
export type StaticTableMeta = z.infer<typeof StaticTableMetaSchema>;

export type StaticTable = { meta: StaticTableMeta; rows: Float32Array };

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads and checks a model directory's static table against its manifest.
 * Throws ModelError: `absent` (files missing), `manifest` (metadata invalid,
 * another format or code version, shape mismatch), `checksum` (bin corrupt, or
 * distilled from other weights than the manifest pins). Every message names the
 * command that rebuilds the table.
 */
export async function readStaticTable(modelDir: string, manifest: ModelManifest, verifySha256 = true): Promise<StaticTable> {
  const rebuild = `run \`${staticTableCommand(manifest.id)}\``;
  const jsonPath = path.join(modelDir, STATIC_TABLE_JSON);
  const binPath = path.join(modelDir, STATIC_TABLE_BIN);
  let text: string;
  let bytes: Buffer;
  try {
    [text, bytes] = await Promise.all([readFile(jsonPath, 'utf8'), readFile(binPath)]);
  } catch (err) {
    throw new ModelError('absent', `${manifest.id}: static table missing (${jsonPath} or ${binPath}); ${rebuild}`, err);
  }
  let parsed: ReturnType<typeof StaticTableMetaSchema.safeParse>;
  try {
    parsed = StaticTableMetaSchema.safeParse(JSON.parse(text));
  } catch (err) {
    throw new ModelError('manifest', `${jsonPath} is not valid JSON; ${rebuild}`, err);
  }
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ModelError('manifest', `${jsonPath} is invalid (${where}); ${rebuild}`, parsed.error);
  }
  const meta = parsed.data;
  if (meta.codeVersion !== STATIC_TABLE_CODE_VERSION || meta.modelId !== manifest.id || meta.dims !== manifest.dims) {
    throw new ModelError(
      'manifest',
      `${jsonPath} is for ${meta.modelId} (${meta.dims} dims, code version ${meta.codeVersion}); expected ${manifest.id} (${manifest.dims} dims, code version ${STATIC_TABLE_CODE_VERSION}); ${rebuild}`,
    );
  }
  if (meta.source.onnxSha256 !== manifest.files.onnx.sha256 || meta.source.tokenizerSha256 !== manifest.files.tokenizer.sha256) {
    throw new ModelError('checksum', `${manifest.id}: static table was distilled from other weights than manifest.json pins; ${rebuild}`);
  }
  if (bytes.byteLength !== meta.vocabSize * meta.dims * 4) {
    throw new ModelError('checksum', `${binPath} holds ${bytes.byteLength} bytes, expected ${meta.vocabSize}×${meta.dims}×4; ${rebuild}`);
  }
  if (verifySha256) {
    const got = sha256Hex(bytes);
    if (got !== meta.sha256) throw new ModelError('checksum', `${binPath} has sha256 ${got}, ${STATIC_TABLE_JSON} records ${meta.sha256}; ${rebuild}`);
  }
  return { meta, rows: toFloat32LE(bytes) };
}

/** Float32 rows over little-endian bytes (copied only when misaligned or on a big-endian host). */
function toFloat32LE(bytes: Buffer): Float32Array {
  const le = endianness() === 'LE';
  const buf = le && bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  if (!le) buf.swap32();
  return new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
}

/** Little-endian bytes of Float32 rows (the on-disk form). */
export function fromFloat32(rows: Float32Array): Buffer {
  const bytes = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
  return endianness() === 'BE' ? Buffer.from(bytes).swap32() : bytes;
}
