import type { FastifyInstance, FastifyReply } from 'fastify';
import { ADMIN_CONFIG_ELEMENT_ID, type AdminConfig } from '../../web/admin/admin-config.ts';
import { type AdminAssets, loadAdminAssets } from '../../web/client-assets.ts';
import type { HttpContext } from './http-context.ts';
import { escapeAttribute, icon, safeJson } from '../../web/html-parts.ts';

/**
 * The volunteer area's page: an empty shell the admin bundle draws into. No inline script (the
 * configuration is JSON in a data element), nothing from another site.
 */
export function adminShell(assets: AdminAssets | null, config: AdminConfig): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="same-origin">',
    '<meta name="robots" content="noindex">',
    '<meta name="theme-color" content="#1f5f3a">',
    `<link rel="icon" href="${icon}">`,
    '<title>Volunteers · Greendoor</title>',
    ...(assets?.styles ?? []).map(
      (href) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`,
    ),
    ...(assets?.preload ?? []).map(
      (href) => `<link rel="modulepreload" href="${escapeAttribute(href)}">`,
    ),
  ].join('\n');
  const body = assets
    ? `<div id="root"><noscript><p>The volunteer area needs JavaScript: switch it on for this site, or use the API (see docs/volunteer-api.md). Finding a meeting works without it: <a href="/">go to the directory</a>.</p></noscript></div>
<script type="application/json" id="${ADMIN_CONFIG_ELEMENT_ID}">${safeJson(config)}</script>
<script type="module" src="${escapeAttribute(assets.script)}"></script>`
    : `<div id="root"><main><h1>The volunteer area is not built</h1><p>Run <code>npm run build</code> and start the server again.</p></main></div>`;
  return `<!doctype html>
<html lang="en">
<head>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * GET /admin and everything beneath it: the same shell, whose script reads the address and
 * shows the page (sign-in, meetings, requests...). Never cached: it names the current bundle.
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const html = adminShell(loadAdminAssets(), {
    tiles: ctx.config.mapTileUrl
      ? { url: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution }
      : null,
  });
  const send = (_request: unknown, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .send(html);
  app.get('/admin', send);
  app.get('/admin/*', send);
}
