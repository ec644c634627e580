/**
 * featurize — per-note fingerprints: a 64-bit SimHash of the normalised title and body
 * (semantic embeddings are added by the semantic signal when a model is loaded).
 * Consumes: events. Emits: features (same key). Stateless: scale by partitioning events by account_id.
 */
import type { FeaturedEvent, NormalizedEvent, NormalizedNote } from '../../contracts/normalized.ts';
import type { Metrics } from '../../runtime/metrics.ts';
import type { StageProcessor, Watermark } from '../stage.ts';
import { fingerprintNote } from './fingerprint-note.ts';

export function createFeaturizeStage(metrics: Metrics): StageProcessor {
  return {
    name: 'featurize',
    inputs: ['events'],
    outputs: ['features'],
    handle(msg, emit) {
      const rec = msg.decoded as NormalizedEvent | Watermark;
      if ('kind' in rec && rec.kind === 'watermark') return emit('features', null, rec);
      const ev = rec as NormalizedEvent;
      if (ev.type === 'note' && (ev as NormalizedNote).action !== 'delete') {
        const n = ev as NormalizedNote;
        metrics.inc('featurize_notes_total');
        const out: FeaturedEvent = { ...n, features: { simhash: fingerprintNote(n.title, n.body) } };
        return emit('features', ev.account_id, out);
      }
      emit('features', ev.account_id, ev);
    },
    flush() {},
  };
}
