import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { BusConsumer, BusMessage, ConsumeOptions } from '../../ports/bus.ts';
import { MemoryBusError, MEMORY_BUS_ERROR_CODES } from './errors.ts';
import { type GroupMember, type MemoryGroup, partitionKey } from './memory-group.ts';
import type { AppendListener, MemoryTopic } from './memory-topic.ts';

interface Assigned {
  topic: MemoryTopic;
  partition: number;
  key: string;
  /** Next offset to deliver. */
  position: number;
}

export interface MemoryConsumerContext {
  resolveTopic(name: string): MemoryTopic;
  group(id: string): MemoryGroup;
  maxBatchSize: number;
  /** Longest stretch (ms) of back-to-back batches before yielding to timers and I/O. */
  yieldEveryMs: number;
  onStopped(consumer: MemoryConsumer): void;
}

/** Marks "we are inside this consumer's handler" so stop() from a handler doesn't deadlock. */
const insideHandler = new AsyncLocalStorage<MemoryConsumer>();

export class MemoryConsumer implements BusConsumer, GroupMember, AppendListener {
  topics: readonly MemoryTopic[] = [];
  #ctx: MemoryConsumerContext;
  #state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  #opts: ConsumeOptions | undefined;
  #group: MemoryGroup | undefined;
  #assigned: Assigned[] = [];
  #cursor = 0;
  /** Partitions already positioned during this run (fromBeginning seeks only once). */
  #seen = new Set<string>();
  #paused = true;
  #caughtUp = false;
  #busy: Promise<void> | null = null;
  #wakeUp: (() => void) | null = null;
  #loop: Promise<void> | null = null;
  #stopped: Promise<void> | null = null;

  constructor(ctx: MemoryConsumerContext) {
    this.#ctx = ctx;
  }

  async run(opts: ConsumeOptions): Promise<void> {
    if (this.#state !== 'new') {
      throw new MemoryBusError(MEMORY_BUS_ERROR_CODES.ALREADY_RUNNING, 'a consumer runs once; create another');
    }
    if (!opts.groupId) throw new MemoryBusError(MEMORY_BUS_ERROR_CODES.BAD_ARGUMENT, 'groupId is required');
    if (opts.topics.length === 0) throw new MemoryBusError(MEMORY_BUS_ERROR_CODES.BAD_ARGUMENT, 'topics is empty');
    this.topics = [...new Set(opts.topics)].map((t) => this.#ctx.resolveTopic(t));
    this.#opts = opts;
    this.#state = 'running';
    this.#group = this.#ctx.group(opts.groupId);
    for (const t of this.topics) t.listeners.add(this);
    await this.#group.join(this);
    this.#loop = this.#consume();
  }

  stop(): Promise<void> {
    if (this.#state === 'new') {
      this.#state = 'stopped';
      this.#ctx.onStopped(this);
      return Promise.resolve();
    }
    if (this.#state === 'running') {
      this.#state = 'stopping';
      this.wake();
      this.#stopped = this.#leave();
    }
    // From inside our own handler: the loop ends right after the handler returns.
    if (insideHandler.getStore() === this) return Promise.resolve();
    return this.#stopped ?? Promise.resolve();
  }

  wake(): void {
    const w = this.#wakeUp;
    if (w !== null) {
      this.#wakeUp = null;
      w();
    }
  }

  quiesce(): Promise<void> {
    this.#paused = true;
    return this.#busy ?? Promise.resolve();
  }

  assign(partitions: { topic: MemoryTopic; partition: number }[]): void {
    const group = this.#group!;
    const fromBeginning = this.#opts!.fromBeginning;
    this.#assigned = partitions.map(({ topic, partition }) => {
      const key = partitionKey(topic.name, partition);
      let position = group.committed.get(key) ?? 0;
      if (fromBeginning && !this.#seen.has(key)) {
        position = 0;
        group.committed.set(key, 0);
      }
      this.#seen.add(key);
      return { topic, partition, key, position };
    });
    this.#cursor = 0;
    this.#caughtUp = false;
    this.#paused = false;
    this.wake();
  }

  async #leave(): Promise<void> {
    await this.#loop;
    for (const t of this.topics) t.listeners.delete(this);
    await this.#group?.leave(this);
    this.#state = 'stopped';
    this.#ctx.onStopped(this);
  }

  /** Round-robin over assigned partitions that have undelivered messages. */
  #pick(): Assigned | undefined {
    const n = this.#assigned.length;
    for (let i = 0; i < n; i++) {
      const a = this.#assigned[(this.#cursor + i) % n];
      if (a.position < a.topic.partitions[a.partition].length) {
        this.#cursor = (this.#cursor + i + 1) % n;
        return a;
      }
    }
    return undefined;
  }

  async #consume(): Promise<void> {
    const opts = this.#opts!;
    const group = this.#group!;
    let lastYield = performance.now();
    while (this.#state === 'running') {
      const a = this.#paused ? undefined : this.#pick();
      if (a === undefined) {
        if (!this.#paused && !this.#caughtUp) {
          this.#caughtUp = true;
          if (opts.onCaughtUp !== undefined && !(await this.#guard(() => opts.onCaughtUp!()))) return;
          continue;
        }
        await new Promise<void>((resolve) => {
          this.#wakeUp = resolve;
        });
        continue;
      }
      this.#caughtUp = false;
      const log = a.topic.partitions[a.partition];
      const end = Math.min(log.length, a.position + this.#ctx.maxBatchSize);
      const batch: BusMessage[] = log.slice(a.position, end);
      if (!(await this.#guard(() => opts.eachBatch(batch)))) return;
      a.position = end;
      group.committed.set(a.key, end);
      const now = performance.now();
      if (now - lastYield > this.#ctx.yieldEveryMs) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
  }

  /** Runs a handler as the in-flight unit of work; on rejection crashes the consumer. */
  async #guard(fn: () => Promise<void>): Promise<boolean> {
    let done!: () => void;
    this.#busy = new Promise((resolve) => (done = resolve));
    try {
      await insideHandler.run(this, fn);
      return true;
    } catch (err) {
      this.#crash(err instanceof Error ? err : new Error(String(err)));
      return false;
    } finally {
      this.#busy = null;
      done();
    }
  }

  #crash(error: Error): void {
    const onCrash = this.#opts?.onCrash;
    this.#state = 'stopping';
    this.#stopped = this.#leave().then(() => {
      if (onCrash !== undefined) onCrash(error);
      else
        process.nextTick(() => {
          throw error;
        });
    });
  }
}
