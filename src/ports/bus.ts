/**
 * The message-bus port. Stage boundaries are topics; the Kafka adapter and the in-memory bus
 * both implement this port and run the same contract suite (test/ports/bus.contract.ts).
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
  headers: Record<string, string>;
}

export interface OutgoingMessage {
  key: string | null;
  value: Buffer | string;
  decoded?: unknown;
  headers?: Record<string, string>;
}

export interface BusProducer {
  /** Resolves once every message is durable (acked by the broker / appended in memory). */
  send(topic: string, messages: OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface ConsumeOptions {
  groupId: string;
  topics: string[];
  /** Re-read every partition from offset 0 regardless of committed offsets (state rebuild). */
  fromBeginning: boolean;
  /**
   * Called with consecutive messages of one partition. The batch's offsets are committed
   * only after the returned promise resolves, i.e. after the handler's outputs are durable.
   */
  eachBatch(batch: BusMessage[]): Promise<void>;
  /** Called when every assigned partition has been read up to its current end. */
  onCaughtUp?(): Promise<void>;
}

export interface BusConsumer {
  run(opts: ConsumeOptions): Promise<void>;
  stop(): Promise<void>;
}

export interface Bus {
  ensureTopics(topics: { topic: string; partitions?: number }[]): Promise<void>;
  producer(): Promise<BusProducer>;
  consumer(): Promise<BusConsumer>;
  /** Read a whole topic from the beginning up to its current end (used to rebuild idempotency state). */
  readAll(topic: string): Promise<BusMessage[]>;
  close(): Promise<void>;
}
