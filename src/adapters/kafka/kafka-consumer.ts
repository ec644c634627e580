import { AsyncLocalStorage } from 'node:async_hooks';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { BusConsumer, ConsumeOptions } from '../../ports/bus.ts';
import { CaughtUpTracker } from './caught-up-tracker.ts';
import { KafkaBusError, KAFKA_BUS_ERROR_CODES, wrapKafkaError } from './errors.ts';
import type { KafkaTopics } from './kafka-topics.ts';
import type { ResolvedKafkaBusOptions } from './options.ts';
import { toBusMessage } from './to-bus-message.ts';

export interface KafkaConsumerContext {
  kafka: Kafka;
  topics: KafkaTopics;
  options: ResolvedKafkaBusOptions;
  logger: Logger;
  onStopped(c: KafkaBusConsumer): void;
}

/** Marks "inside this consumer's handler" so stop() from a handler doesn't wait for itself. */
const insideHandler = new AsyncLocalStorage<KafkaBusConsumer>();

/**
 * A group member on kafkajs' eachBatch. Per batch: run the handler, then resolve and commit the
 * batch's offsets — never before the handler resolved. A rejected handler stops the consumer
 * (leaving the group, so the uncommitted batch goes to the next member) instead of kafkajs'
 * default of retrying it in place. `fromBeginning` seeks each partition to 0 on its first
 * assignment in this run (seek is issued synchronously in the GROUP_JOIN listener, before the
 * first fetch). Caught-up detection: positions and high watermarks from admin at each join,
 * then from every batch.
 */
export class KafkaBusConsumer implements BusConsumer {
  readonly #ctx: KafkaConsumerContext;
  #state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  #consumer: Consumer | undefined;
  #opts: ConsumeOptions | undefined;
  #log: Logger;
  readonly #tracker = new CaughtUpTracker();
  #caughtUpFired = false;
  readonly #seeked = new Set<string>();
  /** User-facing work (handlers, join bookkeeping) runs strictly one at a time, in order. */
  #serial: Promise<void> = Promise.resolve();
  #stopped: Promise<void> | undefined;
  /** kafkajs' run() has returned: crashes from now on are reported, not thrown by run(). */
  #started = false;
  #startCrash: Error | undefined;

  constructor(ctx: KafkaConsumerContext) {
    this.#ctx = ctx;
    this.#log = ctx.logger;
  }

  async run(opts: ConsumeOptions): Promise<void> {
    if (this.#state !== 'new') {
      throw new KafkaBusError(KAFKA_BUS_ERROR_CODES.ALREADY_RUNNING, 'a consumer runs once; create another');
    }
    if (!opts.groupId || opts.topics.length === 0) {
      throw new KafkaBusError(KAFKA_BUS_ERROR_CODES.BAD_ARGUMENT, 'groupId and at least one topic are required');
    }
    this.#state = 'running';
    this.#opts = opts;
    this.#log = this.#ctx.logger.child({ groupId: opts.groupId });
    const o = this.#ctx.options;
    try {
      await this.#ctx.topics.assertExist(opts.topics);
      const consumer = this.#ctx.kafka.consumer({
        groupId: opts.groupId,
        sessionTimeout: o.sessionTimeoutMs,
        rebalanceTimeout: o.rebalanceTimeoutMs,
        heartbeatInterval: o.heartbeatIntervalMs,
        maxWaitTimeInMs: o.maxWaitTimeMs,
        maxBytesPerPartition: o.maxBytesPerPartition,
        allowAutoTopicCreation: false,
      });
      this.#consumer = consumer;
      consumer.on(consumer.events.GROUP_JOIN, (e) => this.#onJoin(e.payload.memberAssignment));
      consumer.on(consumer.events.CRASH, (e) => this.#onClientCrash(e.payload.error, e.payload.restart));
      await consumer.connect();
      // fromBeginning here = where a group without committed offsets starts (earliest).
      await consumer.subscribe({ topics: opts.topics, fromBeginning: true });
      await consumer.run({
        autoCommit: true,
        autoCommitThreshold: 1,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: (payload) => this.#onBatch(payload),
      });
      this.#started = true;
    } catch (err) {
      await this.#shutdown();
      throw wrapKafkaError(KAFKA_BUS_ERROR_CODES.CONSUMER_FAILED, `start consumer ${opts.groupId}`, err);
    }
    if (this.#startCrash !== undefined) {
      const err = this.#startCrash;
      await this.#shutdown();
      throw wrapKafkaError(KAFKA_BUS_ERROR_CODES.CONSUMER_FAILED, `start consumer ${opts.groupId}`, err);
    }
  }

