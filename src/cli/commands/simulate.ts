import { parseArgs } from 'node:util';
import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';
import { writeSimulation } from '../../sim/index.ts';

export async function simulateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { scenario: { type: 'string', default: 'default' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, truth: { type: 'string' } },
  });
  if (!values.out || !values.truth) throw new RingwatchError(ERROR_CODES.USAGE, 'simulate needs --out FILE and --truth FILE');
  const t0 = performance.now();
  const r = await writeSimulation({ scenario: values.scenario!, seed: Number(values.seed), out: values.out, truth: values.truth });
  process.stderr.write(`simulate: ${values.scenario} seed ${values.seed}: ${r.events} events, ${r.rings} rings in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return 0;
}
