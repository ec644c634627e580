/**
 * featurize — per-note fingerprints: a 64-bit SimHash of the normalised title and body and,
 * when a sentence encoder is loaded, an embedding (computed a batch at a time in `prepare`,
 * off the event loop in the encoder's worker pool).
 * Consumes: events. Emits: features (same key). Stateless: scale by partitioning events by account_id.
 */
import type { FeaturedEvent, NormalizedEvent, NormalizedNote } from '../../contracts/normalized.ts';
import type { Metrics } from '../../runtime/metrics.ts';
import type { StageProcessor, Watermark } from '../stage.ts';
import { fingerprintNote } from './fingerprint-note.ts';
import { noteText, toWire, type NoteEmbedder } from './note-embedder.ts';

const needsFeatures = (r: unknown): r is NormalizedNote => {
  const n = r as NormalizedNote;
  return n?.type === 'note' && n.action !== 'delete';
};

export function createFeaturizeStage(metrics: Metrics, embedder: NoteEmbedder | null = null): StageProcessor {
  const pending = new Map<string, number[]>(); // event_id → embedding for the batch being handled
  return {
    name: 'featurize',
    inputs: ['events'],
    outputs: ['features'],
    async prepare(records) {
      if (!embedder) return;
      const notes = records.filter(needsFeatures);
      if (notes.length === 0) return;
      const t0 = performance.now();
      const vecs = await embedder.embed(notes.map((n) => noteText(n.title, n.body)));
      notes.forEach((n, i) => pending.set(n.event_id, toWire(vecs[i])));
      metrics.inc('featurize_embeddings_total', {}, notes.length);
      metrics.inc('featurize_embedding_ms_total', {}, Math.round(performance.now() - t0));
    },
    handle(msg, emit) {
      const rec = msg.decoded as NormalizedEvent | Watermark;
      if ('kind' in rec && rec.kind === 'watermark') return emit('features', null, rec);
      const ev = rec as NormalizedEvent;
      if (needsFeatures(ev)) {
        metrics.inc('featurize_notes_total');
        const embedding = pending.get(ev.event_id);
        pending.delete(ev.event_id);
        const out: FeaturedEvent = { ...ev, features: { simhash: fingerprintNote(ev.title, ev.body), ...(embedding ? { embedding } : {}) } };
        return emit('features', ev.account_id, out);
      }
      emit('features', ev.account_id, ev);
    },
    flush() {},
  };
}
