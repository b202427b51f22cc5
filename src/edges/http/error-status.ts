import type { ErrorCode } from '../../domain/errors.ts';

/** Every error code's HTTP status: a new code without one is a compile error. */
export const httpStatusByCode: Record<ErrorCode, number> = {
  invalid_config: 500,
  invalid_input: 400,
  input_unreachable: 502,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  database_unavailable: 503,
  internal: 500,
};
