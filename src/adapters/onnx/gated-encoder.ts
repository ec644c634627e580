/**
 * Gated semantic embedding in one worker thread: static table + semantic gate + transformer
 * (src/core/semantic/gate-batch.ts). The main thread only posts a batch's publish notes and
 * gets back the transformer vectors the gate asked for, so the stream pays neither the static
 * pass (~0.1 ms/note, mostly tokenising) nor inference; with the chain's lookahead
 * (embedded-chain.ts) the worker runs while the main thread handles earlier batches.
 *
 * One worker, because the gate's state must see the notes in stream order; its transformer
 * runs batch 1 with a small exact-text cache (account matrices repeat texts). Requests are
 * answered in order.
 *
 * Start-up does not wait for the worker (~0.5 s to boot and load): the files are checked cheaply
 * here (present, metadata consistent with the manifest) so a missing or stale table is reported
 * at once and the caller can fall back; the worker then verifies the checksums while the stream
 * starts, and a corrupt file fails the first request with the ModelError (RW_MODEL_MISSING).
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GateBatchResult, GateInputNote } from '../../core/semantic/gate-batch.ts';
import type { GatedReply, GatedRequest, GatedWorkerData } from './gated-encoder-worker.ts';
import { MODEL_FETCH_COMMAND, ModelError, type ModelErrorReason } from './model-error.ts';
import { readManifest, type ModelManifest } from './model-manifest.ts';
import { STATIC_TABLE_BIN, STATIC_TABLE_CODE_VERSION, STATIC_TABLE_JSON, StaticTableMetaSchema, staticTableCommand, type StaticTableMeta } from './static-table.ts';

export type GatedEncoderOptions = Omit<GatedWorkerData, 'modelDir'>;

export const GATED_ENCODER_DEFAULTS = Object.freeze({
  /** Exact-text cache entries (512 floats each: ~8 MB for bge). */
  cacheEntries: 4096,
});

