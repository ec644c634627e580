import { CompressionTypes, type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import type { BusProducer, OutgoingMessage } from '../../ports/bus.ts';
import { KafkaBusError, KAFKA_BUS_ERROR_CODES, wrapKafkaError } from './errors.ts';
import type { KafkaTopics } from './kafka-topics.ts';

export interface KafkaProducerContext {
  kafka: Kafka;
  topics: KafkaTopics;
  maxSendBytes: number;
  onClosed(p: KafkaBusProducer): void;
}

/**
 * Idempotent producer, acks from all in-sync replicas, one request in flight (kafkajs needs that
 * for idempotence to keep order). send() resolves only when the broker acknowledged every message.
 */
export class KafkaBusProducer implements BusProducer {
  readonly #ctx: KafkaProducerContext;
  readonly #producer: Producer;
  #closed = false;

  private constructor(ctx: KafkaProducerContext, producer: Producer) {
    this.#ctx = ctx;
    this.#producer = producer;
  }

  static async connect(ctx: KafkaProducerContext): Promise<KafkaBusProducer> {
    const producer = ctx.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      await producer.connect();
    } catch (err) {
      throw wrapKafkaError(KAFKA_BUS_ERROR_CODES.SEND_FAILED, 'producer connect', err);
    }
    return new KafkaBusProducer(ctx, producer);
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (this.#closed) throw new KafkaBusError(KAFKA_BUS_ERROR_CODES.CLOSED, 'producer is closed');
    if (messages.length === 0) return;
    const encoded = messages.map(encode);
    await this.#ctx.topics.assertExist([topic]);
    for (const chunk of chunks(encoded, this.#ctx.maxSendBytes)) {
      try {
        await this.#producer.send({ topic, messages: chunk, acks: -1, compression: CompressionTypes.None });
      } catch (err) {
        throw wrapKafkaError(KAFKA_BUS_ERROR_CODES.SEND_FAILED, `send to ${topic}`, err);
      }
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.#producer.disconnect();
    } finally {
      this.#ctx.onClosed(this);
    }
  }
}

function encode(m: OutgoingMessage): Message & { value: Buffer | string; headers?: Record<string, string> } {
  let value = m.value;
  if (value === undefined) {
    if (m.decoded === undefined) {
      throw new KafkaBusError(KAFKA_BUS_ERROR_CODES.BAD_ARGUMENT, 'message needs value or decoded');
    }
    value = JSON.stringify(m.decoded);
  }
  return { key: m.key, value, headers: m.headers };
}

/** Splits so that no produce request carries more than ~maxBytes of payload. */
function* chunks<T extends Message & { value: Buffer | string }>(all: T[], maxBytes: number): Generator<T[]> {
  let chunk: T[] = [];
  let bytes = 0;
  for (const m of all) {
    let size = byteLength(m.value) + (m.key == null ? 0 : byteLength(m.key)) + 64;
    for (const [k, v] of Object.entries(m.headers ?? {})) size += k.length + (typeof v === 'string' ? byteLength(v) : 16);
    if (chunk.length > 0 && bytes + size > maxBytes) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(m);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}

function byteLength(v: Buffer | string): number {
  return typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : v.length;
}