  stop(): Promise<void> {
    if (this.#state === 'new' || this.#state === 'running') this.#stopped = this.#shutdown();
    // From inside our own handler: kafkajs stops right after the handler returns.
    if (insideHandler.getStore() === this) return Promise.resolve();
    return this.#stopped ?? Promise.resolve();
  }

  #shutdown(): Promise<void> {
    this.#state = 'stopping';
    const consumer = this.#consumer;
    const done = (async () => {
      // Let the current handler finish (stop() may be called from inside it).
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        await consumer?.stop();
        await consumer?.disconnect();
      } catch (err) {
        this.#log.warn({ err }, 'error while stopping consumer');
      }
      this.#state = 'stopped';
      this.#ctx.onStopped(this);
    })();
    this.#stopped = done;
    return done;
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.#serial.then(task);
    this.#serial = next.catch(() => undefined);
    return next;
  }

  #onJoin(assignment: Record<string, number[]>): void {
    try {
      this.#afterJoin(assignment);
    } catch (err) {
      this.#fail(wrapKafkaError(KAFKA_BUS_ERROR_CODES.CONSUMER_FAILED, 'on join', err));
    }
  }

  #afterJoin(assignment: Record<string, number[]>): void {
    const opts = this.#opts!;
    const parts = Object.entries(assignment).flatMap(([topic, ps]) => ps.map((partition) => ({ topic, partition })));
    const seekedNow = new Set<string>();
    if (opts.fromBeginning) {
      for (const { topic, partition } of parts) {
        const key = `${topic}/${partition}`;
        if (this.#seeked.has(key)) continue;
        this.#consumer!.seek({ topic, partition, offset: '0' }); // out of range → kafkajs resets to earliest
        this.#seeked.add(key);
        seekedNow.add(key);
      }
    }
    this.#log.debug({ partitions: parts.length, seeked: seekedNow.size }, 'joined group');
    this.#enqueue(async () => {
      const topics = [...new Set(parts.map((p) => p.topic))];
      const ranges = new Map<string, { low: bigint; high: bigint }>();
      for (const t of topics) for (const r of await this.#ctx.topics.ranges(t)) ranges.set(`${t}/${r.partition}`, r);
      const committed = await this.#ctx.topics.committed(opts.groupId, topics);
      this.#tracker.reset(
        parts.map(({ topic, partition }) => {
          const key = `${topic}/${partition}`;
          const r = ranges.get(key) ?? { low: 0n, high: 0n };
          const c = committed.get(key) ?? -1n;
          const position = seekedNow.has(key) || c < r.low ? r.low : c;
          return { topic, partition, position, end: r.high };
        }),
      );
      this.#caughtUpFired = false;
      await this.#maybeCaughtUp(true);
    }).catch((err: unknown) => this.#fail(wrapKafkaError(KAFKA_BUS_ERROR_CODES.CONSUMER_FAILED, 'after join', err)));
  }

  async #onBatch(p: EachBatchPayload): Promise<void> {
    const { batch } = p;
    if (this.#state !== 'running' || !p.isRunning() || p.isStale() || batch.messages.length === 0) return;
    await this.#enqueue(async () => {
      if (this.#state !== 'running' || p.isStale()) return; // don't resolve: redelivered later
      const { topic, partition } = batch;
      const messages = batch.messages.map((m) => toBusMessage(topic, partition, m));
      this.#caughtUpFired = false;
      const keepAlive = setInterval(() => {
        p.heartbeat().catch(() => undefined); // a rebalance shows up again at commit time
      }, this.#ctx.options.heartbeatIntervalMs);
      keepAlive.unref();
      try {
        await insideHandler.run(this, () => this.#opts!.eachBatch(messages));
      } catch (err) {
        this.#fail(err);
        return;
      } finally {
        clearInterval(keepAlive);
      }
      // Only now is the batch's outcome durable: resolve and commit. kafkajs errors here
      // (e.g. a rebalance) propagate to kafkajs, which rejoins; the batch is then redelivered.
      p.resolveOffset(batch.lastOffset());
      await p.commitOffsetsIfNecessary();
      this.#tracker.advance(topic, partition, BigInt(batch.lastOffset()) + 1n, BigInt(batch.highWatermark));
      await this.#maybeCaughtUp();
    });
  }

  async #maybeCaughtUp(fresh = false): Promise<void> {
    if (this.#caughtUpFired || this.#state !== 'running' || !this.#tracker.isCaughtUp()) return;
    if (!fresh) {
      // Ends of partitions without recent batches may be stale: confirm with current watermarks.
      try {
        for (const topic of this.#tracker.topics()) {
          for (const r of await this.#ctx.topics.ranges(topic)) this.#tracker.advance(topic, r.partition, 0n, r.high);
        }
      } catch (err) {
        this.#fail(err); // loud: a silent miss would leave callers waiting for onCaughtUp forever
        return;
      }
      if (!this.#tracker.isCaughtUp()) return;
    }
    this.#caughtUpFired = true;
    const onCaughtUp = this.#opts!.onCaughtUp;
    if (onCaughtUp === undefined) return;
    try {
      await insideHandler.run(this, () => onCaughtUp());
    } catch (err) {
      this.#fail(err);
    }
  }

  /** A handler rejected: stop without committing, leave the group, then report. */
  #fail(err: unknown): void {
    if (this.#state !== 'running') return;
    const error = err instanceof Error ? err : new Error(String(err));
    this.#log.error({ err: error }, 'consumer stopped: handler failed');
    void this.#shutdown().then(() => this.#report(error));
  }

  #onClientCrash(error: Error, restart: boolean): void {
    if (restart) {
      this.#log.warn({ err: error }, 'kafkajs consumer crashed, restarting');
      return;
    }
    if (!this.#started) {
      this.#startCrash = error; // run() is still starting: it rejects
      return;
    }
    if (this.#state !== 'running') return;
    const wrapped = wrapKafkaError(KAFKA_BUS_ERROR_CODES.CONSUMER_FAILED, 'consumer crashed', error);
    this.#log.error({ err: wrapped }, 'consumer stopped: client crashed');
    void this.#shutdown().then(() => this.#report(wrapped));
  }

  #report(error: Error): void {
    const onCrash = this.#opts?.onCrash;
    if (onCrash !== undefined) onCrash(error);
  }
}
