import type { z } from 'zod';
import { AppError } from '../../domain/errors.ts';

/** A request's body read through its schema, or one AppError naming the first bad field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'body';
  throw new AppError('invalid_input', `${field}: ${issue?.message ?? 'is not valid'}`, { field });
}

/** A numeric id from the path. */
export function idParam(params: unknown, name = 'id'): number {
  const raw = (params as Record<string, unknown> | null)?.[name];
  const id = typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new AppError('invalid_input', `${name}: give a number`, { field: name });
  }
  return id;
}
