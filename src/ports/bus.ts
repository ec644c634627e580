/**
 * The message-bus port. Stage boundaries are topics; the Kafka adapter and the in-memory bus
 * both implement this port and run the same contract suite (test/ports/bus.contract.ts).
 *
 * Delivery is at-least-once: an offset is committed only after the batch handler resolved, so a
 * crash between "outputs written" and "offset committed" replays the batch. Handlers must be
 * idempotent (stages dedupe by event id).
 */
export interface BusMessage {
  topic: string;
  partition: number;
  /** Position within the partition, as a decimal string (Kafka offsets exceed 2^53 in theory). */
  offset: string;
  key: string | null;
  /** Raw payload. The in-memory bus may carry an already-decoded object in `decoded` to skip JSON. */
  value: Buffer;
  decoded?: unknown;
  /** Header values decoded as UTF-8; for a repeated header key the last value wins. */
  headers: Record<string, string>;
}

export interface OutgoingMessage {
  /** Messages with the same key go to the same partition (Kafka's murmur2, in both adapters). */
  key: string | null;
  /** Payload. May be omitted when `decoded` is given: the payload is then JSON.stringify(decoded). */
  value?: Buffer | string;
  /**
   * Already-decoded payload. The in-memory bus hands the same object to consumers (no JSON
   * round trip; don't mutate it after sending); the Kafka bus ignores it when `value` is given.
   */
  decoded?: unknown;
  headers?: Record<string, string>;
}

export interface BusProducer {
  /**
   * Resolves once every message is durable (acked by all in-sync replicas / appended in memory).
   * Rejects with code `*_UNKNOWN_TOPIC` for a topic that does not exist (no auto-creation).
   */
  send(topic: string, messages: OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface ConsumeOptions {
  groupId: string;
  topics: string[];
  /**
   * Re-read every partition from its first offset regardless of committed offsets (state
   * rebuild); the re-read is committed as usual. When false, the group resumes from its committed
   * offsets, and a group without committed offsets starts at the earliest offset.
   */
  fromBeginning: boolean;
  /**
   * Called with consecutive messages of one partition, one batch at a time per consumer. The
   * batch's offsets are committed only after the returned promise resolves, i.e. after the
   * handler's outputs are durable. If it rejects, nothing of that batch is committed, the
   * consumer stops and leaves its group (so the batch is redelivered to the next consumer of the
   * group) and `onCrash` is called.
   */
  eachBatch(batch: BusMessage[]): Promise<void>;
  /**
   * Called each time the consumer becomes caught up: every assigned partition has been read
   * (and committed) up to its end as last seen. Fires once after start if there is nothing to
   * read, and again whenever newly arrived messages have been consumed. Awaited before the next
   * batch is delivered.
   */
  onCaughtUp?(): Promise<void>;
  /**
   * Called once when the consumer stopped because of an error (a rejected `eachBatch` or
   * `onCaughtUp`, or a non-recoverable client error), after it left the group. Without it the
   * error is logged (Kafka) or re-thrown as an uncaught exception (in-memory bus).
   */
  onCrash?(error: Error): void;
}

export interface BusConsumer {
  /**
   * Starts consuming and resolves once the consumer has joined its group and is fetching (it does
   * not wait for messages). Rejects if it cannot start, e.g. code `*_UNKNOWN_TOPIC`. One run per
   * consumer.
   */
  run(opts: ConsumeOptions): Promise<void>;
  /** Waits for the in-flight batch (and its commit), then leaves the group. Idempotent. */
  stop(): Promise<void>;
}

export interface Bus {
  /**
   * Creates missing topics (default 1 partition). An existing topic with fewer partitions than
   * requested is an error (code `*_TOPIC_CONFLICT`): repartitioning would move keys.
   */
  ensureTopics(topics: { topic: string; partitions?: number }[]): Promise<void>;
  producer(): Promise<BusProducer>;
  consumer(): Promise<BusConsumer>;
  /**
   * Read a whole topic from the beginning up to its current end (used to rebuild idempotency
   * state), ordered by partition then offset. Commits nothing for any group.
   */
  readAll(topic: string): Promise<BusMessage[]>;
  /** Stops every consumer and producer created by this bus. Idempotent. */
  close(): Promise<void>;
}
