/**
 * A/B of gated-embedding throughput for cluster settings, in one process so that both sides see
 * the same machine load: the bench's demo stream (seed 3), embeddings on (gated), each
 * configuration run in turn, `RUNS` (3) times. Prints notes/s per run, sorted.
 * Usage: npx tsx bench/gated-ab.ts   (AB_OVERRIDES='{"cluster":{…}}' for another comparison)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveParams, type Params } from '../src/config/params.ts';
import { detectFile } from '../src/runtime/detect-file.ts';
import { writeSimulation } from '../src/sim/write-simulation.ts';

type Overrides = Record<string, Record<string, unknown>>;
// AB_OVERRIDES='{"cluster":{...}}' compares the defaults with those overrides instead
const CONFIGS: Record<string, Overrides> = process.env.AB_OVERRIDES
  ? { defaults: {}, [process.env.AB_OVERRIDES]: JSON.parse(process.env.AB_OVERRIDES) as Overrides }
  : { defaults: {}, 'early seeds off, one attachment round, no hysteresis': { cluster: { weakCoreK: 0, attachRounds: 1, keepAgedMembers: false } } };
const RUNS = Number(process.env.RUNS ?? 3);

const dir = mkdtempSync(join(tmpdir(), 'ringwatch-gated-ab-'));
try {
  const events = join(dir, 'events.jsonl');
  await writeSimulation({ scenario: 'demo', seed: 3, out: events, truth: join(dir, 'truth.json') });
  const rates: Record<string, number[]> = {};
  for (let r = 0; r < RUNS; r++)
    for (const [name, o] of Object.entries(CONFIGS)) {
      const params: Params = resolveParams({ ...o, featurize: { embeddings: { enabled: true } } });
      const res = await detectFile({ input: events, params });
      (rates[name] ??= []).push(Math.round(res.metrics.get('featurize_notes_total') / res.seconds));
    }
  for (const [name, v] of Object.entries(rates)) console.log(`${name}: ${v.sort((a, b) => a - b).join(' / ')} notes/s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
