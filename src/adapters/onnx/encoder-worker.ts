/**
 * One worker of the encoder pool: owns its own ONNX session and tokenizer and
 * answers embed requests from the pool, one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ModelError } from './model-error.ts';
import { loadEncoder, type EncoderOptions } from './sentence-encoder.ts';

export type WorkerRequest = { seq: number; texts: string[] };
export type WorkerReply =
  | { type: 'ready'; id: string; sha256: string; dims: number; maxTokens: number }
  | { type: 'init-error'; reason: string; message: string }
  | { type: 'result'; seq: number; vectors: Float32Array[] }
  | { type: 'error'; seq: number; message: string };

const port = parentPort!;
const { modelDir, options } = workerData as { modelDir: string; options: Partial<EncoderOptions> };

try {
  const encoder = await loadEncoder(modelDir, options);
  port.on('message', async (req: WorkerRequest) => {
    try {
      const vectors = await encoder.embed(req.texts);
      port.postMessage({ type: 'result', seq: req.seq, vectors } satisfies WorkerReply, vectors.map((v) => v.buffer as ArrayBuffer));
    } catch (err) {
      port.postMessage({ type: 'error', seq: req.seq, message: String((err as Error)?.message ?? err) } satisfies WorkerReply);
    }
  });
  port.postMessage({ type: 'ready', id: encoder.id, sha256: encoder.sha256, dims: encoder.dims, maxTokens: encoder.maxTokens } satisfies WorkerReply);
} catch (err) {
  const reason = err instanceof ModelError ? err.reason : 'load';
  port.postMessage({ type: 'init-error', reason, message: String((err as Error)?.message ?? err) } satisfies WorkerReply);
}
