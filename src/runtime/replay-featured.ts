/**
 * Re-run link → cluster → flag over featured events (e.g. read back from a Parquet snapshot).
 * Events must be in the order ingest released them: (ts, event_id). Watermarks are regenerated
 * with the same cadence ingest uses, so with unchanged params the rings are identical.
 */
import type { Params } from '../config/params.ts';
import type { FeaturedEvent, NoteEmbeddingRecord } from '../contracts/normalized.ts';
import type { Provenance, RingEvent } from '../contracts/ring.ts';
import { WatermarkCadence } from '../core/watermark-cadence.ts';
import type { Watermark } from '../stages/stage.ts';
import { EmbeddedChain, type ChainSinks } from './embedded-chain.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createStage } from './pipeline.ts';

export async function replayFeatured(
  events: Iterable<FeaturedEvent | NoteEmbeddingRecord> | AsyncIterable<FeaturedEvent | NoteEmbeddingRecord>,
  params: Params,
  provenance: Provenance,
  opts: { metrics?: Metrics; tap?: ChainSinks['tap']; onProgress?: (n: number) => void } = {},
): Promise<RingEvent[]> {
  const metrics = opts.metrics ?? createMetrics();
  const stages = (['link', 'cluster', 'flag'] as const).map((n) => createStage(n, params, provenance, metrics));
  const rings: RingEvent[] = [];
  const chain = new EmbeddedChain(stages, { onOutput: (role, _k, v) => role === 'rings' && rings.push(v as RingEvent), tap: opts.tap });
  const cadence = new WatermarkCadence();
  let n = 0;
  let late: NoteEmbeddingRecord[] = [];
  for await (const ev of events) {
    // a late vector (gated semantic mode) travels just behind the watermark and before the note that needed it, as featurize sent it
    if ('kind' in ev && ev.kind === 'embedding') {
      late.push(ev);
      continue;
    }
    const fe = ev as FeaturedEvent;
    const wm = cadence.before(fe.ts);
    if (wm !== null) chain.pushDecoded('features', { kind: 'watermark', ts: wm, final: false } satisfies Watermark);
    for (const r of late) chain.pushDecoded('features', r);
    late = [];
    chain.pushDecoded('features', fe);
    if (++n % 10_000 === 0) {
      await chain.endBatch();
      opts.onProgress?.(n);
    }
  }
  chain.pushDecoded('features', { kind: 'watermark', ts: Math.max(0, cadence.lastTs), final: true } satisfies Watermark);
  await chain.end();
  return rings;
}
