import { z } from 'zod';
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

/** A list's query: text to match (`q`), and a page of it (`limit`, `offset`). */
export const pageQuery = z.object({
  q: z.string().trim().max(200, 'keep the search under 200 characters').optional(),
  limit: z.coerce
    .number({ error: 'give a whole number from 1 to 500' })
    .int('give a whole number from 1 to 500')
    .min(1, 'give a whole number from 1 to 500')
    .max(500, 'give a whole number from 1 to 500')
    .default(100),
  offset: z.coerce
    .number({ error: 'give a whole number, 0 or more' })
    .int('give a whole number, 0 or more')
    .min(0, 'give a whole number, 0 or more')
    .default(0),
});
