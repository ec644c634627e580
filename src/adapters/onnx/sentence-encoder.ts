/**
 * A sentence encoder on CPU: tokenizer.json + ONNX BERT-style graph → one
 * pooled, L2-normalised Float32Array per text. Configured by
 * models/<id>/manifest.json; weights come from `npm run models:fetch`.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import ort from 'onnxruntime-node';
import { poolEmbeddings } from '../../core/semantic/pool-embeddings.ts';
import { buildBatch } from './build-batch.ts';
import { loadEncoderPool } from './encoder-pool.ts';
import { MODEL_FETCH_COMMAND, ModelError } from './model-error.ts';
import { readManifest, type ModelManifest } from './model-manifest.ts';
import { loadTextTokenizer, type TextTokenizer } from './text-tokenizer.ts';

export type EncoderOptions = { intraOpNumThreads: number; batchSize: number; verifySha256: boolean };

export const ENCODER_DEFAULTS: Readonly<EncoderOptions> = Object.freeze({
  /**
   * Threads one ONNX session uses inside an operator. 2 threads cost about twice
   * the CPU per note at these sizes (bench: ~60 vs ~120 notes per CPU-second);
   * for parallelism use encoder-pool.ts (one single-threaded session per worker).
   */
  intraOpNumThreads: 1,
  /**
   * Texts per forward pass. 1, because (a) the int8 model quantises activations
   * with one scale per tensor, so a text's vector shifts slightly with whatever
   * else shares its batch (cosine ≈ 0.995 to itself) — batch 1 keeps embeddings
   * a pure function of the text; (b) bench/embedding.ts measured batch 1 at least
   * as fast per core as 8 or 32 on 100–300-character notes.
   */
  batchSize: 1,
  /** Hash the weights at load and refuse files that differ from the manifest (~0.1 s). */
  verifySha256: true,
});

export type SentenceEncoder = {
  /** Manifest id, e.g. "bge-small-zh-v15-q". */
  id: string;
  /** sha256 of the ONNX weights, stamped on features for provenance. */
  sha256: string;
  dims: number;
  maxTokens: number;
  embed(texts: string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
};

export type TryLoadResult = { encoder: SentenceEncoder; warning: null } | { encoder: null; warning: string };

export async function loadEncoder(modelDir: string, options: Partial<EncoderOptions> = {}): Promise<SentenceEncoder> {
  const opts = { ...ENCODER_DEFAULTS, ...options };
  const { manifest, onnxPath, tokenizerPath } = await readManifest(modelDir);
  for (const f of [onnxPath, tokenizerPath]) {
    try {
      await access(f);
    } catch (err) {
      throw new ModelError('absent', `${manifest.id}: ${f} is missing; run \`${MODEL_FETCH_COMMAND}\``, err);
    }
  }
  if (opts.verifySha256) {
    for (const [f, want] of [
      [onnxPath, manifest.files.onnx.sha256],
      [tokenizerPath, manifest.files.tokenizer.sha256],
    ] as const) {
      const got = await sha256File(f);
      if (got !== want) {
        throw new ModelError('checksum', `${manifest.id}: ${f} has sha256 ${got}, manifest pins ${want}; re-run \`${MODEL_FETCH_COMMAND}\``);
      }
    }
  }
  let session: ort.InferenceSession;
  let tokenizer: TextTokenizer;
  try {
    tokenizer = await loadTextTokenizer(tokenizerPath, manifest.maxTokens);
    session = await ort.InferenceSession.create(onnxPath, {
      executionProviders: ['cpu'],
      intraOpNumThreads: opts.intraOpNumThreads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
  } catch (err) {
    throw new ModelError('load', `${manifest.id}: could not load tokenizer or ONNX session`, err);
  }
  return makeEncoder(manifest, manifest.files.onnx.sha256, tokenizer, session, opts.batchSize);
}

/**
 * Like loadEncoder, but a missing or unusable model yields a warning instead of
 * an error, so the pipeline can fall back to SimHash-only. `workers` > 0 runs
 * the encoder in that many worker threads (encoder-pool.ts) instead of in-process.
 */
export async function tryLoadEncoder(
  modelDir: string,
  options: Partial<EncoderOptions> & { workers?: number } = {},
): Promise<TryLoadResult> {
  const { workers = 0, ...encoderOptions } = options;
  try {
    const encoder = workers > 0 ? await loadEncoderPool(modelDir, { ...encoderOptions, workers }) : await loadEncoder(modelDir, encoderOptions);
    return { encoder, warning: null };
  } catch (err) {
    if (!(err instanceof ModelError)) throw err;
    return {
      encoder: null,
      warning: `sentence encoder unavailable (${err.message}); run \`${MODEL_FETCH_COMMAND}\` to fetch it. Falling back to SimHash-only near-duplicate detection.`,
    };
  }
}

function makeEncoder(
  manifest: ModelManifest,
  sha256: string,
  tokenizer: TextTokenizer,
  session: ort.InferenceSession,
  batchSize: number,
): SentenceEncoder {
  const wants = new Set(manifest.onnx.inputs);
  let queue: Promise<unknown> = Promise.resolve();

  async function run(rows: number[][]): Promise<Float32Array[]> {
    const b = buildBatch(rows, tokenizer.padId);
    const dims = [b.batch, b.seqLen];
    const feeds: Record<string, ort.Tensor> = {};
    if (wants.has('input_ids')) feeds.input_ids = new ort.Tensor('int64', b.inputIds, dims);
    if (wants.has('attention_mask')) feeds.attention_mask = new ort.Tensor('int64', b.attentionMask, dims);
    if (wants.has('token_type_ids')) feeds.token_type_ids = new ort.Tensor('int64', b.tokenTypeIds, dims);
    const out = await session.run(feeds, [manifest.onnx.output]);
    const hidden = out[manifest.onnx.output];
    const [, seqLen, hiddenDims] = hidden.dims;
    if (hiddenDims !== manifest.dims) throw new ModelError('load', `${manifest.id}: model emits ${hiddenDims} dims, manifest says ${manifest.dims}`);
    const pooled = poolEmbeddings(
      { data: hidden.data as Float32Array, batch: b.batch, seqLen, dims: hiddenDims, lengths: b.lengths },
      manifest.pooling,
      manifest.normalize,
    );
    hidden.dispose();
    return pooled;
  }

  async function embedNow(texts: string[]): Promise<Float32Array[]> {
    const ids = texts.map((t) => tokenizer.encode(t));
    // Batch texts of similar length together so little compute goes to padding;
    // the stable sort keeps the output deterministic, and results go back in input order.
    const order = ids.map((_, i) => i).sort((a, b) => ids[a].length - ids[b].length || a - b);
    const out = new Array<Float32Array>(texts.length);
    for (let s = 0; s < order.length; s += batchSize) {
      const chunk = order.slice(s, s + batchSize);
      const vecs = await run(chunk.map((i) => ids[i]));
      chunk.forEach((i, j) => (out[i] = vecs[j]));
    }
    return out;
  }

  return {
    id: manifest.id,
    sha256,
    dims: manifest.dims,
    maxTokens: manifest.maxTokens,
    embed(texts: string[]): Promise<Float32Array[]> {
      // One forward pass at a time per session: concurrent runs would only fight for the same cores.
      const next = queue.then(() => embedNow(texts));
      queue = next.catch(() => undefined);
      return next;
    },
    async close(): Promise<void> {
      await queue;
      await session.release();
    },
  };
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
