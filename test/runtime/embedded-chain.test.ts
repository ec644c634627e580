import { describe, expect, it } from 'vitest';
import { routeRaw } from '../../src/adapters/files/jsonl-reader.ts';
import { resolveParams } from '../../src/config/params.ts';
import type { RingEvent } from '../../src/contracts/ring.ts';
import { seededRng } from '../../src/core/cluster/seeded-rng.ts';
import { EmbeddedChain } from '../../src/runtime/embedded-chain.ts';
import { createMetrics } from '../../src/runtime/metrics.ts';
import { createStage } from '../../src/runtime/pipeline.ts';
import { makeProvenance } from '../../src/runtime/provenance.ts';
import { STAGE_ORDER, type StageProcessor } from '../../src/stages/stage.ts';
import { miniStream } from '../fixtures/mini-stream.ts';
import { wordBagEmbedder } from '../fixtures/word-bag-embedder.ts';

/** Three toy stages: a pass-through source, a stage whose async prepare (random delays) feeds handle, a sink. */
function toyStages(log: string[], seed: number, failAt = -1): StageProcessor[] {
  const rng = seededRng(seed);
  const source: StageProcessor = { name: 'ingest', inputs: ['notes'], outputs: ['events'], handle: (m, emit) => emit('events', null, m.decoded), flush() {} };
  const prepared = new Map<number, number>();
  let batches = 0;
  const middle: StageProcessor = {
    name: 'featurize',
    inputs: ['events'],
    outputs: ['features'],
    prepareAhead: true,
    async prepare(records) {
      const b = batches++;
      log.push(`prepare ${b} start`);
      await new Promise((r) => setTimeout(r, Math.floor(rng() * 4)));
      if (b === failAt) throw new Error('prepare failed');
      for (const r of records) prepared.set(r as number, (r as number) * 10);
      log.push(`prepare ${b} done`);
    },
    handle(m, emit) {
      const x = m.decoded as number;
      log.push(`handle ${x}`);
      emit('features', null, { x, y: prepared.get(x), source: m.source });
      prepared.delete(x);
    },
    endBatch: (emit) => emit('features', null, 'end of batch'),
    flush() {},
  };
  const sink: StageProcessor = { name: 'link', inputs: ['features'], outputs: ['links'], handle: (m, emit) => emit('links', null, m.decoded), endBatch: (emit) => emit('links', null, 'sink batch'), flush() {} };
  return [source, middle, sink];
}

async function runToy(sizes: number[], maxAheadRecords: number, seed = 1, failAt = -1) {
  const log: string[] = [];
  const out: unknown[] = [];
  const chain = new EmbeddedChain(toyStages(log, seed, failAt), { onOutput: (_r, _k, v) => out.push(v) }, { maxAheadRecords });
  let x = 0;
  for (const size of sizes) {
    for (let i = 0; i < size; i++) chain.pushDecoded('notes', x++);
    await chain.endBatch();
  }
  await chain.end();
  return { out, log };
}

describe('EmbeddedChain lookahead', () => {
  const sizes = [5, 1, 0, 8, 3, 3, 12, 1, 7];

  it('gives the same outputs with and without preparing ahead, and really overlaps', async () => {
    const plain = await runToy(sizes, 0);
    expect(plain.out.filter((v) => typeof v === 'object' && (v as { y?: number }).y === undefined)).toEqual([]);
    for (const [ahead, seed] of [[4, 2], [10, 3], [1000, 4]]) {
      const la = await runToy(sizes, ahead, seed);
      expect(la.out).toEqual(plain.out);
      // a later batch's prepare started before an earlier batch was handled (the first batch alone exceeds a 4-record lookahead)
      if (ahead >= 10) expect(la.log.indexOf('prepare 1 start')).toBeLessThan(la.log.indexOf('handle 0'));
    }
    // without lookahead every batch is handled before the next is prepared
    expect(plain.log.indexOf('prepare 1 start')).toBeGreaterThan(plain.log.indexOf('handle 0'));
  });

  it('reports a failed prepare from the call that reaches its batch', async () => {
    await expect(runToy(sizes, 1000, 1, 2)).rejects.toThrow('prepare failed');
    await expect(runToy(sizes, 0, 1, 2)).rejects.toThrow('prepare failed');
  });

  it('gives the same rings on the real stages with gated embeddings, whatever the batching and lookahead', async () => {
    const params = resolveParams({ featurize: { embeddings: { enabled: true, staticMinCosine: 0.9 } }, link: { semanticMinCosine: 0.9 } });
    const lines = miniStream(3).lines;
    const run = async (batch: number, maxAheadRecords: number) => {
      const metrics = createMetrics();
      const embedder = wordBagEmbedder(params);
      const stages = STAGE_ORDER.map((n) => createStage(n, params, makeProvenance(params, null), metrics, { embedder }));
      const rings: RingEvent[] = [];
      const chain = new EmbeddedChain(stages, { onOutput: (role, _k, v) => role === 'rings' && rings.push(v as RingEvent) }, { maxAheadRecords });
      for (let i = 0; i < lines.length; i++) {
        const raw = Buffer.from(lines[i]);
        chain.push(routeRaw(raw), raw, `file:${i + 1}`);
        if (i % batch === batch - 1) await chain.endBatch();
      }
      await chain.end();
      return { rings, late: metrics.get('link_late_embeddings_total'), embedded: embedder.calls.texts };
    };
    const base = await run(100_000, 0);
    expect(base.rings.length).toBeGreaterThan(0);
    expect(base.late).toBeGreaterThan(0); // late vectors reached link
    for (const [batch, ahead] of [[50, 0], [50, 8192], [7, 30], [333, 8192]]) {
      const other = await run(batch, ahead);
      expect(other.rings).toEqual(base.rings);
      expect(other.embedded).toBe(base.embedded);
    }
  });
});
