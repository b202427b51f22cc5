import { useEffect, useState } from 'react';
import { ApiError } from './api-client.ts';
import { fieldLabel } from './field-labels.ts';
import { sentence } from './format.ts';

/** What went wrong with a form: the field it names (if any) and what to do, in words. */
export interface Problem {
  readonly field: string | null;
  readonly message: string;
}

export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) {
    if (error.code === 'rate_limited' || error.status === 429) {
      return { field: null, message: sentence(error.message) };
    }
    return { field: error.field, message: sentence(error.message, error.field) };
  }
  return { field: null, message: 'Something went wrong here: reload the page and try again.' };
}

/**
 * A form's problem, shown beside the field it names (or above the form when the form has no
 * such field), with focus moved to it. Field inputs are `${formId}-${field}`; their messages
 * `${formId}-${field}-error`; the form's own `${formId}-error`.
 */
export function useProblem(formId: string, fields: ReadonlySet<string>) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const onField = problem?.field != null && fields.has(problem.field);
  useEffect(() => {
    if (!problem) return;
    const id =
      problem.field != null && fields.has(problem.field)
        ? `${formId}-${problem.field}-error`
        : `${formId}-error`;
    document.getElementById(id)?.focus();
  }, [problem, formId, fields]);
  return {
    problem,
    clear: () => setProblem(null),
    show: (p: Problem) => setProblem(p),
    fail: (error: unknown) => setProblem(problemOf(error)),
    /** The message for one field's place. */
    errorFor: (field: string): string | null =>
      onField && problem?.field === field ? problem.message : null,
    /** The message for the top of the form. */
    general:
      problem && !onField
        ? problem.field
          ? `${fieldLabel(problem.field)}: ${problem.message}`
          : problem.message
        : null,
  };
}
