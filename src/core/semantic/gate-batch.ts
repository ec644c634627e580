/**
 * One batch of publish notes through the semantic gate: static-embed each note in order, let the
 * gate decide, then run the transformer once over the texts it asked for. The same function runs
 * in the gated encoder's worker (src/adapters/onnx/gated-encoder.ts) and in process (tests), so
 * both make the same decisions. The embedders are injected; nothing here does I/O.
 */
import type { SemanticGate } from './semantic-gate.ts';

/** A publish note offered to the gate. `keys` are its item targets (`kind:id`). */
export interface GateInputNote {
  note_id: string;
  account_id: string;
  ts: number;
  keys: string[];
  text: string;
}

export interface EarlierVector {
  note_id: string;
  account_id: string;
  ts: number;
  embedding: Float32Array;
}

/** A candidate: its own transformer vector, and those of the earlier notes it matched that had none yet. */
export interface GateOutcome {
  /** Index of the note in the batch. */
  index: number;
  embedding: Float32Array;
  earlier: EarlierVector[];
}

export interface GateBatchResult {
  outcomes: GateOutcome[];
  /** Static cosines tested (work done by the gate). */
  compared: number;
}

export async function gateBatch(
  gate: SemanticGate<string>,
  notes: readonly GateInputNote[],
  staticEmbed: (text: string) => Float32Array,
  embed: (texts: string[]) => Promise<Float32Array[]>,
): Promise<GateBatchResult> {
  const texts: string[] = [];
  const plans: { index: number; self: number; earlier: { note_id: string; account_id: string; ts: number; at: number }[] }[] = [];
  let compared = 0;
  notes.forEach((n, index) => {
    const v = gate.offer({ note_id: n.note_id, account_id: n.account_id, ts: n.ts, keys: n.keys, vector: staticEmbed(n.text), payload: n.text });
    compared += v.compared;
    if (!v.candidate) return;
    const earlier = v.earlier.map((e) => ({ note_id: e.note_id, account_id: e.account_id, ts: e.ts, at: texts.push(e.payload) - 1 }));
    plans.push({ index, self: texts.push(n.text) - 1, earlier });
  });
  const vecs = texts.length > 0 ? await embed(texts) : [];
  const outcomes = plans.map((p) => ({
    index: p.index,
    embedding: vecs[p.self],
    earlier: p.earlier.map((e) => ({ note_id: e.note_id, account_id: e.account_id, ts: e.ts, embedding: vecs[e.at] })),
  }));
  return { outcomes, compared };
}
