/**
 * `npm run bench`: per-stage throughput and latency. Figures are printed, never asserted.
 * BENCH_ONLY=pipeline,simhash,… runs a subset; BENCH_RUNS sets repetitions.
 */
import type { BenchRow } from './bench-row.ts';

const SUITES: Record<string, () => Promise<{ run(): Promise<BenchRow[]> }>> = {
  pipeline: () => import('./pipeline.ts'),
  louvain: () => import('./louvain.ts'),
  simhash: () => import('./simhash.ts'),
  embedding: () => import('./embedding.ts'),
  'static-embedding': () => import('./static-embedding.ts'),
  snapshot: () => import('./snapshot.ts'),
};

const only = process.env.BENCH_ONLY?.split(',');
const all: BenchRow[] = [];
for (const [name, load] of Object.entries(SUITES)) {
  if (only && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name} …\n`);
  try {
    const rows = await (await load()).run();
    all.push(...rows);
    console.table(rows);
  } catch (err) {
    process.stderr.write(`bench: ${name} failed: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
process.stdout.write(`\n${JSON.stringify(all)}\n`);
