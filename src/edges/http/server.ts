import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../../adapters/db/database.ts';
import type { Config } from '../../config/config.ts';
import { isAppError } from '../../domain/errors.ts';
import { httpStatusByCode } from './error-status.ts';
import { registerHealthRoutes } from './health.routes.ts';
import { registerHomeRoutes } from './home.routes.ts';

export interface ServerDependencies {
  readonly store: Store;
  readonly config: Pick<Config, 'logLevel'>;
  /** Where log lines go (standard output by default); tests read them. */
  readonly logStream?: { write(line: string): void };
}

/**
 * The HTTP edge. Confidentiality by design: the request log has the method, the route pattern,
 * the status and the time, never a URL's query (search terms, places), a body or an address.
 */
export function buildServer(deps: ServerDependencies): FastifyInstance {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      base: undefined,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
    disableRequestLogging: true,
    trustProxy: false,
  });

  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });

  app.setErrorHandler((error, request, reply) => {
    if (isAppError(error)) {
      return reply
        .code(httpStatusByCode[error.code])
        .send({ error: error.code, message: error.message });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500)
      request.log.error(
        { err: { message: (error as Error).message, name: (error as Error).name } },
        'unexpected error',
      );
    return reply.code(status).send({
      error: status >= 500 ? 'internal' : 'invalid_input',
      message:
        status >= 500
          ? 'Something went wrong on our side. Please try again in a moment.'
          : (error as Error).message,
    });
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: 'not_found', message: 'There is nothing at this address.' }),
  );

  registerHealthRoutes(app, deps.store);
  registerHomeRoutes(app, deps.store);
  return app;
}
