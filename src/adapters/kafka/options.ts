import type { Logger } from 'pino';
import { KafkaBusError, KAFKA_BUS_ERROR_CODES } from './errors.ts';

export interface KafkaBusOptions {
  /** host:port list, e.g. from KAFKA_BROKERS (see parseBrokers). */
  brokers: string[];
  /** Injected logger; kafkajs logs go to a child with `component: 'kafkajs'`. */
  logger: Logger;
  clientId?: string;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Retries of a failing request (kafkajs exponential backoff from initialRetryTimeMs). */
  retries?: number;
  initialRetryTimeMs?: number;
  /** Produce requests are split so one partition's record batch stays below the broker's 1 MiB. */
  maxSendBytes?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  rebalanceTimeoutMs?: number;
  /** Longest a fetch waits for new data; also bounds how long stop() waits for an idle fetch. */
  maxWaitTimeMs?: number;
  maxBytesPerPartition?: number;
  /** Replication factor for topics created by ensureTopics; -1 = the broker's default. */
  replicationFactor?: number;
  /** readAll gives up after this long. */
  readAllTimeoutMs?: number;
}

export type ResolvedKafkaBusOptions = Readonly<Required<KafkaBusOptions>>;

export const KAFKA_BUS_DEFAULTS = Object.freeze({
  clientId: 'ringwatch',
  connectionTimeoutMs: 3_000,
  requestTimeoutMs: 30_000,
  retries: 8,
  initialRetryTimeMs: 300,
  maxSendBytes: 512 * 1024,
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  rebalanceTimeoutMs: 60_000,
  maxWaitTimeMs: 500,
  maxBytesPerPartition: 1024 * 1024,
  replicationFactor: -1,
  readAllTimeoutMs: 120_000,
});

const BROKER = /^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/;

/** "a:9092, b:9092" → ["a:9092", "b:9092"]. */
export function parseBrokers(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function resolveKafkaBusOptions(options: KafkaBusOptions): ResolvedKafkaBusOptions {
  const bad = (path: string, why: string): never => {
    throw new KafkaBusError(KAFKA_BUS_ERROR_CODES.BAD_OPTIONS, `kafka.${path}: ${why}`);
  };
  const o = { ...KAFKA_BUS_DEFAULTS, ...dropUndefined(options) } as Required<KafkaBusOptions>;
  if (!Array.isArray(o.brokers) || o.brokers.length === 0) bad('brokers', 'at least one host:port is required');
  o.brokers.forEach((b, i) => BROKER.test(b) || bad(`brokers[${i}]`, `expected host:port, got ${JSON.stringify(b)}`));
  if (o.logger === undefined || typeof o.logger.child !== 'function') bad('logger', 'a pino logger is required');
  for (const key of Object.keys(KAFKA_BUS_DEFAULTS) as (keyof typeof KAFKA_BUS_DEFAULTS)[]) {
    const v = o[key];
    if (key === 'clientId') {
      if (typeof v !== 'string' || v.length === 0) bad(key, 'must be a non-empty string');
    } else if (typeof v !== 'number' || !Number.isInteger(v) || (v < 0 && key !== 'replicationFactor')) {
      bad(key, `must be a non-negative integer, got ${JSON.stringify(v)}`);
    }
  }
  if (o.heartbeatIntervalMs >= o.sessionTimeoutMs) bad('heartbeatIntervalMs', 'must be below sessionTimeoutMs');
  return Object.freeze(o);
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
