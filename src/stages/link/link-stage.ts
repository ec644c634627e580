/**
 * link — account-pair evidence from every event type (see src/core/link/account-linker.ts).
 * Consumes: features. Emits: links — note activity and account facts as they arrive, and at each
 * round boundary the edges whose strength changed, then the watermark.
 * State: the sliding window of notes, targets, engagements and pair evidence (rebuilt by replay).
 */
import type { Params } from '../../config/params.ts';
import type { FeaturedEvent, NormalizedNote, NoteEmbeddingRecord } from '../../contracts/normalized.ts';
import type { AccountFactsRecord, NoteActivity } from '../../core/cluster/activity-store.ts';
import { AccountLinker } from '../../core/link/account-linker.ts';
import type { NearDupIndex } from '../../core/link/near-dup-index.ts';
import type { Metrics } from '../../runtime/metrics.ts';
import type { Emit, StageProcessor, Watermark } from '../stage.ts';

const SWEEP_EVERY_MS = 12 * 3_600_000;

export function createLinkStage(params: Params, index: NearDupIndex, metrics: Metrics): StageProcessor & { linker: AccountLinker } {
  const linker = new AccountLinker(params.link, index);
  let lastRound = -1;
  let lastSweep = -Infinity;

  const emitFacts = (emit: Emit) => {
    if (linker.changedFacts.size === 0) return;
    for (const id of [...linker.changedFacts].sort()) {
      const f = linker.facts.get(id)!;
      const rec: AccountFactsRecord = { kind: 'account', account_id: id, devices: [...f.devices], ips: [...f.ips], ...(f.registered_at !== undefined ? { registered_at: f.registered_at } : {}) };
      emit('links', id, rec);
    }
    linker.changedFacts.clear();
  };

  const emitEdges = (ts: number, emit: Emit) => {
    if (ts - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = ts;
      linker.sweep(ts);
      linker.refreshEmitted();
    }
    const edges = linker.takeEdges(ts);
    for (const e of edges) emit('links', e.a, e);
    metrics.inc('link_edges_emitted_total', {}, edges.length);
    metrics.set('link_pairs_tracked', linker.pairs.pairs.size);
  };

  return {
    name: 'link',
    inputs: ['features'],
    outputs: ['links'],
    linker,
    handle(msg, emit) {
      const rec = msg.decoded as FeaturedEvent | Watermark | NoteEmbeddingRecord;
      if ('kind' in rec && rec.kind === 'embedding') {
        linker.observeEmbedding(rec);
        metrics.inc('link_late_embeddings_total');
        return;
      }
      if ('kind' in rec && rec.kind === 'watermark') {
        emitFacts(emit);
        const r = Math.floor(rec.ts / params.cluster.everyMs);
        if (rec.final || r > lastRound) {
          lastRound = r;
          emitEdges(rec.ts, emit);
        }
        emit('links', null, rec);
        return;
      }
      const ev = rec as FeaturedEvent;
      linker.observe(ev);
      metrics.inc('link_events_total', { type: ev.type });
      if (ev.type === 'note' && (ev as NormalizedNote).action === 'publish') {
        const n = ev as NormalizedNote;
        const act: NoteActivity = { kind: 'note', account_id: n.account_id, note_id: n.note_id, ts: n.ts, targets: n.targets.map((t) => `${t.kind}:${t.id}`) };
        emit('links', n.account_id, act);
      }
    },
    flush() {},
  };
}
