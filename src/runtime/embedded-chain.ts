/**
 * Embedded mode: the stages in one process, each stage's output handed to the next stage in
 * order, one input batch at a time (so a stage with async preparation — featurize computing
 * embeddings — sees a whole batch at once). Same stage code and the same record sequence as a
 * Kafka deployment; no broker, no serialisation. Memory is bounded by the detection window.
 *
 * Lookahead: when the stage right after the first one declares `prepareAhead` (featurize), each
 * endBatch() starts that stage's `prepare` for the new batch and returns; prepared batches are
 * then handled through the rest of the chain, oldest first, as soon as their preparation is done
 * (waiting only when more than `maxAheadRecords` are pending, or at end()). The main thread keeps
 * reading and handling while the worker embeds. Every stage still sees the same batches in the
 * same order, so the outputs are identical — only later.
 */
import type { TopicRole } from '../contracts/events.ts';
import { STAGE_ORDER, type Emit, type StageProcessor } from '../stages/stage.ts';

export interface ChainSinks {
  /** Called for records leaving the last stage (rings) and for dead letters. */
  onOutput(role: TopicRole, key: string | null, value: unknown): void;
  /** Optional: sees every inter-stage record too (snapshots tap `features`, `links`, `rings`). */
  tap?(role: TopicRole, value: unknown): void;
}

interface Pending {
  role: TopicRole;
  value: unknown;
}

interface Ahead {
  batch: Pending[];
  prepared: Promise<void>;
  settled: boolean;
}

export interface ChainOptions {
  /** Records of the prepareAhead stage whose preparation may be pending before endBatch() waits (0 = no lookahead). */
  maxAheadRecords: number;
}

export const CHAIN_DEFAULTS: Readonly<ChainOptions> = Object.freeze({
  /** A few input batches: enough to hide the worker's latency, little memory. */
  maxAheadRecords: 8192,
});

export class EmbeddedChain {
  private readonly stages: StageProcessor[];
  private readonly emits: Emit[];
  private readonly queues: Pending[][];
  private line = 0;
  private readonly opts: ChainOptions;
  /** Batches whose `prepare` was started ahead and that are not handled yet (prepareAhead stage), oldest first. */
  private readonly ahead: Ahead[] = [];
  private aheadRecords = 0;

  constructor(stages: StageProcessor[], sinks: ChainSinks, options: Partial<ChainOptions> = {}) {
    this.opts = { ...CHAIN_DEFAULTS, ...options };
    this.stages = STAGE_ORDER.map((n) => stages.find((s) => s.name === n)).filter((s): s is StageProcessor => s !== undefined);
    this.stages.forEach((s) => s.assign?.(s.inputs.map((r) => `${r}:0`)));
    this.queues = this.stages.map(() => []);
    this.emits = this.stages.map((_, i) => {
      const next = this.stages[i + 1];
      const emit: Emit = (role, key, value) => {
        sinks.tap?.(role, value);
        if (next && next.inputs.includes(role)) this.queues[i + 1].push({ role, value });
        else sinks.onOutput(role, key, value);
      };
      return emit;
    });
  }

  /** Feed one raw input record (a file line or message) to the first stage. */
  push(role: 'accounts' | 'notes' | 'interactions', raw: Buffer, source: string): void {
    this.line++;
    this.stages[0].handle({ role, partition: `${role}:0`, source, value: raw }, this.emits[0]);
  }

  /** Feed an already-decoded record to the first stage (replay starts at link with featured events). */
  pushDecoded(role: TopicRole, value: unknown): void {
    this.line++;
    this.stages[0].handle({ role, partition: `${role}:0`, source: `${role}:0:${this.line}`, value: EMPTY, decoded: value }, this.emits[0]);
  }

  /** End of an input batch: let the first stage release what it can, then run every downstream stage over its queue. */
  async endBatch(): Promise<void> {
    this.stages[0].endBatch?.(this.emits[0]);
    await this.drain(false);
  }

  /** End of input: flush the first stage and drain everything downstream. */
  async end(): Promise<void> {
    this.stages[0].flush(this.emits[0]);
    await this.drain(true);
  }

  private async drain(final: boolean): Promise<void> {
    const next = this.stages[1];
    if (!next?.prepareAhead || !next.prepare) return this.drainFrom(1);
    const batch = this.queues[1];
    this.queues[1] = [];
    if (batch.length > 0) {
      const a: Ahead = { batch, prepared: next.prepare(batch.map((p) => p.value)), settled: false };
      // awaited below, in order; this marks it done (and keeps a failure from counting as unhandled until then)
      a.prepared.then(() => (a.settled = true), () => (a.settled = true));
      this.ahead.push(a);
      this.aheadRecords += batch.length;
    }
    while (this.ahead.length > 0 && (final || this.ahead[0].settled || this.aheadRecords > this.opts.maxAheadRecords)) {
      const a = this.ahead.shift()!;
      this.aheadRecords -= a.batch.length;
      await a.prepared;
      this.handleBatch(1, a.batch);
      await this.drainFrom(2);
    }
  }

  private async drainFrom(first: number): Promise<void> {
    for (let i = first; i < this.stages.length; i++) {
      const batch = this.queues[i];
      if (batch.length === 0) continue;
      this.queues[i] = [];
      const stage = this.stages[i];
      if (stage.prepare) await stage.prepare(batch.map((p) => p.value));
      this.handleBatch(i, batch);
    }
  }

  private handleBatch(i: number, batch: Pending[]): void {
    const stage = this.stages[i];
    for (let k = 0; k < batch.length; k++) {
      const p = batch[k];
      stage.handle({ role: p.role, partition: `${p.role}:0`, source: `${p.role}:0:${k}`, value: EMPTY, decoded: p.value }, this.emits[i]);
    }
    stage.endBatch?.(this.emits[i]);
  }
}

const EMPTY = Buffer.alloc(0);
