import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { locales } from '../../domain/vocabulary/locales.ts';
import {
  typeDescription,
  typeName,
  typeVocabulary,
} from '../../domain/vocabulary/type-vocabulary.ts';
import type { HttpContext } from './http-context.ts';

const typesQuery = z.object({
  lang: z.enum(locales, { error: `must be one of ${locales.join(', ')}` }).optional(),
});

/** GET /api/v1/types: the vocabulary, with names and plain descriptions in a language. */
export function registerTypeRoutes(app: FastifyInstance, _ctx: HttpContext): void {
  app.get('/api/v1/types', async (request, reply) => {
    const parsed = typesQuery.safeParse(request.query);
    if (!parsed.success)
      throw new AppError(
        'invalid_input',
        `lang: ${parsed.error.issues[0]?.message ?? 'is not valid'}`,
        { field: 'lang' },
      );
    const lang = parsed.data.lang ?? 'en';
    reply.header('cache-control', 'public, max-age=3600');
    return {
      language: lang,
      types: [...typeVocabulary.values()].map((t) => ({
        code: t.code,
        name: typeName(t.code, lang),
        description: typeDescription(t.code, lang),
        category: t.category,
        ...(t.language ? { language: t.language } : {}),
        origin: t.origin,
      })),
    };
  });
}
