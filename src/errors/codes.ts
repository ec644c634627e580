/** The closed list of Ringwatch error codes. Tests assert on `code`, never on message text. */
export const ERROR_CODES = {
  CONFIG_INVALID: 'RW_CONFIG_INVALID',
  INPUT_UNREADABLE: 'RW_INPUT_UNREADABLE',
  MODEL_MISSING: 'RW_MODEL_MISSING',
  STAGE_UNKNOWN: 'RW_STAGE_UNKNOWN',
  STAGE_FAILED: 'RW_STAGE_FAILED',
  USAGE: 'RW_USAGE',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class RingwatchError extends Error {
  readonly code: ErrorCode;
  readonly retriable: boolean;
  constructor(code: ErrorCode, message: string, opts: { retriable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'RingwatchError';
    this.code = code;
    this.retriable = opts.retriable ?? false;
  }
}
