/**
 * The `ringwatch` command. Each subcommand lives in its own file under src/cli/commands/.
 */
import { RingwatchError } from '../errors/codes.ts';
import { COMMANDS, usage } from './commands/index.ts';

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(usage());
    return cmd ? 0 : 2;
  }
  const run = COMMANDS[cmd];
  if (!run) {
    process.stderr.write(`ringwatch: unknown command '${cmd}'\n\n${usage()}`);
    return 2;
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const code = (err as { code?: unknown })?.code;
    if (err instanceof RingwatchError || typeof code === 'string') process.stderr.write(`ringwatch: ${String(code)}: ${(err as Error).message}\n`);
    else process.stderr.write(`ringwatch: unexpected failure: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