export type GatedEncoder = {
  id: string;
  /** sha256 of the ONNX weights (as the manifest pins them; the worker verifies). */
  sha256: string;
  dims: number;
  /** `<model id>/static`. */
  staticId: string;
  /** sha256 of static-table.bin (as static-table.json records it; the worker verifies). */
  staticChecksum: string;
  /** Resolves when the worker has loaded and verified everything; rejects with its ModelError. */
  ready: Promise<void>;
  /** Publish notes in stream order → the candidates' transformer vectors (and their matched earlier notes'). */
  gate(notes: GateInputNote[]): Promise<GateBatchResult & { transformerRuns: number }>;
  /** Plain transformer embedding (no gate). */
  embed(texts: string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
};

export type GatedFiles =
  | { ok: true; manifest: ModelManifest; meta: StaticTableMeta }
  | { ok: false; missing: 'model' | 'static-table'; message: string };

export type TryLoadGatedResult =
  | { encoder: GatedEncoder; missing: null; message: null }
  | { encoder: null; missing: 'model' | 'static-table'; message: string };

/**
 * Cheap check (no hashing) that a model directory can serve the gated mode: the model's files
 * and a static table distilled from exactly these weights, of the right size.
 */
export async function checkGatedFiles(modelDir: string): Promise<GatedFiles> {
  let manifest: ModelManifest;
  try {
    const r = await readManifest(modelDir);
    manifest = r.manifest;
    for (const f of [r.onnxPath, r.tokenizerPath]) {
      if (!existsSync(f)) return { ok: false, missing: 'model', message: `${manifest.id}: ${f} is missing; run \`${MODEL_FETCH_COMMAND}\`` };
    }
  } catch (err) {
    return { ok: false, missing: 'model', message: (err as Error).message };
  }
  const rebuild = `run \`${staticTableCommand(manifest.id)}\``;
  const jsonPath = path.join(modelDir, STATIC_TABLE_JSON);
  const binPath = path.join(modelDir, STATIC_TABLE_BIN);
  if (!existsSync(jsonPath) || !existsSync(binPath)) return { ok: false, missing: 'static-table', message: `${manifest.id}: static table missing (${jsonPath} or ${binPath}); ${rebuild}` };
  let meta: StaticTableMeta;
  try {
    meta = StaticTableMetaSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
  } catch {
    return { ok: false, missing: 'static-table', message: `${jsonPath} is invalid; ${rebuild}` };
  }
  const current =
    meta.codeVersion === STATIC_TABLE_CODE_VERSION &&
    meta.modelId === manifest.id &&
    meta.dims === manifest.dims &&
    meta.source.onnxSha256 === manifest.files.onnx.sha256 &&
    meta.source.tokenizerSha256 === manifest.files.tokenizer.sha256 &&
    statSync(binPath).size === meta.vocabSize * meta.dims * 4;
  if (!current) return { ok: false, missing: 'static-table', message: `${jsonPath} does not match ${manifest.id}'s weights or this code version; ${rebuild}` };
  return { ok: true, manifest, meta };
}

const BOOT = new URL('./encoder-worker.boot.mjs', import.meta.url);
const ENTRY = new URL('./gated-encoder-worker.ts', import.meta.url).href;

type Unsequenced = GatedRequest extends infer R ? (R extends GatedRequest ? Omit<R, 'seq'> : never) : never;
type Waiter = { resolve: (m: GatedReply) => void; reject: (e: Error) => void };

export async function tryLoadGatedEncoder(modelDir: string, options: Pick<GatedEncoderOptions, 'gate'> & Partial<GatedEncoderOptions>): Promise<TryLoadGatedResult> {
  const files = await checkGatedFiles(modelDir);
  if (!files.ok) return { encoder: null, missing: files.missing, message: files.message };
  const data: GatedWorkerData = { modelDir, encoder: { intraOpNumThreads: 1, batchSize: 1, ...options.encoder }, gate: options.gate, cacheEntries: options.cacheEntries ?? GATED_ENCODER_DEFAULTS.cacheEntries };
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY, ...data } });
  // Only a pending request keeps the process alive: a run that fails elsewhere exits instead of hanging on an idle worker.
  worker.unref();
  let inflight = 0;

  const waiting = new Map<number, Waiter>();
  let seq = 0;
  let closed = false;
  let dead: Error | null = null;
  const fail = (err: Error): void => {
    dead ??= err;
    for (const w of waiting.values()) w.reject(dead);
    waiting.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', (m: GatedReply) => {
      if (m.type === 'ready') return resolve();
      const err = m.type === 'init-error' ? new ModelError(m.reason as ModelErrorReason, m.message) : new ModelError('load', `gated encoder worker sent ${m.type} before ready`);
      fail(err);
      reject(err);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      const e = new ModelError('load', 'gated encoder worker failed', err);
      fail(e);
      reject(e);
    });
  });
  ready.catch(() => undefined); // reported through every call instead
  worker.on('message', (m: GatedReply) => {
    if (m.type !== 'gated' && m.type !== 'embedded' && m.type !== 'error') return;
    const w = waiting.get(m.seq);
    if (!w) return;
    waiting.delete(m.seq);
    if (m.type === 'error') w.reject(new Error(`gated encoder worker: ${m.message}`));
    else w.resolve(m);
  });
  worker.on('exit', (code) => {
    if (!closed) fail(new Error(`gated encoder worker exited with code ${code}`));
  });
  const call = async (req: Unsequenced): Promise<GatedReply> => {
    if (closed) throw new Error('gated encoder is closed');
    if (inflight++ === 0) worker.ref();
    try {
      await ready;
      if (dead) throw dead;
      const s = ++seq;
      return await new Promise<GatedReply>((resolve, reject) => {
        waiting.set(s, { resolve, reject });
        worker.postMessage({ ...req, seq: s } as GatedRequest);
      });
    } finally {
      if (--inflight === 0 && !closed) worker.unref();
    }
  };

  return {
    encoder: {
      id: files.manifest.id,
      sha256: files.manifest.files.onnx.sha256,
      dims: files.manifest.dims,
      staticId: `${files.manifest.id}/static`,
      staticChecksum: files.meta.sha256,
      ready,
      async gate(notes) {
        const m = (await call({ type: 'gate', notes })) as Extract<GatedReply, { type: 'gated' }>;
        return { outcomes: m.outcomes, compared: m.compared, transformerRuns: m.transformerRuns };
      },
      async embed(texts) {
        const m = (await call({ type: 'embed', texts })) as Extract<GatedReply, { type: 'embedded' }>;
        return m.vectors;
      },
      async close() {
        closed = true;
        await worker.terminate();
      },
    },
    missing: null,
    message: null,
  };
}
