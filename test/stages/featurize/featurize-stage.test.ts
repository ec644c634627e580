import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../../src/config/params.ts';
import type { FeaturedEvent, NormalizedEvent, NormalizedNote, NoteEmbeddingRecord } from '../../../src/contracts/normalized.ts';
import { createNearDupIndex } from '../../../src/core/simhash/hex-near-dup-index.ts';
import { createMetrics, type Metrics } from '../../../src/runtime/metrics.ts';
import { createFeaturizeStage } from '../../../src/stages/featurize/featurize-stage.ts';
import { createInProcessNoteGate } from '../../../src/stages/featurize/in-process-note-gate.ts';
import { noteText, type NoteEmbedder } from '../../../src/stages/featurize/note-embedder.ts';
import { createLinkStage } from '../../../src/stages/link/link-stage.ts';
import type { StageProcessor, Watermark } from '../../../src/stages/stage.ts';
import { gateStream, HOUR } from '../../core/semantic/gate-stream.ts';

const PARAMS = resolveParams({ link: { semanticMinCosine: 0.9 } });
type Rec = NormalizedEvent | Watermark;

/** Notes from the gate stream as ingest would release them, plus notes link never compares, and watermarks. */
function stream(seed: number): { records: Rec[]; vectorOf: (text: string) => Float32Array } {
  const { notes, vectorOf } = gateStream(seed, 300, { gapMs: HOUR, items: 15 });
  const byText = new Map<string, Float32Array>();
  const records: Rec[] = [];
  notes.forEach((n, i) => {
    const targets = n.keys.map((k) => ({ kind: k.split(':')[0] as 'product', id: k.split(':')[1] }));
    const base = { type: 'note' as const, event_id: `e${i}`, ts: n.ts, account_id: n.account_id, note_id: n.note_id, action: 'publish' as const, title: n.text, body: '', targets };
    let note: NormalizedNote = base;
    if (i % 17 === 5) note = { ...base, ad_disclosure: true };
    if (i % 19 === 7) note = { ...base, targets: [{ kind: 'topic', id: 't1' }] };
    if (i % 23 === 11) note = { ...base, action: 'edit' };
    byText.set(noteText(note.title, note.body), vectorOf.get(n.text)!);
    records.push(note);
    if (i % 25 === 24) records.push({ kind: 'watermark', ts: n.ts, final: false });
  });
  records.push({ kind: 'watermark', ts: notes.at(-1)!.ts, final: true });
  return { records, vectorOf: (t) => byText.get(t)! };
}

/** A transformer that returns the static vector (so the gate's threshold maps onto link's exactly) and counts its texts. */
function embedders(vectorOf: (t: string) => Float32Array, mode: 'gated' | 'all', gateCos = 0.895) {
  const asked: string[] = [];
  const embed = async (texts: string[]) => {
    asked.push(...texts);
    return texts.map((t) => vectorOf(t).slice());
  };
  const gate = createInProcessNoteGate({ itemKinds: PARAMS.link.coTargetKinds, staticChecksum: 'test', staticEmbed: vectorOf, embed, gate: { windowMs: PARAMS.link.windowMs, minCosine: gateCos } });
  const embedder: NoteEmbedder = { id: 'fake', sha256: 'fake', embed, ...(mode === 'gated' ? { gate } : {}) };
  return { embedder, asked };
}

/** Drive featurize → link in batches of `size`; `ahead` prepares batch k+1 before handling batch k (the embedded chain's lookahead). */
async function drive(featurize: StageProcessor, link: StageProcessor, records: Rec[], size: number, ahead: boolean) {
  const features: unknown[] = [];
  const links: unknown[] = [];
  const batches: Rec[][] = [];
  for (let i = 0; i < records.length; i += size) batches.push(records.slice(i, i + size));
  const run = async (stage: StageProcessor, batch: unknown[], out: unknown[]) => {
    for (const [k, r] of batch.entries()) stage.handle({ role: 'events', partition: 'p', source: `s${k}`, value: Buffer.alloc(0), decoded: r }, (_role, _key, v) => out.push(v));
    stage.endBatch?.(() => {});
  };
  const linkBatch = async (from: number) => {
    const part = features.slice(from);
    await run(link, part, links);
  };
  let pending = ahead && batches.length > 0 ? featurize.prepare!(batches[0]) : null;
  for (let k = 0; k < batches.length; k++) {
    if (ahead) {
      await pending;
      pending = k + 1 < batches.length ? featurize.prepare!(batches[k + 1]) : null;
    } else await featurize.prepare!(batches[k]);
    const from = features.length;
    await run(featurize, batches[k], features);
    await linkBatch(from);
  }
  return { features, links };
}

