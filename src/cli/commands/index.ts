/** Subcommands, loaded on demand so that `run` does not pay for the simulator or the evaluator. */
export type Command = (args: string[]) => Promise<number>;

export const COMMANDS: Record<string, Command> = {
  demo: async (a) => (await import('./demo.ts')).demoCommand(a),
  detect: async (a) => (await import('./detect.ts')).detectCommand(a),
  simulate: async (a) => (await import('./simulate.ts')).simulateCommand(a),
  eval: async (a) => (await import('./eval.ts')).evalCommand(a),
  run: async (a) => (await import('./run.ts')).runCommand(a),
  produce: async (a) => (await import('./produce.ts')).produceCommand(a),
  replay: async (a) => (await import('./replay.ts')).replayCommand(a),
};

export function usage(): string {
  return `Usage: ringwatch <command> [options]

  demo                               generate a sample stream with known rings, detect, score against truth
  detect --input F.jsonl[.gz] --out rings.jsonl [--dlq dlq.jsonl] [--config F] [--set k=v ...]
                                     run the embedded engine over a file, in file order
  simulate --scenario NAME --seed N --out events.jsonl.gz --truth truth.json
                                     generate synthetic traffic with ground truth
  eval --truth truth.json --rings rings.jsonl [--report DIR] [--gate]
                                     precision/recall/false-flag/time-to-detection against ground truth
  run --stage NAME|all --config FILE [--snapshot-dir DIR]
                                     run pipeline stages against Kafka (each stage its own consumer group);
                                     NAME: ingest|featurize|link|cluster|flag|snapshot
  produce --input F.jsonl[.gz] [--config FILE]
                                     load a JSONL file into the input topics (routed by type)
  replay --snapshot DIR [--set k=v ...] --out DIR
                                     re-run link/cluster/flag from a Parquet snapshot; diff against what was recorded
`;
}
