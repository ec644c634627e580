import { logLevel } from 'kafkajs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { kafkajsLogLevel, pinoLogCreator } from '../../../src/adapters/kafka/pino-log-creator.ts';

function capture(level = 'debug'): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines };
}

describe('pinoLogCreator', () => {
  it('maps kafkajs levels and fields onto a child logger', () => {
    const { logger, lines } = capture();
    const log = pinoLogCreator(logger)(logLevel.DEBUG);
    log({ namespace: 'Consumer', level: logLevel.INFO, label: 'INFO', log: { message: 'joined', timestamp: 'x', groupId: 'g' } });
    log({ namespace: 'Runner', level: logLevel.ERROR, label: 'ERROR', log: { message: 'crash', timestamp: 'x' } });
    log({ namespace: 'Connection', level: logLevel.ERROR, label: 'ERROR', log: { message: 'Response Fetch(key: 1)', timestamp: 'x' } });
    const bounded = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';
    log({ namespace: 'Producer', level: logLevel.WARN, label: 'WARN', log: { message: bounded, timestamp: 'x' } });
    expect(lines.map((l) => [l.level, l.component, l.ns, l.msg])).toEqual([
      [30, 'kafkajs', 'Consumer', 'joined'],
      [50, 'kafkajs', 'Runner', 'crash'],
      [40, 'kafkajs', 'Connection', 'Response Fetch(key: 1)'],
      [20, 'kafkajs', 'Producer', bounded],
    ]);
    expect(lines[0].groupId).toBe('g');
    expect(lines[0]).not.toHaveProperty('timestamp');
  });

  it('asks kafkajs only for what the pino level prints', () => {
    expect(kafkajsLogLevel(pino({ level: 'debug' }))).toBe(logLevel.DEBUG);
    expect(kafkajsLogLevel(pino({ level: 'info' }))).toBe(logLevel.INFO);
    expect(kafkajsLogLevel(pino({ level: 'warn' }))).toBe(logLevel.WARN);
    expect(kafkajsLogLevel(pino({ level: 'error' }))).toBe(logLevel.ERROR);
    expect(kafkajsLogLevel(pino({ level: 'silent' }))).toBe(logLevel.NOTHING);
  });
});
