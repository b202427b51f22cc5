import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import type { HttpContext } from './http-context.ts';
import { presentPlace } from './meeting.presenter.ts';

const placeQuery = z.object({
  q: z
    .string({ error: 'give q, a town or postcode' })
    .trim()
    .min(2, 'give at least two letters')
    .max(100),
  limit: z.coerce.number().int().min(1).max(20).optional(),
});

/** GET /api/v1/places?q=: towns and postcodes, resolved offline, best first. */
export function registerPlaceRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.get('/api/v1/places', async (request) => {
    const parsed = placeQuery.safeParse(request.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? 'q');
      throw new AppError('invalid_input', `${field}: ${issue?.message ?? 'is not valid'}`, {
        field,
      });
    }
    const places = await ctx.places.search(parsed.data.q, parsed.data.limit ?? 8);
    return { places: places.map(presentPlace) };
  });
}
