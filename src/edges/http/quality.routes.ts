import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import { geocodeAddress } from '../../services/editing/geocode.service.ts';
import { qualityReport } from '../../services/quality.service.ts';
import { actorOf } from './access.ts';
import type { HttpContext } from './http-context.ts';
import { idParam } from './request-body.ts';

/** The data-quality page's findings, and coordinates for an address (offline). */
export function registerQualityRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.get('/api/v1/service-bodies/:id/quality', async (request) =>
    qualityReport(
      {
        store: ctx.store,
        clock: ctx.clock,
        actor: actorOf(request),
        defaultTimezone: ctx.config.defaultTimezone,
      },
      idParam(request.params),
      (query) => ctx.places.resolve(query),
    ),
  );

  app.get('/api/v1/geocode', async (request) => {
    const address = (request.query as Record<string, unknown>).address;
    if (typeof address !== 'string' || address.trim().length < 2 || address.length > 300) {
      throw new AppError(
        'invalid_input',
        'address: give the address to place, such as "12 High St, Lewes"',
        {
          field: 'address',
        },
      );
    }
    const found = await geocodeAddress(address, (query) => ctx.places.resolve(query));
    if (!found) {
      throw new AppError(
        'not_found',
        'no town or postcode in that address is in the gazetteer: put the pin on the map by hand',
        { field: 'address' },
      );
    }
    return found;
  });
}
