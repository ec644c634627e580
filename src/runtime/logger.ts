/** The process logger: pino, JSON to stderr. Never log note text or personal data at info level. */
import pino, { type Logger } from 'pino';

export function createLogger(level = process.env.RINGWATCH_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'ringwatch' }, redact: { paths: ['*.body', '*.title', '*.text', '*.nickname', '*.bio'], censor: '[redacted]' } }, pino.destination(2));
}
