// Worker entry shim. Node 20 does not pass tsx's module hooks on to worker
// threads, so a worker whose real entry is TypeScript registers tsx itself
// before importing it. Plain JavaScript entries are imported directly.
import { workerData } from 'node:worker_threads';

const entry = workerData.entry;
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
