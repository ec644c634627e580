import { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { Bus, BusConsumer, BusMessage, BusProducer } from '../../ports/bus.ts';
import { KafkaBusError, KAFKA_BUS_ERROR_CODES } from './errors.ts';
import { KafkaBusConsumer } from './kafka-consumer.ts';
import { KafkaBusProducer } from './kafka-producer.ts';
import { KafkaTopics } from './kafka-topics.ts';
import { type KafkaBusOptions, type ResolvedKafkaBusOptions, resolveKafkaBusOptions } from './options.ts';
import { kafkajsLogLevel, pinoLogCreator } from './pino-log-creator.ts';
import { readAllFromKafka } from './read-all.ts';

/**
 * The Kafka implementation of the bus port (kafkajs). One kafkajs client per bus; every producer
 * and consumer it hands out is closed by close(). See docs in src/ports/bus.ts for semantics.
 */
export class KafkaBus implements Bus {
  readonly options: ResolvedKafkaBusOptions;
  readonly #kafka: Kafka;
  readonly #topics: KafkaTopics;
  readonly #logger: Logger;
  readonly #producers = new Set<KafkaBusProducer>();
  readonly #consumers = new Set<KafkaBusConsumer>();
  #closed = false;

  constructor(options: KafkaBusOptions) {
    this.options = resolveKafkaBusOptions(options);
    const o = this.options;
    this.#logger = o.logger.child({ component: 'kafka-bus' });
    this.#kafka = new Kafka({
      clientId: o.clientId,
      brokers: o.brokers,
      connectionTimeout: o.connectionTimeoutMs,
      requestTimeout: o.requestTimeoutMs,
      retry: { retries: o.retries, initialRetryTime: o.initialRetryTimeMs },
      logLevel: kafkajsLogLevel(o.logger),
      logCreator: pinoLogCreator(o.logger),
    });
    this.#topics = new KafkaTopics(this.#kafka, o.replicationFactor);
  }

  async ensureTopics(topics: { topic: string; partitions?: number }[]): Promise<void> {
    this.#assertOpen();
    await this.#topics.ensure(topics);
  }

  async producer(): Promise<BusProducer> {
    this.#assertOpen();
    const p = await KafkaBusProducer.connect({
      kafka: this.#kafka,
      topics: this.#topics,
      maxSendBytes: this.options.maxSendBytes,
      onClosed: (x) => this.#producers.delete(x),
    });
    this.#producers.add(p);
    return p;
  }

  async consumer(): Promise<BusConsumer> {
    this.#assertOpen();
    const c = new KafkaBusConsumer({
      kafka: this.#kafka,
      topics: this.#topics,
      options: this.options,
      logger: this.#logger,
      onStopped: (x) => this.#consumers.delete(x),
    });
    this.#consumers.add(c);
    return c;
  }

  async readAll(topic: string): Promise<BusMessage[]> {
    this.#assertOpen();
    return readAllFromKafka(this.#kafka, this.#topics, this.options, this.#logger, topic);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#consumers].map((c) => c.stop()));
    await Promise.allSettled([...this.#producers].map((p) => p.close()));
    await this.#topics.close();
  }

  #assertOpen(): void {
    if (this.#closed) throw new KafkaBusError(KAFKA_BUS_ERROR_CODES.CLOSED, 'bus is closed');
  }
}
