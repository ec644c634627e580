/** Errors raised by the in-memory bus. Tests assert on `code`, never on message text. */
export const MEMORY_BUS_ERROR_CODES = Object.freeze({
  UNKNOWN_TOPIC: 'RW_MEMBUS_UNKNOWN_TOPIC',
  TOPIC_CONFLICT: 'RW_MEMBUS_TOPIC_CONFLICT',
  BAD_ARGUMENT: 'RW_MEMBUS_BAD_ARGUMENT',
  ALREADY_RUNNING: 'RW_MEMBUS_ALREADY_RUNNING',
  CLOSED: 'RW_MEMBUS_CLOSED',
} as const);

export type MemoryBusErrorCode = (typeof MEMORY_BUS_ERROR_CODES)[keyof typeof MEMORY_BUS_ERROR_CODES];

export class MemoryBusError extends Error {
  readonly code: MemoryBusErrorCode;
  /** Nothing in memory gets better by retrying. */
  readonly retriable = false;

  constructor(code: MemoryBusErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MemoryBusError';
    this.code = code;
  }
}
