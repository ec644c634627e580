/**
 * Load the sentence encoder named by params.featurize.embeddings, or fall back to SimHash-only
 * with a clear warning naming the command that fixes it. Never throws for missing model files.
 *
 * Mode 'gated' needs the model and its static table (models/<id>/static-table.*). A missing or
 * stale table is never rebuilt at run time (it takes the transformer over the whole vocabulary):
 * the pipeline warns, names `npm run models:distill`, and runs SimHash-only — not mode 'all',
 * whose ~5× lower throughput would leave a stream sized for the gated mode falling behind.
 * The gated worker starts in the background; files that are present but fail their checksum stop
 * the run at the first batch with RW_MODEL_MISSING (gated-encoder.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { checkGatedFiles, tryLoadGatedEncoder } from '../adapters/onnx/gated-encoder.ts';
import { MODEL_FETCH_COMMAND } from '../adapters/onnx/model-error.ts';
import { readManifest } from '../adapters/onnx/model-manifest.ts';
import { tryLoadEncoder } from '../adapters/onnx/sentence-encoder.ts';
import { staticTableCommand } from '../adapters/onnx/static-table.ts';
import type { Params } from '../config/params.ts';
import { SEMANTIC_BUCKET } from '../core/link/account-linker.ts';
import type { NoteEmbedder } from '../stages/featurize/note-embedder.ts';

const MODELS = fileURLToPath(new URL('../../models/', import.meta.url));

/** The npm script that builds a static table (same as `npx tsx scripts/distill-static-table.ts <model>`). */
export const STATIC_TABLE_DISTILL_COMMAND = 'npm run models:distill';

export interface LoadedEmbedder {
  embedder: (NoteEmbedder & { close(): Promise<void> }) | null;
  warning: string | null;
}

export interface ModelProvenance {
  id: string;
  /** sha256 of the transformer's ONNX weights. */
  sha256: string;
  /** sha256 of static-table.bin, in mode 'gated'. */
  staticSha256?: string;
}

/**
 * The model a deployment runs with, for provenance, from its manifest (and, gated, the static
 * table's metadata) — the same answer in every stage process, whether or not that stage loads the
 * model (the encoder verifies the checksums). Null when the run falls back to SimHash-only.
 */
export async function modelProvenance(params: Params, modelsDir = MODELS): Promise<ModelProvenance | null> {
  const cfg = params.featurize.embeddings;
  if (!cfg.enabled) return null;
  const dir = path.join(modelsDir, cfg.model);
  try {
    const { manifest, onnxPath, tokenizerPath } = await readManifest(dir);
    if (!existsSync(onnxPath) || !existsSync(tokenizerPath)) return null;
    const model = { id: manifest.id, sha256: manifest.files.onnx.sha256 };
    if (cfg.mode === 'all') return model;
    // the same check tryLoadGatedEncoder makes before it starts: if it would fall back, so does provenance
    const files = await checkGatedFiles(dir);
    return files.ok ? { ...model, staticSha256: files.meta.sha256 } : null;
  } catch {
    return null;
  }
}

export async function loadEmbedder(params: Params, logger?: Pick<Logger, 'warn' | 'info'>, modelsDir = MODELS): Promise<LoadedEmbedder> {
  const cfg = params.featurize.embeddings;
  if (!cfg.enabled) return { embedder: null, warning: null };
  const dir = path.join(modelsDir, cfg.model);
  if (cfg.mode === 'all') {
    const res = await tryLoadEncoder(dir, { workers: cfg.workers });
    if (!res.encoder) {
      logger?.warn({ model: cfg.model }, res.warning);
      return { embedder: null, warning: res.warning };
    }
    logger?.info({ model: res.encoder.id, sha256: res.encoder.sha256, mode: 'all', workers: cfg.workers }, 'sentence encoder loaded');
    return { embedder: res.encoder, warning: null };
  }
  const res = await tryLoadGatedEncoder(dir, { gate: { windowMs: params.link.windowMs, minCosine: cfg.staticMinCosine, bucketSize: SEMANTIC_BUCKET } });
  if (!res.encoder) {
    const warning =
      res.missing === 'model'
        ? `sentence encoder unavailable (${res.message}); run \`${MODEL_FETCH_COMMAND}\` to fetch it. Falling back to SimHash-only near-duplicate detection.`
        : `static table for ${cfg.model} unavailable (${res.message}); build it with \`${STATIC_TABLE_DISTILL_COMMAND}\` (= \`${staticTableCommand(cfg.model)}\`, once per model), ` +
          `or set featurize.embeddings.mode=all to embed every note. Falling back to SimHash-only near-duplicate detection.`;
    logger?.warn({ model: cfg.model, missing: res.missing }, warning);
    return { embedder: null, warning };
  }
  const enc = res.encoder;
  logger?.info({ model: enc.id, sha256: enc.sha256, static: enc.staticChecksum, mode: 'gated', staticMinCosine: cfg.staticMinCosine }, 'sentence encoder loaded');
  const embedder: NoteEmbedder & { close(): Promise<void> } = {
    id: enc.id,
    sha256: enc.sha256,
    embed: (texts) => enc.embed(texts),
    gate: { itemKinds: new Set(params.link.coTargetKinds), staticChecksum: enc.staticChecksum, run: (notes) => enc.gate(notes) },
    close: () => enc.close(),
  };
  return { embedder, warning: null };
}
