/**
 * File adapter: stream a simulation to JSONL (gzip when the name ends in .gz) and write the
 * truth JSON next to it. Output is byte-identical for the same scenario and seed.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { ScenarioParams } from './scenarios.ts';
import { simulate } from './simulate.ts';

export interface WriteSimulationOptions {
  scenario: string | ScenarioParams;
  seed: number;
  /** events file: .jsonl or .jsonl.gz */
  out: string;
  /** truth file (JSON) */
  truth: string;
}

const BATCH = 2048;

export async function writeSimulation(opts: WriteSimulationOptions): Promise<{ events: number; rings: number }> {
  const sim = simulate(opts.scenario, opts.seed);
  await mkdir(dirname(opts.out), { recursive: true });
  await mkdir(dirname(opts.truth), { recursive: true });
  function* lines(): Generator<string> {
    let buf: string[] = [];
    for (const ev of sim.events) {
      buf.push(JSON.stringify(ev));
      if (buf.length >= BATCH) {
        yield buf.join('\n') + '\n';
        buf = [];
      }
    }
    if (buf.length > 0) yield buf.join('\n') + '\n';
  }
  const source = Readable.from(lines(), { objectMode: false });
  const sink = createWriteStream(opts.out);
  if (opts.out.endsWith('.gz')) await pipeline(source, createGzip({ level: 6 }), sink);
  else await pipeline(source, sink);
  const truth = sim.truth();
  await writeFile(opts.truth, JSON.stringify(truth, null, 1) + '\n');
  return { events: truth.events, rings: truth.rings.length };
}
