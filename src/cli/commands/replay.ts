/**
 * `ringwatch replay --snapshot PATH --out DIR [--set key=value ...] [--no-verify] [--quiet]`:
 * re-run detection over a Parquet snapshot with changed params and diff against what was
 * recorded (src/snapshot/replay-snapshot.ts). Writes DIR/{rings.jsonl, rings/, ring_members/,
 * ring_diff/, summary.md, manifest.json}.
 */
import { parseArgs } from 'node:util';
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';
import { replaySnapshot } from '../../snapshot/replay-snapshot.ts';
import { createProgress } from '../progress.ts';
import { reportSnapshotError } from './snapshot-options.ts';

export const REPLAY_USAGE = `replay --snapshot DIR --out DIR [--set k=v ...] [--no-verify]
                                     re-run link/cluster/flag over a Parquet snapshot with changed params; diff vs recorded rings`;

export async function replayCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      snapshot: { type: 'string' },
      out: { type: 'string' },
      set: { type: 'string', multiple: true },
      'no-verify': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (!values.snapshot || !values.out) throw new RingwatchError(ERROR_CODES.USAGE, 'replay needs --snapshot DIR and --out DIR');
  const bar = createProgress('replay');
  try {
    const r = await replaySnapshot({
      snapshot: values.snapshot,
      out: values.out,
      sets: values.set ?? [],
      verify: !values['no-verify'],
      onProgress: (done, total) => bar.update(total ? done / total : 1),
    });
    bar.done();
    const c = r.diff.counts;
    if (!values.quiet)
      process.stderr.write(
        `replay: ${r.events} events, ${r.rings.length} ring events (recorded ${r.recorded.length}) in ${r.seconds.toFixed(1)} s; ` +
          `${r.diff.identicalEvents ? 'identical to recorded' : `added ${c.added}, removed ${c.removed}, membership changed ${c.membership_changed}, score changed ${c.score_changed}, status changed ${c.status_changed}, unchanged ${c.unchanged}`} → ${values.out}\n`,
      );
    return 0;
  } catch (err) {
    return reportSnapshotError(err);
  }
}
