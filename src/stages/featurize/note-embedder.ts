/**
 * The port featurize uses for sentence embeddings: texts in, L2-normalised vectors out.
 * Implemented by the ONNX encoder pool (src/adapters/onnx); absent when no model is loaded.
 */
export interface NoteEmbedder {
  id: string;
  sha256: string;
  embed(texts: string[]): Promise<Float32Array[]>;
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
