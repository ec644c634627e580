/**
 * Embedded mode: all five stages in one process, each stage's output handed straight to the
 * next stage's input in order. Same stage code and the same record sequence as a Kafka
 * deployment; no broker, no serialisation. Memory is bounded by the detection window.
 */
import type { TopicRole } from '../contracts/events.ts';
import { STAGE_ORDER, type Emit, type StageProcessor } from '../stages/stage.ts';

export interface ChainSinks {
  /** Called for records leaving the last stage (rings) and for dead letters. */
  onOutput(role: TopicRole, key: string | null, value: unknown): void;
  /** Optional: sees every inter-stage record too (snapshots tap `features`, `links`, `rings`). */
  tap?(role: TopicRole, value: unknown): void;
}

export class EmbeddedChain {
  private readonly emits: Emit[];
  private line = 0;

  constructor(private readonly stages: StageProcessor[], sinks: ChainSinks) {
    const byName = STAGE_ORDER.map((n) => stages.find((s) => s.name === n)).filter((s): s is StageProcessor => s !== undefined);
    this.stages = byName;
    byName.forEach((s) => s.assign?.(s.inputs.map((r) => `${r}:0`)));
    this.emits = byName.map((_, i) => {
      const next = byName[i + 1];
      const emit: Emit = (role, key, value) => {
        sinks.tap?.(role, value);
        if (next && next.inputs.includes(role)) {
          next.handle({ role, partition: `${role}:0`, source: `${role}:0:${this.line}`, value: EMPTY, decoded: value }, this.emits[i + 1]);
        } else sinks.onOutput(role, key, value);
      };
      return emit;
    });
  }

  /** Feed an already-decoded record into the first stage (replay starts at link with featured events). */
  pushDecoded(role: TopicRole, value: unknown): void {
    this.line++;
    this.stages[0].handle({ role, partition: `${role}:0`, source: `${role}:0:${this.line}`, value: EMPTY, decoded: value }, this.emits[0]);
  }

  /** Feed one raw input record (as read from a file line or message). */
  push(role: 'accounts' | 'notes' | 'interactions', raw: Buffer, source: string, decoded?: unknown): void {
    this.line++;
    this.stages[0].handle({ role, partition: `${role}:0`, source, value: raw, decoded }, this.emits[0]);
  }

  /** End of a batch of input: lets the ingest stage release what its watermark allows. */
  endBatch(): void {
    this.stages[0].endBatch?.(this.emits[0]);
  }

  end(): void {
    this.stages[0].flush(this.emits[0]);
  }
}

const EMPTY = Buffer.alloc(0);
