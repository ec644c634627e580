/**
 * What every pipeline stage is: a deterministic processor from an ordered input sequence to
 * ordered outputs. Stages do no I/O; the stage runner (src/runtime/stage-runner.ts) connects
 * them to a Bus (Kafka or in-memory), numbers their outputs and makes redelivery idempotent.
 */
import type { TopicRole } from '../contracts/events.ts';

export type StageName = 'ingest' | 'featurize' | 'link' | 'cluster' | 'flag';
export const STAGE_ORDER: readonly StageName[] = Object.freeze(['ingest', 'featurize', 'link', 'cluster', 'flag']);

export interface StageInput {
  role: TopicRole;
  /** `${topic}:${partition}` — a stable name for the input partition. */
  partition: string;
  /** `${topic}:${partition}:${offset}` or `file:line`. */
  source: string;
  value: Buffer;
  decoded?: unknown;
}

export interface Emit {
  (role: TopicRole, key: string | null, value: unknown): void;
}

export interface StageProcessor {
  readonly name: StageName;
  readonly inputs: readonly TopicRole[];
  readonly outputs: readonly TopicRole[];
  /** The input partitions this instance will read (`${topic}:${partition}`), before the first message. */
  assign?(partitions: readonly string[]): void;
  /** Optional async work over a whole batch of decoded inputs before they are handled one by one (e.g. batched model inference). */
  prepare?(records: readonly unknown[]): Promise<void>;
  /**
   * `prepare` depends only on this stage's own state (never on what `handle` did), so a runner may
   * start `prepare` of the next batch before handling the current one (the embedded chain does, for
   * the stage after ingest, so the main thread handles one batch while a worker prepares the next).
   * The outputs must be identical either way.
   */
  readonly prepareAhead?: boolean;
  handle(msg: StageInput, emit: Emit): void;
  /** Called after each delivered batch: a cheap place for work that need not run per message. */
  endBatch?(emit: Emit): void;
  /** Input partition has no more data for now. */
  idle?(partition: string, emit: Emit): void;
  /** All inputs are at their end and quiet: release anything buffered (end of a file, or an idle stream). */
  flush(emit: Emit): void;
}

/** Control record carried on internal topics: event time has reached `ts` (all earlier events were emitted). */
export interface Watermark {
  kind: 'watermark';
  ts: number;
  final: boolean;
}
