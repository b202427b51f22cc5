import type { FastifyInstance } from 'fastify';
import { meetingCalendar } from '../../formats/icalendar/meeting-calendar.ts';
import { meetingDetail } from '../../services/meeting.service.ts';
import type { HttpContext } from './http-context.ts';
import { hitsJson, presentMeeting, presentPlace } from './meeting.presenter.ts';
import { encodeCursor, parseSearchParams, resolveSearch } from './search-params.ts';
import { slugParams } from './route-params.ts';

/** Searching meetings, one meeting as JSON, and one meeting as a calendar file. */
export function registerMeetingRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.get('/api/v1/meetings', async (request, reply) => {
    const params = parseSearchParams(request.query as Record<string, unknown>);
    const resolved = await resolveSearch(params, {
      now: ctx.clock.now().getTime(),
      resolvePlace: (q) => ctx.places.resolve(q),
      zoneAt: ctx.zoneAt,
    });
    const result = await ctx.search.search(resolved.query);
    const rest = JSON.stringify({
      next_cursor: result.nextCursor ? encodeCursor(result.nextCursor, resolved.query.sort) : null,
      place: resolved.place ? presentPlace(resolved.place) : null,
      at: new Date(resolved.query.at).toISOString(),
    });
    // Written as text: the cards of the results are kept as JSON (see hitsJson).
    return reply
      .type('application/json; charset=utf-8')
      .send(`{"meetings":${hitsJson(result.hits, resolved.hasPoint)},${rest.slice(1)}`);
  });

  app.get('/api/v1/meetings/:slug', async (request) => {
    const { slug } = slugParams(request.params);
    const detail = await meetingDetail(ctx.store, slug);
    const now = ctx.clock.now().getTime();
    return {
      ...presentMeeting(detail.meeting, now),
      at_same_place: detail.atSamePlace.map((m) => ({ slug: m.slug, name: m.listing.name })),
    };
  });

  app.get('/meetings/:slug.ics', async (request, reply) => {
    const { slug } = slugParams(request.params);
    const { meeting } = await meetingDetail(ctx.store, slug);
    const base = ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
    const ics = meetingCalendar({
      listing: meeting.listing,
      slug: meeting.slug,
      pageUrl: `${base.replace(/\/$/, '')}/meetings/${meeting.slug}`,
      now: ctx.clock.now().getTime(),
    });
    if (ics === null) {
      return reply.code(404).send({
        error: 'not_found',
        message: 'This meeting is by appointment, so there is nothing to add to a calendar.',
      });
    }
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${meeting.slug}.ics"`)
      .send(ics);
  });
}
