import { parseArgs } from 'node:util';
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';
import { checkBar } from '../../eval/check-bar.ts';
import { readRingsJsonl, readTruth, writeReport } from '../../eval/eval-files.ts';
import { evaluate } from '../../eval/evaluate.ts';
import { formatSummary } from '../format-eval.ts';

export async function evalCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { truth: { type: 'string' }, rings: { type: 'string' }, report: { type: 'string' }, gate: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  if (!values.truth || !values.rings) throw new RingwatchError(ERROR_CODES.USAGE, 'eval needs --truth FILE and --rings FILE');
  const result = evaluate(await readTruth(values.truth), await readRingsJsonl(values.rings));
  if (values.report) await writeReport(values.report, result);
  const check = checkBar(result);
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(formatSummary(result, check));
  return values.gate && !check.pass ? 1 : 0;
}
