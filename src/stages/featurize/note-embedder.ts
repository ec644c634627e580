/**
 * The port featurize uses for sentence embeddings: texts in, L2-normalised vectors out.
 * Implemented by the ONNX encoder pool (src/adapters/onnx); absent when no model is loaded.
 * With `gate` present (mode 'gated'), featurize embeds only what the semantic gate selects.
 */
import type { GateBatchResult, GateInputNote } from '../../core/semantic/gate-batch.ts';

export interface NoteEmbedder {
  id: string;
  sha256: string;
  embed(texts: string[]): Promise<Float32Array[]>;
  gate?: NoteGate;
}

/** The semantic gate behind the port (src/core/semantic/semantic-gate.ts), static table included. */
export interface NoteGate {
  /** Target kinds the gate buckets notes by (= params.link.coTargetKinds, what link compares within). */
  itemKinds: ReadonlySet<string>;
  /** sha256 of the static table (provenance). */
  staticChecksum: string;
  /** Publish notes in stream order → the transformer vectors the gate asked for. */
  run(notes: GateInputNote[]): Promise<GateBatchResult & { transformerRuns?: number }>;
}

/** The text a note is embedded from (title and body; never logged). */
export function noteText(title: string, body: string): string {
  return `${title}\n${body}`;
}

/** Embeddings travel between stages as plain arrays rounded to 1e-4: identical over JSON (Kafka) and in memory. */
export function toWire(v: Float32Array): number[] {
  const out = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Math.round(v[i] * 10_000) / 10_000;
  return out;
}
