/**
 * ingest — validate, normalise, de-duplicate by event_id, order by event time, dead-letter the rest.
 * Consumes: accounts, notes, interactions (raw JSON bytes). Emits: events (keyed by account_id), dlq.
 * Keys/partitions: input partitions are independent; output is one ordered stream per run (see docs/operations.md).
 */
import type { NormalizedEvent } from '../../contracts/normalized.ts';
import { EventTimeOrderer } from '../../core/event-time-orderer.ts';
import { WatermarkCadence } from '../../core/watermark-cadence.ts';
import type { Metrics } from '../../runtime/metrics.ts';
import type { Emit, StageInput, StageProcessor, Watermark } from '../stage.ts';
import { DLQ_REASONS, type DeadLetter } from './dead-letter.ts';
import { decodeEvent } from './decode-event.ts';

export interface IngestParams {
  maxEventBytes: number;
  allowedLatenessMs: number;
  dedupeWindowMs: number;
}

export const INGEST_DEFAULTS: Readonly<IngestParams> = Object.freeze({
  maxEventBytes: 256 * 1024,
  allowedLatenessMs: 10 * 60_000,
  dedupeWindowMs: 7 * 24 * 3_600_000,
});

export function createIngestStage(params: IngestParams, metrics: Metrics): StageProcessor {
  const orderer = new EventTimeOrderer<NormalizedEvent>({ allowedLatenessMs: params.allowedLatenessMs });
  const seen = new Map<string, number>(); // event_id → ts, insertion-ordered by arrival
  let lastPurge = -Infinity;

  const deadLetter = (emit: Emit, dead: DeadLetter) => {
    metrics.inc('ingest_dead_letters_total', { reason: dead.reason });
    emit('dlq', dead.source, dead);
  };

  // Watermarks are a function of the released sequence alone, never of batch boundaries,
  // so a replay emits exactly the same records in the same positions.
  const cadence = new WatermarkCadence();
  const release = (emit: Emit, all: boolean) => {
    const out = orderer.drain(all);
    for (const ev of out) {
      const wm = cadence.before(ev.ts);
      if (wm !== null) emit('events', null, { kind: 'watermark', ts: wm, final: false } satisfies Watermark);
      emit('events', ev.account_id, ev);
    }
    if (out.length) {
      metrics.inc('ingest_events_out_total', {}, out.length);
      purge(out[out.length - 1].ts);
    }
  };

  const purge = (wm: number) => {
    if (wm - lastPurge < 3_600_000) return;
    lastPurge = wm;
    const horizon = wm - params.dedupeWindowMs;
    for (const [id, ts] of seen) {
      if (ts >= horizon) continue;
      seen.delete(id);
    }
  };

  return {
    name: 'ingest',
    inputs: ['accounts', 'notes', 'interactions'],
    outputs: ['events', 'dlq'],
    assign(partitions) {
      orderer.expect(partitions);
    },
    handle(msg: StageInput, emit: Emit) {
      metrics.inc('ingest_events_in_total', { topic: msg.role });
      const d = decodeEvent(msg.value, msg.source, { maxBytes: params.maxEventBytes }, msg.decoded);
      if (!d.ok) return deadLetter(emit, d.dead);
      const ev = d.event;
      const dead = (reason: DeadLetter['reason'], detail: string) =>
        deadLetter(emit, { reason, detail, source: msg.source, stage: 'ingest', original_b64: msg.value.toString('base64'), event_id: ev.event_id });
      if (seen.has(ev.event_id)) return dead(DLQ_REASONS.DUPLICATE, 'event_id already seen (redelivery)');
      if (orderer.offer(msg.partition, ev) === 'late') return dead(DLQ_REASONS.LATE, `ts more than ${params.allowedLatenessMs} ms behind its partition`);
      seen.set(ev.event_id, ev.ts);
    },
    endBatch(emit: Emit) {
      release(emit, false);
    },
    idle(partition: string, emit: Emit) {
      orderer.markIdle(partition);
      release(emit, false);
    },
    flush(emit: Emit) {
      release(emit, true);
      emit('events', null, { kind: 'watermark', ts: Math.max(0, cadence.lastTs), final: true } satisfies Watermark);
    },
  };
}
