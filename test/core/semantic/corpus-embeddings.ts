/**
 * Real sentence embeddings of the seeded note corpus for semantic tests, or
 * null when the model has not been fetched (`npm run models:fetch`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tryLoadEncoder } from '../../../src/adapters/onnx/sentence-encoder.ts';
import { makeNoteCorpus, type CorpusNote } from '../../adapters/onnx/fixtures/note-corpus.ts';

export const BGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../models/bge-small-zh-v15-q');

export async function embedCorpus(n: number, seed: number): Promise<{ notes: CorpusNote[]; vectors: Float32Array[] } | null> {
  const { encoder } = await tryLoadEncoder(BGE_DIR, { workers: 2 });
  if (!encoder) return null;
  try {
    const notes = makeNoteCorpus(n, seed);
    return { notes, vectors: await encoder.embed(notes.map((x) => x.text)) };
  } finally {
    await encoder.close();
  }
}
