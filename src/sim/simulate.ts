/**
 * Public entry: `simulate(scenario, seed)` returns a lazily generated, re-iterable event stream
 * and a truth builder. Each iteration of `events` rebuilds the world from the seed, so two
 * iterations yield identical events. `truth()` describes the most recent completed iteration;
 * if none has completed it runs one (discarding the events) to find out.
 */
import type { InputEvent } from '../contracts/events.ts';
import type { Truth } from '../contracts/truth.ts';
import { buildTruth } from './build-truth.ts';
import { Engine } from './engine.ts';
import { resolveScenario, type ScenarioParams } from './scenarios.ts';
import { buildWorld } from './world.ts';

export interface SimulateOptions {
  /** called after each one-hour window is processed (instrumentation; tests use it to check laziness) */
  onWindow?: (index: number) => void;
}

export interface Simulation {
  readonly params: ScenarioParams;
  readonly seed: number;
  readonly events: Iterable<InputEvent>;
  truth(): Truth;
}

export function simulate(scenario: string | ScenarioParams, seed: number, opts: SimulateOptions = {}): Simulation {
  const params = resolveScenario(scenario);
  let last: Truth | undefined;
  const run = function* (): Generator<InputEvent> {
    const world = buildWorld(params, seed);
    const engine = new Engine(world);
    yield* engine.run(opts.onWindow);
    last = buildTruth(world, engine.stats);
  };
  return {
    params,
    seed,
    events: { [Symbol.iterator]: run },
    truth() {
      if (!last) for (const _ of run());
      return last!;
    },
  };
}
