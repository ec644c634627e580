/**
 * The gated encoder's worker: owns the static table, the semantic gate's state and a
 * single-threaded ONNX session (batch 1, so a vector is a function of its text alone), and
 * answers requests strictly in arrival order — the gate's decisions follow the stream order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gateBatch, type GateInputNote, type GateOutcome } from '../../core/semantic/gate-batch.ts';
import { SemanticGate, type SemanticGateOptions } from '../../core/semantic/semantic-gate.ts';
import { withEmbeddingCache } from './embedding-cache.ts';
import { ModelError } from './model-error.ts';
import { loadEncoder, type EncoderOptions } from './sentence-encoder.ts';
import { loadStaticEmbedder } from './static-embedder.ts';

export type GatedRequest = { seq: number; type: 'gate'; notes: GateInputNote[] } | { seq: number; type: 'embed'; texts: string[] };
export type GatedReply =
  | { type: 'ready'; id: string; sha256: string; dims: number; staticId: string; staticChecksum: string }
  | { type: 'init-error'; reason: string; message: string; staticTable: boolean }
  | { type: 'gated'; seq: number; outcomes: GateOutcome[]; compared: number; transformerRuns: number }
  | { type: 'embedded'; seq: number; vectors: Float32Array[]; transformerRuns: number }
  | { type: 'error'; seq: number; message: string };

export type GatedWorkerData = {
  modelDir: string;
  encoder: Partial<EncoderOptions>;
  gate: Pick<SemanticGateOptions, 'windowMs' | 'minCosine'> & Partial<SemanticGateOptions>;
  cacheEntries: number;
};

const port = parentPort!;
const data = workerData as GatedWorkerData;

function buffers(vs: Float32Array[]): ArrayBuffer[] {
  return [...new Set(vs.map((v) => v.buffer as ArrayBuffer))];
}

let staticStage = false;
try {
  // both loads at once (the ONNX session is created off the JS thread while the table is read and
  // checked); a failure is reported for the transformer first, as when they ran one after the other
  const loadingBase = loadEncoder(data.modelDir, data.encoder);
  const loadingTable = loadStaticEmbedder(data.modelDir, { verifySha256: data.encoder.verifySha256 ?? true });
  loadingTable.catch(() => {}); // awaited below; this keeps an early failure from counting as unhandled
  const base = await loadingBase;
  staticStage = true;
  const table = await loadingTable;
  staticStage = false;
  let transformerRuns = 0;
  const counted = { ...base, embed: (texts: string[]) => ((transformerRuns += texts.length), base.embed(texts)) };
  const encoder = withEmbeddingCache(counted, { maxEntries: data.cacheEntries });
  const gate = new SemanticGate<string>(data.gate);
  const runs = (): number => transformerRuns;
  let queue = Promise.resolve();
  const handle = async (req: GatedRequest): Promise<void> => {
    try {
      const before = runs();
      if (req.type === 'gate') {
        const res = await gateBatch(gate, req.notes, table.embed, (t) => encoder.embed(t));
        const vs = res.outcomes.flatMap((o) => [o.embedding, ...o.earlier.map((e) => e.embedding)]);
        port.postMessage({ type: 'gated', seq: req.seq, outcomes: res.outcomes, compared: res.compared, transformerRuns: runs() - before } satisfies GatedReply, buffers(vs));
      } else {
        const vectors = await encoder.embed(req.texts);
        port.postMessage({ type: 'embedded', seq: req.seq, vectors, transformerRuns: runs() - before } satisfies GatedReply, buffers(vectors));
      }
    } catch (err) {
      port.postMessage({ type: 'error', seq: req.seq, message: String((err as Error)?.message ?? err) } satisfies GatedReply);
    }
  };
  port.on('message', (req: GatedRequest) => {
    queue = queue.then(() => handle(req));
  });
  port.postMessage({ type: 'ready', id: base.id, sha256: base.sha256, dims: base.dims, staticId: table.id, staticChecksum: table.checksum } satisfies GatedReply);
} catch (err) {
  const reason = err instanceof ModelError ? err.reason : 'load';
  port.postMessage({ type: 'init-error', reason, message: String((err as Error)?.message ?? err), staticTable: staticStage } satisfies GatedReply);
}
