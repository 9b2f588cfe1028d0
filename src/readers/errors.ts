import type { ErrorCode } from '../model/schema.js';

/** Unusable input: the one exception readers throw. The extract boundary turns it into an error record. */
export class ReadError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ReadError';
    this.code = code;
  }
}
