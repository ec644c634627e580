import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryLoadGatedEncoder } from '../../../src/adapters/onnx/gated-encoder.ts';
import { ModelError } from '../../../src/adapters/onnx/model-error.ts';
import { loadEncoder } from '../../../src/adapters/onnx/sentence-encoder.ts';
import { loadStaticEmbedder } from '../../../src/adapters/onnx/static-embedder.ts';
import { STATIC_TABLE_BIN, STATIC_TABLE_JSON, staticTableCommand } from '../../../src/adapters/onnx/static-table.ts';
import type { GateBatchResult } from '../../../src/core/semantic/gate-batch.ts';
import { createInProcessNoteGate } from '../../../src/stages/featurize/in-process-note-gate.ts';
import { toWire } from '../../../src/stages/featurize/note-embedder.ts';
import { simGateNotes } from './fixtures/sim-gate-notes.ts';
import { FETCH_HINT, modelDir, modelFetched } from './model-dirs.ts';

const ID = 'bge-small-zh-v15-q';
const DIR = modelDir(ID);
const ready = modelFetched(ID) && existsSync(path.join(DIR, STATIC_TABLE_BIN));
// a lower threshold than the default so the first notes of the stream already give candidates
const GATE = { windowMs: 28 * 24 * 3_600_000, minCosine: 0.95 };

/** Outcomes in a comparable form: note ids and wire vectors, batch-relative indices made absolute. */
function flatten(results: GateBatchResult[], sizes: number[]) {
  let offset = 0;
  return results.flatMap((r, b) => {
    const out = r.outcomes.map((o) => ({ index: o.index + offset, embedding: toWire(o.embedding), earlier: o.earlier.map((e) => ({ ...e, embedding: toWire(e.embedding) })) }));
    offset += sizes[b];
    return out;
  });
}

describe.skipIf(!ready)(`gated encoder (worker)${ready ? '' : ` (skipped: ${modelFetched(ID) ? `run \`${staticTableCommand(ID)}\`` : FETCH_HINT})`}`, () => {
  it('makes the same decisions and vectors as the gate in process, whatever the batches', async () => {
    const notes = simGateNotes(240);
    const [enc, table] = await Promise.all([loadEncoder(DIR), loadStaticEmbedder(DIR)]);
    const inProcess = createInProcessNoteGate({ itemKinds: [], staticChecksum: table.checksum, staticEmbed: table.embed, embed: (t) => enc.embed(t), gate: GATE });
    const want = flatten([await inProcess.run(notes)], [notes.length]);
    await enc.close();
    expect(want.length).toBeGreaterThan(3); // the stream has candidates...
    expect(want.length).toBeLessThan(notes.length / 2); // ...and the gate keeps most notes away from the transformer

    const res = await tryLoadGatedEncoder(DIR, { gate: GATE });
    const worker = res.encoder!;
    try {
      expect(worker.staticChecksum).toBe(table.checksum);
      const sizes = [1, 50, 7, 100, 82];
      const parts: GateBatchResult[] = [];
      let at = 0;
      // posted without waiting: the worker must still take them in order
      const pending = sizes.map((s) => worker.gate(notes.slice(at, (at += s))));
      parts.push(...(await Promise.all(pending)));
      expect(flatten(parts, sizes)).toEqual(want);
    } finally {
      await worker.close();
    }
  }, 120_000);

  /** A model dir with the real manifest and weights and the static table files `setup` writes. */
  function scratch(setup: (dir: string) => void): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'rw-gated-'));
    copyFileSync(path.join(DIR, 'manifest.json'), path.join(dir, 'manifest.json'));
    for (const f of ['model.onnx', 'tokenizer.json']) symlinkSync(path.join(DIR, f), path.join(dir, f));
    setup(dir);
    return dir;
  }

  it('reports a missing or stale static table at once, naming the command that builds it, and never builds it', async () => {
    const stale = (dir: string) => {
      const meta = JSON.parse(readFileSync(path.join(DIR, STATIC_TABLE_JSON), 'utf8'));
      meta.source.onnxSha256 = '0'.repeat(64);
      writeFileSync(path.join(dir, STATIC_TABLE_JSON), JSON.stringify(meta));
      symlinkSync(path.join(DIR, STATIC_TABLE_BIN), path.join(dir, STATIC_TABLE_BIN));
    };
    for (const setup of [() => {}, stale]) {
      const dir = scratch(setup);
      try {
        const res = await tryLoadGatedEncoder(dir, { gate: GATE });
        expect(res.encoder).toBeNull();
        expect(res.missing).toBe('static-table');
        expect(res.message).toContain(staticTableCommand(ID));
        if (setup !== stale) expect(existsSync(path.join(dir, STATIC_TABLE_JSON))).toBe(false);
      } finally {
        rmSync(dir, { recursive: true });
      }
    }
  }, 60_000);

  it('fails the first request with RW_MODEL_MISSING when the table is present but corrupt', async () => {
    const dir = scratch((d) => {
      copyFileSync(path.join(DIR, STATIC_TABLE_JSON), path.join(d, STATIC_TABLE_JSON));
      writeFileSync(path.join(d, STATIC_TABLE_BIN), Buffer.alloc(statSync(path.join(DIR, STATIC_TABLE_BIN)).size));
    });
    try {
      const res = await tryLoadGatedEncoder(dir, { gate: GATE });
      const err = (await res.encoder!.gate(simGateNotes(3)).catch((e: unknown) => e)) as ModelError;
      expect(err).toBeInstanceOf(ModelError);
      expect(err.code).toBe('RW_MODEL_MISSING');
      expect(err.reason).toBe('checksum');
      await res.encoder!.close();
    } finally {
      rmSync(dir, { recursive: true });
    }
  }, 60_000);
});

describe('gated encoder without a model', () => {
  it('reports the model as missing', async () => {
    const res = await tryLoadGatedEncoder('/nonexistent/model', { gate: GATE });
    expect(res.encoder).toBeNull();
    expect(res.missing).toBe('model');
  }, 30_000);
});