async function pipeline(seed: number, mode: 'gated' | 'all', size = 40, ahead = false, metrics: Metrics = createMetrics()) {
  const { records, vectorOf } = stream(seed);
  const { embedder, asked } = embedders(vectorOf, mode);
  const featurize = createFeaturizeStage(metrics, embedder);
  const link = createLinkStage(PARAMS, createNearDupIndex({ maxK: PARAMS.link.nearDupMaxBits }), createMetrics());
  return { ...(await drive(featurize, link, records, size, ahead)), asked, metrics };
}

const isEmbeddingRecord = (v: unknown): v is NoteEmbeddingRecord => (v as { kind?: string }).kind === 'embedding';

describe('featurize, gated embeddings', () => {
  it('embeds only gate candidates and their matches; late vectors come just before the note that needed them', async () => {
    const { features, asked, metrics } = await pipeline(1, 'gated');
    const emitted = new Map<string, FeaturedEvent>();
    let late = 0;
    let own = 0;
    for (const [i, v] of features.entries()) {
      if (isEmbeddingRecord(v)) {
        late++;
        const earlier = emitted.get(v.note_id)!;
        expect(earlier).toBeDefined(); // the note went out before its late vector...
        expect(earlier.features?.embedding).toBeUndefined(); // ...without one
        expect(v.ts).toBe(earlier.ts);
        const next = features.slice(i + 1).find((x) => !isEmbeddingRecord(x)) as FeaturedEvent & NormalizedNote;
        expect(next.features?.embedding).toBeDefined(); // followed by the candidate that matched it
        continue;
      }
      const ev = v as FeaturedEvent & NormalizedNote;
      if (ev.type !== 'note') continue;
      emitted.set(ev.note_id, ev);
      if (!ev.features?.embedding) continue;
      own++;
      expect(ev.action).toBe('publish');
      expect(ev.ad_disclosure).not.toBe(true);
      expect(ev.targets.some((t) => PARAMS.link.coTargetKinds.includes(t.kind as 'product'))).toBe(true);
    }
    expect(own).toBeGreaterThan(10);
    expect(late).toBeGreaterThan(5);
    expect(asked.length).toBe(own + late);
    expect(metrics.get('featurize_embeddings_total')).toBe(own + late);
    expect(metrics.get('featurize_gate_candidates_total')).toBe(own);
    const notes = features.filter((v) => (v as FeaturedEvent).type === 'note').length;
    expect(asked.length).toBeLessThan(0.6 * notes);
  });

  it('gives link the same evidence as embedding every note, when the gate threshold covers link\'s', async () => {
    const gated = await pipeline(2, 'gated');
    const all = await pipeline(2, 'all');
    expect(all.links.some((l) => JSON.stringify(l).includes('"semantic"'))).toBe(true);
    expect(gated.links).toEqual(all.links);
    expect(gated.asked.length).toBeLessThan(all.asked.length);
  });

  it('makes the same decisions whatever the batch boundaries, with or without preparing a batch ahead', async () => {
    const base = await pipeline(3, 'gated', 1000);
    for (const [size, ahead] of [[1, false], [7, true], [40, true], [1, true]] as const) {
      const other = await pipeline(3, 'gated', size, ahead);
      expect(other.features).toEqual(base.features);
      expect(other.links).toEqual(base.links);
    }
  });

  it('keeps each prepared batch\'s plan with its own batch when an event id repeats in the next one', async () => {
    const { records, vectorOf } = stream(4);
    const { embedder } = embedders(vectorOf, 'all');
    const note = records.find((r) => (r as NormalizedNote).type === 'note') as NormalizedNote;
    const again = { ...note, title: 'different text', body: '' };
    const featurize = createFeaturizeStage(createMetrics(), { ...embedder, embed: async (texts) => texts.map((t) => Float32Array.of(t.startsWith('different') ? 1 : 0)) });
    await featurize.prepare!([note]);
    await featurize.prepare!([again]); // the next batch, prepared ahead
    const out: FeaturedEvent[] = [];
    for (const r of [note, again]) featurize.handle({ role: 'events', partition: 'p', source: 's', value: Buffer.alloc(0), decoded: r }, (_r, _k, v) => out.push(v as FeaturedEvent));
    expect(out.map((o) => o.features?.embedding)).toEqual([[0], [1]]);
  });
});
