import { parseArgs } from 'node:util';
import { loadDeployConfig } from '../../config/deploy-config.ts';
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';
import { detectFile } from '../../runtime/detect-file.ts';
import { createProgress } from '../progress.ts';
import { reportSnapshotError, SNAPSHOT_CLI_OPTIONS, snapshotOptionsFromCli } from './snapshot-options.ts';

export async function detectCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      input: { type: 'string' },
      out: { type: 'string' },
      dlq: { type: 'string' },
      config: { type: 'string' },
      set: { type: 'string', multiple: true },
      quiet: { type: 'boolean', default: false },
      ...SNAPSHOT_CLI_OPTIONS,
    },
  });
  if (!values.input || !values.out) throw new RingwatchError(ERROR_CODES.USAGE, 'detect needs --input FILE and --out FILE');
  const cfg = loadDeployConfig({ file: values.config, sets: values.set });
  let snap: ReturnType<typeof snapshotOptionsFromCli>;
  try {
    snap = snapshotOptionsFromCli(values);
  } catch (err) {
    return reportSnapshotError(err);
  }
  const bar = createProgress('detect');
  const res = await detectFile({
    ...snap,
    input: values.input,
    out: values.out,
    dlq: values.dlq ?? `${values.out.replace(/\.jsonl$/, '')}.dlq.jsonl`,
    params: cfg.params,
    onProgress: (r, t) => bar.update(t ? r / t : 0),
  });
  bar.done();
  const flagged = new Set(res.rings.map((r) => r.ring_id)).size;
  if (!values.quiet)
    process.stderr.write(`detect: ${res.lines} lines, ${res.deadLetters} dead-lettered, ${flagged} rings (${res.rings.length} ring events) in ${res.seconds.toFixed(1)} s → ${values.out}${res.snapshot ? `, snapshot → ${snap.snapshot}` : ''}\n`);
  return 0;
}
