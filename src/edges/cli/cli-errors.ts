import type { ErrorCode } from '../../domain/errors.ts';
import { isAppError } from '../../domain/errors.ts';

/** Every error code's exit status: a new code without one is a compile error. */
export const exitCodeByCode: Record<ErrorCode, number> = {
  invalid_config: 1,
  invalid_input: 1,
  input_unreachable: 1,
  not_found: 1,
  conflict: 1,
  unauthenticated: 1,
  forbidden: 1,
  rate_limited: 1,
  database_unavailable: 1,
  internal: 1,
};

const prefixByCode: Partial<Record<ErrorCode, string>> = {
  invalid_config: 'configuration: ',
};

/** One line a person can act on, and the exit status. */
export function describeCliError(error: unknown): { line: string; exitCode: number } {
  if (isAppError(error)) {
    return {
      line: `greendoor: ${prefixByCode[error.code] ?? ''}${error.message}`,
      exitCode: exitCodeByCode[error.code],
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    line: `greendoor: unexpected error: ${message.split('\n')[0] ?? message} (please report this, with the command you ran)`,
    exitCode: 1,
  };
}
