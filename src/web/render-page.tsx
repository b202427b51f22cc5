import { renderToString } from 'react-dom/server';
import { App } from './App.tsx';
import { catalogs } from './i18n/catalogs.ts';
import { allPages } from './pages/all-pages.ts';
import type { ClientAssets } from './client-assets.ts';
import type { PageModel } from './page-model.ts';
import { escapeAttribute, icon, safeJson } from './html-parts.ts';

/**
 * A whole page: the React tree rendered to HTML, the model it was rendered from (for hydration),
 * and the bundle's hashed assets. Nothing is loaded from another site.
 */
export function renderPage(
  model: PageModel,
  assets: ClientAssets,
  title: string,
  description: string,
): string {
  const body = renderToString(
    <App model={model} messages={catalogs[model.locale]} pages={allPages} />,
  );
  const chunks = [...assets.preload, ...assets.preloadFor(model.kind, model.locale)];
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // As the server's Referrer-Policy header: nothing to other sites, the Origin to this one.
    '<meta name="referrer" content="same-origin">',
    '<meta name="theme-color" content="#1f5f3a">',
    // An icon in the page itself: no request for /favicon.ico.
    `<link rel="icon" href="${icon}">`,
    `<title>${escapeAttribute(title)}</title>`,
    `<meta name="description" content="${escapeAttribute(description)}">`,
    '<link rel="alternate" type="application/json" title="Meetings Feed" href="/feeds/meeting-guide.json">',
    ...assets.styles.map((href) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`),
    // A live room wants its script at once. Elsewhere the chunks are fetched when the app starts
    // (client.tsx reads this list), so they do not compete with the first paint.
    ...(model.kind === 'room'
      ? chunks.map((href) => `<link rel="modulepreload" href="${escapeAttribute(href)}">`)
      : [`<meta name="gd-chunks" content="${escapeAttribute(chunks.join(' '))}">`]),
    assets.inlineStyles ? `<style>${assets.inlineStyles}</style>` : '',
  ].join('\n');
  const script = assets.script
    ? `<script type="module" src="${escapeAttribute(assets.script)}"></script>`
    : '';
  return `<!doctype html>
<html lang="${model.locale}">
<head>
${head}
</head>
<body>
<div id="root">${body}</div>
<script type="application/json" id="page-model">${safeJson(model)}</script>
${script}
</body>
</html>
`;
}
