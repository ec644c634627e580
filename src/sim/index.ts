/** The traffic simulator's public surface. Detector code must not import from src/sim. */
export { SCENARIOS, resolveScenario } from './scenarios.ts';
export type { ScenarioParams, RingParams, HardNegativeParams, NoiseParams } from './scenarios.ts';
export { simulate } from './simulate.ts';
export type { Simulation, SimulateOptions } from './simulate.ts';
export { writeSimulation } from './write-simulation.ts';
export type { WriteSimulationOptions } from './write-simulation.ts';
