/**
 * A SentenceEncoder backed by worker threads, each with its own single-threaded
 * ONNX session. Texts are split into chunks that go to whichever worker is
 * free, so the main thread (the stream) never blocks on inference and both
 * cores stay busy. Results come back in input order.
 *
 * Why: onnxruntime-node keeps the JS thread busy for much of each run (bench:
 * event-loop delay p99 ~66 ms in-process vs ~7 ms with the pool), and two
 * single-threaded sessions scale where one two-threaded session mostly spins.
 */
import { Worker } from 'node:worker_threads';
import { ModelError, type ModelErrorReason } from './model-error.ts';
import type { EncoderOptions, SentenceEncoder } from './sentence-encoder.ts';
import type { WorkerReply } from './encoder-worker.ts';

export type EncoderPoolOptions = EncoderOptions & { workers: number; chunkSize: number };

export const ENCODER_POOL_DEFAULTS = Object.freeze({
  workers: 2,
  /** Texts handed to a worker at once: small enough to balance, large enough to amortise messaging. */
  chunkSize: 8,
});

type Job = { texts: string[]; resolve: (v: Float32Array[]) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; busy: Job | null; seq: number };

const BOOT = new URL('./encoder-worker.boot.mjs', import.meta.url);
const ENTRY = new URL('./encoder-worker.ts', import.meta.url).href;

export async function loadEncoderPool(modelDir: string, options: Partial<EncoderPoolOptions> = {}): Promise<SentenceEncoder> {
  const { workers, chunkSize, ...encoderOptions } = { ...ENCODER_POOL_DEFAULTS, intraOpNumThreads: 1, ...options };
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a positive integer, got ${workers}`);
  const slots: Slot[] = [];
  const started = Array.from({ length: workers }, () => {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY, modelDir, options: encoderOptions } });
    slots.push({ worker, busy: null, seq: 0 });
    return new Promise<Extract<WorkerReply, { type: 'ready' }>>((resolve, reject) => {
      worker.once('message', (m: WorkerReply) => {
        if (m.type === 'ready') resolve(m);
        else if (m.type === 'init-error') reject(new ModelError(m.reason as ModelErrorReason, m.message));
        else reject(new ModelError('load', `encoder worker sent ${m.type} before ready`));
      });
      worker.once('error', (err) => reject(new ModelError('load', 'encoder worker failed to start', err)));
    });
  });
  let info: Extract<WorkerReply, { type: 'ready' }>;
  try {
    [info] = await Promise.all(started);
  } catch (err) {
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw err;
  }

  const queue: Job[] = [];
  let closed = false;

  const pump = (): void => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.busy = job;
      slot.worker.postMessage({ seq: ++slot.seq, texts: job.texts });
    }
  };

  for (const slot of slots) {
    slot.worker.on('message', (m: WorkerReply) => {
      const job = slot.busy;
      if (!job || (m.type !== 'result' && m.type !== 'error') || m.seq !== slot.seq) return;
      slot.busy = null;
      if (m.type === 'result') job.resolve(m.vectors);
      else job.reject(new Error(`encoder worker: ${m.message}`));
      pump();
    });
    slot.worker.on('exit', (code) => {
      if (closed) return;
      // A dead worker takes its job down with it; the others carry on.
      slots.splice(slots.indexOf(slot), 1);
      slot.busy?.reject(new Error(`encoder worker exited with code ${code}`));
      slot.busy = null;
      if (slots.length === 0) for (const job of queue.splice(0)) job.reject(new Error('all encoder workers exited'));
    });
  }

  const run = (texts: string[]): Promise<Float32Array[]> =>
    new Promise((resolve, reject) => {
      queue.push({ texts, resolve, reject });
      pump();
    });

  return {
    id: info.id,
    sha256: info.sha256,
    dims: info.dims,
    maxTokens: info.maxTokens,
    async embed(texts: string[]): Promise<Float32Array[]> {
      if (closed) throw new Error('encoder pool is closed');
      if (slots.length === 0) throw new Error('all encoder workers exited');
      const parts: Promise<Float32Array[]>[] = [];
      for (let i = 0; i < texts.length; i += chunkSize) parts.push(run(texts.slice(i, i + chunkSize)));
      return (await Promise.all(parts)).flat();
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
