import type { Bus, BusConsumer, BusMessage, BusProducer, OutgoingMessage } from '../../ports/bus.ts';
import { MemoryBusError, MEMORY_BUS_ERROR_CODES } from './errors.ts';
import { MemoryConsumer } from './memory-consumer.ts';
import { MemoryGroup } from './memory-group.ts';
import { MemoryTopic } from './memory-topic.ts';

export interface MemoryBusOptions {
  /** Most messages handed to one eachBatch call. */
  maxBatchSize?: number;
  /** Longest stretch (ms) a consumer runs batches back to back before yielding to timers and I/O. */
  yieldEveryMs?: number;
}

export const MEMORY_BUS_DEFAULTS: Readonly<Required<MemoryBusOptions>> = Object.freeze({
  maxBatchSize: 1024,
  yieldEveryMs: 20,
});

/**
 * The in-memory bus: topics are arrays per partition, everything lives in this process. Used by
 * the embedded pipeline and tests. Same semantics as the Kafka bus (contract suite), including
 * Kafka's key→partition mapping; `decoded` payloads are passed through without JSON.
 */
export class MemoryBus implements Bus {
  readonly #opts: Readonly<Required<MemoryBusOptions>>;
  readonly #topics = new Map<string, MemoryTopic>();
  readonly #groups = new Map<string, MemoryGroup>();
  readonly #consumers = new Set<MemoryConsumer>();
  #closed = false;

  constructor(options: MemoryBusOptions = {}) {
    const opts = { ...MEMORY_BUS_DEFAULTS, ...options };
    if (!Number.isInteger(opts.maxBatchSize) || opts.maxBatchSize < 1) {
      throw new MemoryBusError(MEMORY_BUS_ERROR_CODES.BAD_ARGUMENT, 'maxBatchSize must be a positive integer');
    }
    this.#opts = Object.freeze(opts);
  }

  async ensureTopics(topics: { topic: string; partitions?: number }[]): Promise<void> {
    this.#assertOpen();
    for (const { topic, partitions = 1 } of topics) {
      if (!topic || !Number.isInteger(partitions) || partitions < 1) {
        throw new MemoryBusError(MEMORY_BUS_ERROR_CODES.BAD_ARGUMENT, `bad topic spec ${topic}/${partitions}`);
      }
      const existing = this.#topics.get(topic);
      if (existing === undefined) this.#topics.set(topic, new MemoryTopic(topic, partitions));
      else if (existing.partitions.length < partitions) {
        throw new MemoryBusError(
          MEMORY_BUS_ERROR_CODES.TOPIC_CONFLICT,
          `topic ${topic} has ${existing.partitions.length} partitions, ${partitions} requested`,
        );
      }
    }
  }

  async producer(): Promise<BusProducer> {
    this.#assertOpen();
    let closed = false;
    return {
      send: async (topic: string, messages: OutgoingMessage[]): Promise<void> => {
        if (closed) throw new MemoryBusError(MEMORY_BUS_ERROR_CODES.CLOSED, 'producer is closed');
        this.#send(topic, messages);
      },
      close: async () => {
        closed = true;
      },
    };
  }

  async consumer(): Promise<BusConsumer> {
    this.#assertOpen();
    const c = new MemoryConsumer({
      resolveTopic: (name) => this.#topic(name),
      group: (id) => {
        let g = this.#groups.get(id);
        if (g === undefined) this.#groups.set(id, (g = new MemoryGroup(id)));
        return g;
      },
      maxBatchSize: this.#opts.maxBatchSize,
      yieldEveryMs: this.#opts.yieldEveryMs,
      onStopped: (consumer) => this.#consumers.delete(consumer),
    });
    this.#consumers.add(c);
    return c;
  }

  async readAll(topic: string): Promise<BusMessage[]> {
    this.#assertOpen();
    return this.#topic(topic).partitions.flat();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#consumers].map((c) => c.stop()));
  }

  #send(topic: string, messages: OutgoingMessage[]): void {
    this.#assertOpen();
    const t = this.#topic(topic);
    // Validate everything first so a bad message leaves nothing half-appended.
    for (const m of messages) {
      if (m.value === undefined && m.decoded === undefined) {
        throw new MemoryBusError(MEMORY_BUS_ERROR_CODES.BAD_ARGUMENT, 'message needs value or decoded');
      }
    }
    for (const m of messages) t.append(m.key, m.value, m.decoded, m.headers);
    if (messages.length > 0) t.notify();
  }

  #topic(name: string): MemoryTopic {
    const t = this.#topics.get(name);
    if (t === undefined) throw new MemoryBusError(MEMORY_BUS_ERROR_CODES.UNKNOWN_TOPIC, `unknown topic ${name}`);
    return t;
  }

  #assertOpen(): void {
    if (this.#closed) throw new MemoryBusError(MEMORY_BUS_ERROR_CODES.CLOSED, 'bus is closed');
  }
}
