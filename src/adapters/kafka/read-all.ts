import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { BusMessage } from '../../ports/bus.ts';
import { KafkaBusError, KAFKA_BUS_ERROR_CODES, wrapKafkaError } from './errors.ts';
import type { KafkaTopics } from './kafka-topics.ts';
import type { ResolvedKafkaBusOptions } from './options.ts';
import { toBusMessage } from './to-bus-message.ts';

/**
 * Reads `topic` from each partition's start up to the high watermark seen when the call began,
 * with a throwaway consumer group (kafkajs has no manual partition assignment) that commits
 * nothing and is deleted afterwards. Result is ordered by partition, then offset.
 */
export async function readAllFromKafka(
  kafka: Kafka,
  topics: KafkaTopics,
  options: ResolvedKafkaBusOptions,
  logger: Logger,
  topic: string,
): Promise<BusMessage[]> {
  await topics.assertExist([topic]);
  const ranges = await topics.ranges(topic);
  const pending = new Map(ranges.filter((r) => r.high > r.low).map((r) => [r.partition, r.high]));
  const byPartition = new Map<number, BusMessage[]>(ranges.map((r) => [r.partition, []]));
  if (pending.size === 0) return [];

  const groupId = `ringwatch-readall-${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    maxWaitTimeInMs: options.maxWaitTimeMs,
    maxBytesPerPartition: options.maxBytesPerPartition,
    sessionTimeout: options.sessionTimeoutMs,
    heartbeatInterval: options.heartbeatIntervalMs,
    allowAutoTopicCreation: false,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new KafkaBusError(KAFKA_BUS_ERROR_CODES.READ_TIMEOUT, `readAll ${topic} timed out`)),
        options.readAllTimeoutMs,
      );
      consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error));
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = pending.get(batch.partition);
            if (end === undefined) return;
            const out = byPartition.get(batch.partition)!;
            for (const m of batch.messages) {
              if (BigInt(m.offset) < end) out.push(toBusMessage(topic, batch.partition, m));
            }
            if (BigInt(batch.lastOffset()) + 1n >= end) pending.delete(batch.partition);
            if (pending.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } catch (err) {
    throw wrapKafkaError(KAFKA_BUS_ERROR_CODES.CONSUMER_FAILED, `readAll ${topic}`, err);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch((err: unknown) => logger.warn({ err }, 'readAll: disconnect failed'));
    await topics.deleteGroup(groupId).catch((err: unknown) => logger.debug({ err }, 'readAll: delete group failed'));
  }
  return [...byPartition.keys()].sort((a, b) => a - b).flatMap((p) => byPartition.get(p)!);
}
