import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { KAFKA_BUS_DEFAULTS, parseBrokers, resolveKafkaBusOptions } from '../../../src/adapters/kafka/options.ts';

const logger = pino({ level: 'silent' });

describe('resolveKafkaBusOptions', () => {
  it('fills defaults, keeps overrides and freezes the result', () => {
    const o = resolveKafkaBusOptions({ brokers: ['127.0.0.1:9092'], logger, maxWaitTimeMs: 50, retries: undefined });
    expect(o.maxWaitTimeMs).toBe(50);
    expect(o.retries).toBe(KAFKA_BUS_DEFAULTS.retries);
    expect(Object.isFrozen(o)).toBe(true);
    expect(Object.isFrozen(KAFKA_BUS_DEFAULTS)).toBe(true);
  });

  it.each([
    [{ brokers: [] }, 'kafka.brokers'],
    [{ brokers: ['nohost'] }, 'kafka.brokers[0]'],
    [{ brokers: ['a:1'], maxWaitTimeMs: -1 }, 'kafka.maxWaitTimeMs'],
    [{ brokers: ['a:1'], sessionTimeoutMs: 1000, heartbeatIntervalMs: 1000 }, 'kafka.heartbeatIntervalMs'],
    [{ brokers: ['a:1'], clientId: '' }, 'kafka.clientId'],
  ])('rejects %j naming the key', (bad, path) => {
    let caught: unknown;
    try {
      resolveKafkaBusOptions({ logger, ...bad } as never);
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: 'RW_KAFKA_BAD_OPTIONS' });
    expect((caught as Error).message.startsWith(`${path}:`)).toBe(true);
  });

  it('parses a KAFKA_BROKERS list', () => {
    expect(parseBrokers(' a:9092, b:9093 ,,')).toEqual(['a:9092', 'b:9093']);
    expect(parseBrokers('')).toEqual([]);
  });
});
