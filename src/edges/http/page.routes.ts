import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../domain/errors.ts';
import {
  changeRequestSchema,
  meetingSuggestionSchema,
  submitChangeRequest,
  suggestionRequest,
} from '../../services/change-request.service.ts';
import type { DirectorySummaryCache } from '../../services/directory.service.ts';
import { meetingDetail } from '../../services/meeting.service.ts';
import type { ClientAssets } from '../../web/client-assets.ts';
import {
  FINDER_PAGE_SIZE,
  apiQuery,
  finderHref,
  finderParamsFrom,
} from '../../web/finder-params.ts';
import { formatClock } from '../../web/format.ts';
import { formProblemKey } from '../../web/form-problems.ts';
import { catalogs } from '../../web/i18n/catalogs.ts';
import { type Locale, makeTranslator, pickLocale } from '../../web/i18n/translate.ts';
import type { PageBase, PageModel, SearchProblem } from '../../web/page-model.ts';
import { renderPage } from '../../web/render-page.tsx';
import { CHANGE_REQUEST_LIMIT } from './change-request.routes.ts';
import type { HttpContext } from './http-context.ts';
import { presentHit, presentPlace } from './meeting.presenter.ts';
import {
  atSamePlace,
  finderOptions,
  guideKinds,
  meetingModel,
  typeNamesIn,
  weekdayOptions,
} from './page-models.ts';
import { slugParams } from './route-params.ts';
import { roomIdPattern } from '../ws/room.gateway.ts';
import { roomTexts } from '../../web/room/room-texts.ts';
import { roomTranslator } from '../../web/room/room-translate.ts';
import { encodeCursor, parseSearchParams, resolveSearch } from './search-params.ts';

export interface PageDependencies {
  readonly assets: ClientAssets;
  readonly summaries: DirectorySummaryCache;
}

function localeOf(request: FastifyRequest): Locale {
  const lang = (request.query as Record<string, unknown>).lang;
  return pickLocale(
    typeof lang === 'string' ? lang : undefined,
    request.headers['accept-language'],
  );
}

/**
 * The pages people see: the finder, a meeting, the guide. Rendered here as HTML (they work with
 * JavaScript off and appear before any script runs); the browser bundle hydrates them.
 */
