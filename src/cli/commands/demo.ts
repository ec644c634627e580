import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDeployConfig } from '../../config/deploy-config.ts';
import { checkBar } from '../../eval/check-bar.ts';
import { readTruth } from '../../eval/eval-files.ts';
import { evaluate } from '../../eval/evaluate.ts';
import { detectFile } from '../../runtime/detect-file.ts';
import { latestRings } from '../../runtime/latest-rings.ts';
import { writeSimulation } from '../../sim/index.ts';
import { formatSummary } from '../format-eval.ts';
import { createProgress } from '../progress.ts';
import { formatRingTable } from '../ring-table.ts';

export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { scenario: { type: 'string', default: 'demo' }, seed: { type: 'string', default: '7' }, dir: { type: 'string' }, set: { type: 'string', multiple: true } },
  });
  const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'ringwatch-demo-'));
  const events = join(dir, 'events.jsonl.gz');
  const truthPath = join(dir, 'truth.json');
  const ringsPath = join(dir, 'rings.jsonl');
  const t0 = performance.now();
  process.stderr.write(`ringwatch demo: simulating scenario '${values.scenario}' (seed ${values.seed}) …\n`);
  const sim = await writeSimulation({ scenario: values.scenario!, seed: Number(values.seed), out: events, truth: truthPath });
  process.stderr.write(`  ${sim.events} events, ${sim.rings} planted rings → ${events}\n`);
  const cfg = loadDeployConfig({ sets: values.set });
  const bar = createProgress('  detecting', { force: true });
  const res = await detectFile({ input: events, out: ringsPath, dlq: join(dir, 'dlq.jsonl'), params: cfg.params, onProgress: (r, t) => bar.update(t ? r / t : 0) });
  bar.done(`${res.lines} events, ${(res.lines / res.seconds).toFixed(0)} events/s`);
  const rings = latestRings(res.rings);
  process.stdout.write(`\nFlagged rings (${rings.length}):\n${formatRingTable(rings)}\n`);
  const result = evaluate(await readTruth(truthPath), res.rings);
  process.stdout.write(`\nAgainst the sample's ground truth:\n${formatSummary(result, checkBar(result))}`);
  process.stdout.write(`\nFiles: ${dir} (events, truth, rings.jsonl, dlq.jsonl). Total ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`);
  return 0;
}
