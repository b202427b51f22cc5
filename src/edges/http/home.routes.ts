import type { FastifyInstance } from 'fastify';
import type { Store } from '../../adapters/db/database.ts';
import { fellowshipKindNames } from '../../domain/fellowship/fellowship.ts';
import { DEMO_SOURCE } from '../../services/demo.service.ts';
import { escapeHtml, page } from './html.ts';

/**
 * GET /: what Greendoor is and the kinds of meeting in this directory, so that someone new can
 * "try a few and see which suits". Server-rendered; works without JavaScript.
 */
export function registerHomeRoutes(app: FastifyInstance, store: Store): void {
  app.get('/', async (_request, reply) => {
    const [fellowships, counts, sources] = await Promise.all([
      store.fellowships.list(),
      store.meetings.countByFellowship(),
      store.sources.list(),
    ]);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const demo = sources.find((s) => s.name === DEMO_SOURCE && s.meetings > 0);
    const kinds = fellowships
      .filter((f) => (counts.get(f.id) ?? 0) > 0)
      .map(
        (
          f,
        ) => `<dt>${escapeHtml(f.name)} <small>(${escapeHtml(fellowshipKindNames[f.kind])}, ${counts.get(f.id) ?? 0} meetings)</small></dt>
<dd>${escapeHtml(f.description)}</dd>`,
      )
      .join('\n');
    const body = `<header><h1>Greendoor</h1></header>
<main>
<p>Mutual aid meetings are support groups where people with drug or alcohol problems talk about what is happening in their lives and look after each other. They are free, and run by volunteers who are in recovery themselves. What's said in the meeting stays in the meeting.</p>
${demo ? `<p class="note" role="note"><strong>Demo data.</strong> This directory is showing ${demo.meetings} synthetic meetings that do not exist. Do not go to them.</p>` : ''}
<p>This directory lists ${total} meeting${total === 1 ? '' : 's'}.</p>
${kinds ? `<h2>Kinds of meeting</h2>\n<p>Different meetings run in different ways. Why not try a few and see which suits you?</p>\n<dl>\n${kinds}\n</dl>` : ''}
</main>`;
    return reply
      .type('text/html; charset=utf-8')
      .send(page('Greendoor: find a mutual aid meeting', body));
  });
}