export function registerPageRoutes(
  app: FastifyInstance,
  ctx: HttpContext,
  deps: PageDependencies,
): void {
  const send = (
    reply: FastifyReply,
    {
      model,
      title,
      description,
      status = 200,
    }: { model: PageModel; title: string; description: string; status?: number },
  ) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderPage(model, deps.assets, title, description));

  const base = async (request: FastifyRequest): Promise<PageBase> => {
    const summary = await deps.summaries.summary();
    return { locale: localeOf(request), path: request.url, demo: summary.demoMeetings > 0 };
  };

  app.get('/', async (request, reply) => {
    const page = await base(request);
    const t = makeTranslator(catalogs[page.locale]);
    const params = finderParamsFrom(request.query as Record<string, unknown>);
    const summary = await deps.summaries.summary();
    const now = ctx.clock.now().getTime();
    let results: ReturnType<typeof presentHit>[] = [];
    let nextHref: string | null = null;
    let place: string | null = null;
    let at = now;
    let error: SearchProblem | null = null;
    try {
      const resolved = await resolveSearch(
        parseSearchParams(Object.fromEntries(apiQuery(params))),
        {
          now,
          resolvePlace: (q) => ctx.places.resolve(q),
          zoneAt: ctx.zoneAt,
        },
      );
      const found = await ctx.search.search({ ...resolved.query, limit: FINDER_PAGE_SIZE });
      results = found.hits.map((hit) => presentHit(hit, resolved.hasPoint));
      nextHref = found.nextCursor
        ? finderHref(params, { cursor: encodeCursor(found.nextCursor, resolved.query.sort) })
        : null;
      place = resolved.place ? presentPlace(resolved.place).label : null;
      at = resolved.query.at;
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = {
        field: e.details.field ?? null,
        message: e.message,
        ...(e.details.reason ? { reason: e.details.reason } : {}),
      };
    }
    return send(reply, {
      model: {
        ...page,
        kind: 'finder',
        params,
        results,
        nextHref,
        place,
        at,
        error,
        options: finderOptions(summary, page.locale),
        typeNames: typeNamesIn(page.locale),
        tiles: ctx.config.mapTileUrl
          ? { url: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution }
          : null,
      },
      title: `${t('siteName')}: ${t('tagline')}`,
      description: t('finderIntro'),
      status: error ? 400 : 200,
    });
  });

  const meetingPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    report: { sent: boolean; error: string | null },
  ) => {
    const page = await base(request);
    const t = makeTranslator(catalogs[page.locale]);
    const { slug } = slugParams(request.params);
    try {
      const detail = await meetingDetail(ctx.store, slug);
      const meeting = meetingModel(detail, page.locale, ctx.clock.now().getTime());
      return send(reply, {
        model: {
          ...page,
          kind: 'meeting',
          meeting,
          atSamePlace: atSamePlace(detail, page.locale),
          reported: report.sent,
          reportError: report.error,
        },
        title: `${meeting.name} · ${t('siteName')}`,
        description: `${meeting.recurrence}${meeting.time ? `, ${formatClock(meeting.time, page.locale)}` : ''}. ${meeting.location?.address ?? ''}`,
        status: report.error ? 400 : 200,
      });
    } catch (e) {
      if (isAppError(e) && e.code === 'not_found') {
        return send(reply, {
          model: { ...page, kind: 'not-found' },
          title: `${t('notFoundTitle')} · ${t('siteName')}`,
          description: t('notFound'),
          status: 404,
        });
      }
      throw e;
    }
  };

  app.get('/meetings/:slug', (request, reply) =>
    meetingPage(request, reply, { sent: false, error: null }),
  );

  // The report form without JavaScript: the same service as the API, answering with the page.
  app.post(
    '/meetings/:slug/report',
    { config: { rateLimit: CHANGE_REQUEST_LIMIT } },
    async (request, reply) => {
      const { slug } = slugParams(request.params);
      const form = (request.body ?? {}) as Record<string, unknown>;
      const parsed = changeRequestSchema.safeParse({
        meeting: slug,
        message: form.message,
        ...(typeof form.email === 'string' && form.email.trim()
          ? { email: form.email.trim() }
          : {}),
        ...(typeof form.website === 'string' ? { website: form.website } : {}),
      });
      if (!parsed.success) {
        const t = makeTranslator(catalogs[localeOf(request)]);
        return meetingPage(request, reply, {
          sent: false,
          error: t(formProblemKey(String(parsed.error.issues[0]?.path[0] ?? ''))),
        });
      }
      await submitChangeRequest(ctx.store, parsed.data, ctx.clock);
      return meetingPage(request, reply, { sent: true, error: null });
    },
  );

  const suggestPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { sent: boolean; error: string | null; values: Record<string, string> },
  ) => {
    const page = await base(request);
    const t = makeTranslator(catalogs[page.locale]);
    const summary = await deps.summaries.summary();
    return send(reply, {
      model: {
        ...page,
        kind: 'suggest',
        fellowships: finderOptions(summary, page.locale).fellowships,
        days: weekdayOptions(page.locale),
        ...form,
      },
      title: `${t('suggestTitle')} · ${t('siteName')}`,
      description: t('suggestIntro'),
      status: form.error ? 400 : 200,
    });
  };

  app.get('/suggest', (request, reply) =>
    suggestPage(request, reply, { sent: false, error: null, values: {} }),
  );

  // "Suggest a meeting" without an account: stored for volunteers as a change request.
  app.post('/suggest', { config: { rateLimit: CHANGE_REQUEST_LIMIT } }, async (request, reply) => {
    // Fields left blank count as not given.
    const values = Object.fromEntries(
      Object.entries((request.body ?? {}) as Record<string, unknown>).filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === 'string' && entry[1].trim() !== '',
      ),
    );
    const parsed = meetingSuggestionSchema.safeParse(values);
    if (!parsed.success) {
      const t = makeTranslator(catalogs[localeOf(request)]);
      return suggestPage(request, reply, {
        sent: false,
        error: t(formProblemKey(String(parsed.error.issues[0]?.path[0] ?? ''))),
        // What was typed comes back, but for the field only bots see.
        values: Object.fromEntries(Object.entries(values).filter(([k]) => k !== 'website')),
      });
    }
    await submitChangeRequest(ctx.store, suggestionRequest(parsed.data), ctx.clock);
    return suggestPage(request, reply, { sent: true, error: null, values: {} });
  });

  // An online meeting room: its name and statement now, everything live over its socket.
  app.get('/rooms/:roomId', async (request, reply) => {
    const { roomId } = request.params as { roomId: string };
    const room = roomIdPattern.test(roomId) ? await ctx.store.rooms.byId(roomId) : null;
    const page = await base(request);
    const t = makeTranslator(catalogs[page.locale]);
    reply.header('x-robots-tag', 'noindex, nofollow');
    if (!room) {
      return send(reply, {
        model: { ...page, kind: 'not-found' },
        title: `${t('notFoundTitle')} · ${t('siteName')}`,
        description: t('notFound'),
        status: 404,
      });
    }
    const text = roomTexts[page.locale];
    return send(reply, {
      model: {
        ...page,
        kind: 'room',
        roomId: room.id,
        name: room.settings.name,
        passcodeRequired: room.settings.passcodeRequired,
        statement: room.settings.statement,
        text,
      },
      title: `${roomTranslator(text)('roomTitle', { name: room.settings.name })} · ${t('siteName')}`,
      description: room.settings.statement,
    });
  });

  app.get('/guide', async (request, reply) => {
    const page = await base(request);
    const t = makeTranslator(catalogs[page.locale]);
    const summary = await deps.summaries.summary();
    return send(reply, {
      model: { ...page, kind: 'guide', kinds: guideKinds(summary, page.locale) },
      title: `${t('guideTitle')} · ${t('siteName')}`,
      description: t('finderIntro'),
    });
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (request.method === 'GET' && /text\/html/.test(String(request.headers.accept ?? ''))) {
      const page = await base(request);
      const t = makeTranslator(catalogs[page.locale]);
      return send(reply, {
        model: { ...page, kind: 'not-found' },
        title: `${t('notFoundTitle')} · ${t('siteName')}`,
        description: t('notFound'),
        status: 404,
      });
    }
    return reply
      .code(404)
      .send({ error: 'not_found', message: 'There is nothing at this address.' });
  });
}
