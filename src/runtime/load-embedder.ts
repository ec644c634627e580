/**
 * Load the sentence encoder named by params.featurize.embeddings, or fall back to SimHash-only
 * with a clear warning naming the fetch command. Never throws for a missing model.
 */
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { existsSync } from 'node:fs';
import { readManifest } from '../adapters/onnx/model-manifest.ts';
import { tryLoadEncoder } from '../adapters/onnx/sentence-encoder.ts';
import type { Params } from '../config/params.ts';
import type { NoteEmbedder } from '../stages/featurize/note-embedder.ts';

const MODELS = fileURLToPath(new URL('../../models/', import.meta.url));

export interface LoadedEmbedder {
  embedder: (NoteEmbedder & { close(): Promise<void> }) | null;
  warning: string | null;
}

/**
 * The model a deployment runs with, for provenance, from its manifest — the same answer in every
 * stage process, whether or not that stage loads the model (the encoder verifies the checksum).
 */
export async function modelProvenance(params: Params): Promise<{ id: string; sha256: string } | null> {
  const cfg = params.featurize.embeddings;
  if (!cfg.enabled) return null;
  try {
    const { manifest, onnxPath, tokenizerPath } = await readManifest(`${MODELS}${cfg.model}`);
    if (!existsSync(onnxPath) || !existsSync(tokenizerPath)) return null;
    return { id: manifest.id, sha256: manifest.files.onnx.sha256 };
  } catch {
    return null;
  }
}

export async function loadEmbedder(params: Params, logger?: Pick<Logger, 'warn' | 'info'>): Promise<LoadedEmbedder> {
  const cfg = params.featurize.embeddings;
  if (!cfg.enabled) return { embedder: null, warning: null };
  const res = await tryLoadEncoder(`${MODELS}${cfg.model}`, { workers: cfg.workers });
  if (!res.encoder) {
    logger?.warn({ model: cfg.model }, res.warning);
    return { embedder: null, warning: res.warning };
  }
  logger?.info({ model: res.encoder.id, sha256: res.encoder.sha256 }, 'sentence encoder loaded');
  return { embedder: res.encoder, warning: null };
}
