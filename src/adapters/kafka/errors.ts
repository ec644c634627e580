/** Errors raised by the Kafka bus: a closed list of stable codes, plus `retriable` and `cause`. */
export const KAFKA_BUS_ERROR_CODES = Object.freeze({
  BAD_OPTIONS: 'RW_KAFKA_BAD_OPTIONS',
  BAD_ARGUMENT: 'RW_KAFKA_BAD_ARGUMENT',
  UNKNOWN_TOPIC: 'RW_KAFKA_UNKNOWN_TOPIC',
  TOPIC_CONFLICT: 'RW_KAFKA_TOPIC_CONFLICT',
  ADMIN_FAILED: 'RW_KAFKA_ADMIN_FAILED',
  SEND_FAILED: 'RW_KAFKA_SEND_FAILED',
  CONSUMER_FAILED: 'RW_KAFKA_CONSUMER_FAILED',
  READ_TIMEOUT: 'RW_KAFKA_READ_TIMEOUT',
  ALREADY_RUNNING: 'RW_KAFKA_ALREADY_RUNNING',
  CLOSED: 'RW_KAFKA_CLOSED',
} as const);

export type KafkaBusErrorCode = (typeof KAFKA_BUS_ERROR_CODES)[keyof typeof KAFKA_BUS_ERROR_CODES];

export class KafkaBusError extends Error {
  readonly code: KafkaBusErrorCode;
  readonly retriable: boolean;

  constructor(code: KafkaBusErrorCode, message: string, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = 'KafkaBusError';
    this.code = code;
    this.retriable = options.retriable ?? isRetriable(options.cause);
  }
}

/** kafkajs marks its errors with `retriable`; anything else is not. */
function isRetriable(cause: unknown): boolean {
  return typeof cause === 'object' && cause !== null && (cause as { retriable?: unknown }).retriable === true;
}

/** Wraps anything thrown by kafkajs; passes our own errors through unchanged. */
export function wrapKafkaError(code: KafkaBusErrorCode, what: string, err: unknown): KafkaBusError {
  if (err instanceof KafkaBusError) return err;
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new KafkaBusError(code, `${what}: ${detail}`, { cause: err });
}
