import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';

const slugSchema = z.object({ slug: z.string().min(1).max(200) });

/** The `:slug` of a route, checked. */
export function slugParams(params: unknown): { slug: string } {
  const parsed = slugSchema.safeParse(params);
  if (!parsed.success)
    throw new AppError('invalid_input', 'slug: give a meeting slug', { field: 'slug' });
  return parsed.data;
}
