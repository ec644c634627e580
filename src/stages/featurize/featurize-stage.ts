/**
 * featurize — per-note fingerprints: a 64-bit SimHash of the normalised title and body and,
 * when a sentence encoder is loaded, transformer embeddings (computed a batch at a time in
 * `prepare`, off the event loop in the encoder's worker).
 *
 * Embedding modes (params.featurize.embeddings.mode):
 *  - 'all': every note is embedded.
 *  - 'gated': only publish notes the semantic gate selects (src/core/semantic/semantic-gate.ts): a
 *    note whose static vector is close to a recent note of another account on the same item. The
 *    matched earlier notes, already emitted without a vector, get theirs in an `embedding` record
 *    (NoteEmbeddingRecord) emitted just before the note that needed them.
 *
 * Consumes: events. Emits: features (same key; embedding records keyed by their note's account).
 * State: none in 'all' mode (scale by partitioning events by account_id); in 'gated' mode the gate's
 * per-item buckets, so one instance must see every note in stream order (one events partition,
 * the default deployment). `prepare` depends only on this stage's own state, so the embedded
 * chain may run it one batch ahead (`prepareAhead`).
 */
import type { FeaturedEvent, NormalizedEvent, NormalizedNote, NoteEmbeddingRecord } from '../../contracts/normalized.ts';
import type { GateInputNote } from '../../core/semantic/gate-batch.ts';
import type { Metrics } from '../../runtime/metrics.ts';
import type { StageProcessor, Watermark } from '../stage.ts';
import { fingerprintNote } from './fingerprint-note.ts';
import { noteText, toWire, type NoteEmbedder, type NoteGate } from './note-embedder.ts';

const needsFeatures = (r: unknown): r is NormalizedNote => {
  const n = r as NormalizedNote;
  return n?.type === 'note' && n.action !== 'delete';
};

/** What handle() emits for a note: its own vector and, first, the late vectors of earlier notes. */
interface Planned {
  embedding: number[];
  earlier: NoteEmbeddingRecord[];
}

export function createFeaturizeStage(metrics: Metrics, embedder: NoteEmbedder | null = null): StageProcessor {
  // event_id → plans, in stream order, for every note prepared but not yet handled (a FIFO per id,
  // so a repeated event id in the next, already prepared batch cannot take this batch's plan)
  const planned = new Map<string, (Planned | null)[]>();
  const plan = (id: string, p: Planned | null): void => {
    const q = planned.get(id);
    if (q) q.push(p);
    else planned.set(id, [p]);
  };
  const takePlan = (id: string): Planned | null => {
    const q = planned.get(id);
    if (!q) return null;
    const p = q.shift()!;
    if (q.length === 0) planned.delete(id);
    return p;
  };
  const gate = embedder?.gate ?? null;

  async function prepareAll(e: NoteEmbedder, records: readonly unknown[]): Promise<void> {
    const notes = records.filter(needsFeatures);
    if (notes.length === 0) return;
    const t0 = performance.now();
    const vecs = await e.embed(notes.map((n) => noteText(n.title, n.body)));
    notes.forEach((n, i) => plan(n.event_id, { embedding: toWire(vecs[i]), earlier: [] }));
    metrics.inc('featurize_embeddings_total', {}, notes.length);
    metrics.inc('featurize_embedding_ms_total', {}, Math.round(performance.now() - t0));
  }

  async function prepareGated(g: NoteGate, records: readonly unknown[]): Promise<void> {
    const offered: NormalizedNote[] = [];
    const input: GateInputNote[] = [];
    for (const r of records) {
      const n = r as NormalizedNote;
      // exactly the notes link compares semantically: published, not disclosed advertising, on an item
      if (n?.type !== 'note' || n.action !== 'publish' || n.ad_disclosure === true) continue;
      const keys = n.targets.filter((t) => g.itemKinds.has(t.kind)).map((t) => `${t.kind}:${t.id}`);
      if (keys.length === 0) continue;
      offered.push(n);
      input.push({ note_id: n.note_id, account_id: n.account_id, ts: n.ts, keys, text: noteText(n.title, n.body) });
    }
    if (input.length === 0) return;
    const t0 = performance.now();
    const res = await g.run(input);
    const plans = new Array<Planned | null>(offered.length).fill(null);
    let vectors = 0;
    for (const o of res.outcomes) {
      const earlier = o.earlier.map((e): NoteEmbeddingRecord => ({ kind: 'embedding', note_id: e.note_id, account_id: e.account_id, ts: e.ts, embedding: toWire(e.embedding) }));
      plans[o.index] = { embedding: toWire(o.embedding), earlier };
      vectors += 1 + earlier.length;
    }
    offered.forEach((n, i) => plan(n.event_id, plans[i]));
    metrics.inc('featurize_gate_notes_total', {}, input.length);
    metrics.inc('featurize_gate_candidates_total', {}, res.outcomes.length);
    metrics.inc('featurize_gate_comparisons_total', {}, res.compared);
    metrics.inc('featurize_embeddings_total', {}, vectors);
    if (res.transformerRuns !== undefined) metrics.inc('featurize_transformer_runs_total', {}, res.transformerRuns);
    metrics.inc('featurize_embedding_ms_total', {}, Math.round(performance.now() - t0));
  }

  return {
    name: 'featurize',
    inputs: ['events'],
    outputs: ['features'],
    // only worth a lookahead when there is an encoder to wait for
    prepareAhead: embedder !== null,
    async prepare(records) {
      if (!embedder) return;
      if (gate) await prepareGated(gate, records);
      else await prepareAll(embedder, records);
    },
    handle(msg, emit) {
      const rec = msg.decoded as NormalizedEvent | Watermark;
      if ('kind' in rec && rec.kind === 'watermark') return emit('features', null, rec);
      const ev = rec as NormalizedEvent;
      if (needsFeatures(ev)) {
        metrics.inc('featurize_notes_total');
        const p = takePlan(ev.event_id);
        for (const r of p?.earlier ?? []) emit('features', r.account_id, r);
        const embedding = p?.embedding;
        const out: FeaturedEvent = { ...ev, features: { simhash: fingerprintNote(ev.title, ev.body), ...(embedding ? { embedding } : {}) } };
        return emit('features', ev.account_id, out);
      }
      emit('features', ev.account_id, ev);
    },
    flush() {},
  };
}
