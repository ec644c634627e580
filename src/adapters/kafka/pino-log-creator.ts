import { logLevel, type logCreator, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

const IDEMPOTENT_RETRIES_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

/** kafkajs' level that lets through what the pino logger would print anyway. */
export function kafkajsLogLevel(logger: Logger): logLevel {
  switch (logger.level) {
    case 'trace':
    case 'debug':
      return logLevel.DEBUG;
    case 'info':
      return logLevel.INFO;
    case 'warn':
      return logLevel.WARN;
    case 'silent':
      return logLevel.NOTHING;
    default:
      return logLevel.ERROR;
  }
}

/** Routes kafkajs' logs into an injected pino logger (child `component: 'kafkajs'`). */
export function pinoLogCreator(logger: Logger): logCreator {
  const base = logger.child({ component: 'kafkajs' });
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _ts, logger: _name, ...extra } = log as LogEntry['log'] & { logger?: string };
      const fields = { ns: namespace, ...extra };
      // kafkajs logs every error response at ERROR, including ones it retries (rebalancing,
      // coordinator loading); the caller sees a real failure as a thrown error anyway.
      const retriedResponse = level === logLevel.ERROR && namespace === 'Connection' && message.startsWith('Response ');
      // Bounded producer retries are deliberate (a send fails and the stage restarts rather than
      // hanging through an outage); replays dedupe, so kafkajs' per-producer warning is noise.
      const boundedRetries = message === IDEMPOTENT_RETRIES_WARNING;
      switch (boundedRetries ? logLevel.DEBUG : retriedResponse ? logLevel.WARN : level) {
        case logLevel.ERROR:
          base.error(fields, message);
          break;
        case logLevel.WARN:
          base.warn(fields, message);
          break;
        case logLevel.INFO:
          base.info(fields, message);
          break;
        default:
          base.debug(fields, message);
      }
    };
}
