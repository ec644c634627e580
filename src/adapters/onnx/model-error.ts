import { ERROR_CODES, RingwatchError } from '../../errors/codes.ts';

/** Why a model could not be loaded; the code is RW_MODEL_MISSING for all of them. */
export type ModelErrorReason = 'absent' | 'manifest' | 'checksum' | 'load';

/** A model directory that cannot serve embeddings. Not retriable: fetching the model is an operator step. */
export class ModelError extends RingwatchError {
  readonly reason: ModelErrorReason;
  constructor(reason: ModelErrorReason, message: string, cause?: unknown) {
    super(ERROR_CODES.MODEL_MISSING, message, { retriable: false, cause });
    this.name = 'ModelError';
    this.reason = reason;
  }
}

export const MODEL_FETCH_COMMAND = 'npm run models:fetch';
