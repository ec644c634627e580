import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATIC_TABLE_BIN, STATIC_TABLE_JSON, staticTableCommand } from '../../src/adapters/onnx/static-table.ts';
import { resolveParams } from '../../src/config/params.ts';
import { STATIC_TABLE_DISTILL_COMMAND, loadEmbedder, modelProvenance } from '../../src/runtime/load-embedder.ts';
import { makeProvenance } from '../../src/runtime/provenance.ts';
import { FETCH_HINT, modelDir, modelFetched } from '../adapters/onnx/model-dirs.ts';

const ID = 'bge-small-zh-v15-q';
const DIR = modelDir(ID);
const MODELS = path.dirname(DIR);
const fetched = modelFetched(ID);
const tableBuilt = existsSync(path.join(DIR, STATIC_TABLE_BIN)) && existsSync(path.join(DIR, STATIC_TABLE_JSON));
const gated = resolveParams({ featurize: { embeddings: { enabled: true } } });
const all = resolveParams({ featurize: { embeddings: { enabled: true, mode: 'all', workers: 1 } } });

/** A models directory holding the model's manifest and weights but no static table. */
function withoutTable(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'rw-models-'));
  mkdirSync(path.join(root, ID));
  copyFileSync(path.join(DIR, 'manifest.json'), path.join(root, ID, 'manifest.json'));
  for (const f of ['model.onnx', 'tokenizer.json']) symlinkSync(path.join(DIR, f), path.join(root, ID, f));
  return root;
}

describe('loadEmbedder', () => {
  it('defaults to gated mode when embeddings are enabled', () => {
    expect(gated.featurize.embeddings.mode).toBe('gated');
    expect(gated.featurize.embeddings.staticMinCosine).toBeGreaterThan(0.9);
  });

  it('loads nothing when embeddings are off', async () => {
    expect(await loadEmbedder(resolveParams({}))).toEqual({ embedder: null, warning: null });
    expect(await modelProvenance(resolveParams({}))).toBeNull();
  });

  it('falls back to SimHash-only, naming the fetch command, when the model is missing', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'rw-models-'));
    const res = await loadEmbedder(gated, undefined, root);
    expect(res.embedder).toBeNull();
    expect(res.warning).toContain('npm run models:fetch');
    expect(await modelProvenance(gated, root)).toBeNull();
    rmSync(root, { recursive: true });
  }, 30_000);
});

describe.skipIf(!fetched)(`loadEmbedder with the model${fetched ? '' : ` (skipped: ${FETCH_HINT})`}`, () => {
  it('falls back to SimHash-only without building anything when the static table is missing', async () => {
    const root = withoutTable();
    try {
      const warned: string[] = [];
      const res = await loadEmbedder(gated, { warn: (_o: unknown, m: string) => warned.push(m), info: () => {} } as never, root);
      expect(res.embedder).toBeNull();
      expect(res.warning).toContain(STATIC_TABLE_DISTILL_COMMAND);
      expect(res.warning).toContain(staticTableCommand(ID));
      expect(res.warning).toContain('SimHash-only');
      expect(warned).toEqual([res.warning]);
      expect(existsSync(path.join(root, ID, STATIC_TABLE_BIN))).toBe(false);
      expect(await modelProvenance(gated, root)).toBeNull(); // provenance agrees: no model in use
      // mode 'all' does not need the table
      expect(await modelProvenance(all, root)).toMatchObject({ id: ID });
    } finally {
      rmSync(root, { recursive: true });
    }
  }, 60_000);

  it.skipIf(!tableBuilt)('stamps the static table checksum on provenance in gated mode, and only there', async () => {
    const tableSha = (JSON.parse(readFileSync(path.join(DIR, STATIC_TABLE_JSON), 'utf8')) as { sha256: string }).sha256;
    const res = await loadEmbedder(gated, undefined, MODELS);
    try {
      expect(res.warning).toBeNull();
      expect(res.embedder?.gate?.staticChecksum).toBe(tableSha);
      expect([...res.embedder!.gate!.itemKinds].sort()).toEqual([...gated.link.coTargetKinds].sort());
    } finally {
      await res.embedder?.close();
    }
    const prov = await modelProvenance(gated, MODELS);
    expect(prov?.staticSha256).toBe(tableSha);
    expect(makeProvenance(gated, prov).model_id).toBe(`${ID}+static:${tableSha}`);
    const plain = await modelProvenance(all, MODELS);
    expect(plain?.staticSha256).toBeUndefined();
    expect(makeProvenance(all, plain).model_id).toBe(ID);
    const loadedAll = await loadEmbedder(all, undefined, MODELS);
    expect(loadedAll.embedder?.gate).toBeUndefined();
    await loadedAll.embedder?.close();
  }, 60_000);
});
