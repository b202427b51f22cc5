/**
 * The one closed vocabulary of failures. HTTP, WebSocket and CLI edges each map every code
 * exhaustively (a `Record<ErrorCode, ...>`), so adding a code without deciding how each edge
 * reports it is a compile error.
 */
export const errorCodes = [
  'invalid_config',
  'invalid_input',
  'input_unreachable',
  'not_found',
  'conflict',
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'database_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetails {
  /** The field, parameter or variable the error is about. */
  readonly field?: string;
  /** Where in an input the problem is, for example "line 80, column 3". */
  readonly position?: string;
  /**
   * What the problem is, for an edge that says it in its own words (the finder, in the
   * visitor's language): `unknown_place`, a place the gazetteer does not know.
   */
  readonly reason?: 'unknown_place';
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  /** `message` is for the person reading it: say what is wrong and what to do. */
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
