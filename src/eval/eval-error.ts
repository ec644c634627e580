/** Typed errors for `ringwatch eval`. Tests assert `code`, never the message text. */

export const EVAL_ERROR_CODES = Object.freeze([
  /** A ring-event line or the truth file failed to parse or validate. */
  'EVAL_BAD_INPUT',
  /** The ground truth contradicts itself (e.g. a ring member listed as genuine). */
  'EVAL_TRUTH_INCONSISTENT',
  /** A ring event's `detected_at` is not a timestamp. */
  'EVAL_BAD_TIMESTAMP',
  /** An evaluation option or bar value is out of range. */
  'EVAL_BAD_OPTION',
] as const);

export type EvalErrorCode = (typeof EVAL_ERROR_CODES)[number];

export class EvalError extends Error {
  readonly code: EvalErrorCode;
  /** Evaluation errors come from bad input; retrying cannot help. */
  readonly retriable = false;

  constructor(code: EvalErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EvalError';
    this.code = code;
  }
}
