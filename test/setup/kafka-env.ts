import { inject } from 'vitest';
import { parseBrokers } from '../../src/adapters/kafka/options.ts';

/**
 * Brokers of the real Kafka started by test/setup/global-kafka.ts (or KAFKA_BROKERS). Any test
 * file that imports this gets a broker: global setup looks for the word "kafkaBrokers".
 */
export function kafkaBrokers(): string[] {
  const list = inject('kafkaBrokers') || process.env.KAFKA_BROKERS || '';
  const brokers = parseBrokers(list);
  if (brokers.length === 0) {
    throw new Error('no Kafka broker: global setup started none (watch mode with a new filter?) — set KAFKA_BROKERS');
  }
  return brokers;
}

let counter = 0;
/** A topic/group name unique to this test process and call. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
