/**
 * The semantic gate on the calling thread: the reference the gated encoder's worker
 * (src/adapters/onnx/gated-encoder.ts) is tested against, and a NoteGate for tests that inject
 * their own embedders. Same gate, same batch function, so the same decisions.
 */
import { gateBatch } from '../../core/semantic/gate-batch.ts';
import { SemanticGate, type SemanticGateOptions } from '../../core/semantic/semantic-gate.ts';
import type { NoteGate } from './note-embedder.ts';

export interface InProcessNoteGateOptions {
  itemKinds: Iterable<string>;
  staticChecksum: string;
  staticEmbed: (text: string) => Float32Array;
  embed: (texts: string[]) => Promise<Float32Array[]>;
  gate: Pick<SemanticGateOptions, 'windowMs' | 'minCosine'> & Partial<SemanticGateOptions>;
}

export function createInProcessNoteGate(o: InProcessNoteGateOptions): NoteGate {
  const gate = new SemanticGate<string>(o.gate);
  return {
    itemKinds: new Set(o.itemKinds),
    staticChecksum: o.staticChecksum,
    run: (notes) => gateBatch(gate, notes, o.staticEmbed, o.embed),
  };
}
