import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadDemoIfEmpty } from '../../services/demo.service.ts';
import { importInput } from '../../services/import/import.service.ts';
import { type TestDatabase, createTestDatabase, testClock } from '../../test-support/databases.ts';
import { MemoryStream } from '../../test-support/memory-stream.ts';
import { testServer } from '../../test-support/http.ts';

describe('the HTTP server', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let log: MemoryStream;

  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    log = new MemoryStream();
    app = await testServer(db, { config: { logLevel: 'info' }, logStream: log });
  });
  afterEach(async () => {
    await app.close();
    await db.destroy();
  });

  it('answers /healthz once ready, naming the database', async () => {
    const response = await app.inject('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it('answers /healthz with 503 when the database is gone', async () => {
    await db.store.close();
    const response = await app.inject('/healthz');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'unavailable' });
    db = await createTestDatabase('sqlite'); // for afterEach
  });

  it('serves the finder as HTML with meetings in it, marking demo data, setting no cookie', async () => {
    await loadDemoIfEmpty(db.store, testClock);
    await app.close();
    app = await testServer(db);
    const response = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['set-cookie']).toBeUndefined();
    // Every request stays on this site: what the page may fetch, show, frame and post to.
    const csp = String(response.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "connect-src 'self'",
      "img-src 'self' data:;",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    // Other sites learn nothing of where a visitor came from; this site's forms still say Origin.
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.body).toContain('<html lang="en">');
    expect(response.body).toContain('these meetings do not exist');
    expect(response.body.match(/href="\/meetings\/[^"]+"/g)?.length).toBeGreaterThan(10);
    expect(response.body).not.toMatch(/(src|href)="https?:\/\/(?!www\.openstreetmap)/);
  });

  it('speaks the visitor’s language, and lets them switch', async () => {
    const spanish = await app.inject({
      url: '/guide',
      headers: { accept: 'text/html', 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' },
    });
    expect(spanish.body).toContain('<html lang="es">');
    const french = await app.inject({
      url: '/guide?lang=fr',
      headers: { 'accept-language': 'es' },
    });
    expect(french.body).toContain('<html lang="fr">');
    expect(french.body).toContain('SMART Recovery');
  });

  it('writes a meeting’s days, times and dates in the page’s language', async () => {
    await importInput(
      {
        text: JSON.stringify([
          {
            name: 'Lunes Sereno',
            slug: 'lunes-sereno',
            day: [1, 4],
            time: '19:30',
            end_time: '20:45',
            conference_url: 'https://meet.example.org/l',
            updated: '2026-11-05 10:00:00',
          },
        ]),
        location: 'x',
        suggestedName: 'x',
        contentType: null,
      },
      { source: 'x', format: 'auto', prune: false },
      { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
    );
    const page = async (lang: string) =>
      (await app.inject({ url: `/meetings/lunes-sereno?lang=${lang}` })).body.replace(
        /\u202f|&#x202F;|\s/g,
        ' ',
      );
    const en = await page('en');
    expect(en).toContain('Every Monday and Thursday');
    expect(en).toMatch(/7:30 PM(<!-- -->)?–(<!-- -->)?8:45 PM/);
    expect(en).toContain('November 5, 2026');
    const es = await page('es');
    expect(es).toContain('Cada lunes y jueves');
    expect(es).toMatch(/19:30(<!-- -->)?–(<!-- -->)?20:45/);
    expect(es).toContain('5 de noviembre de 2026');
    const fr = await page('fr');
    expect(fr).toContain('Chaque lundi et jeudi');
    expect(fr).toContain('5 novembre 2026');
    expect(fr).not.toContain('Every Monday');
  });

  it('says what went wrong with a search, and with a report, in the page’s language', async () => {
    const finder = async (lang: string) =>
      (await app.inject({ url: `/?place=Nowhereville&lang=${lang}` })).body;
    expect(await finder('es')).toContain(
      'No conocemos ninguna localidad ni código postal llamado «Nowhereville»',
    );
    expect(await finder('fr')).toContain(
      'Aucune ville ni aucun code postal appelé «\u00a0Nowhereville\u00a0»',
    );
    expect(await finder('en')).toContain('No town or postcode called “Nowhereville” is known');
    // The API says why, for pages that say it in their own words.
    expect((await app.inject({ url: '/api/v1/meetings?place=Nowhereville' })).json()).toMatchObject(
      { error: 'invalid_input', field: 'place', reason: 'unknown_place' },
    );
    // Another problem with the place is not taken for an unknown one.
    expect((await app.inject({ url: '/?place=Lewes&near=50.8,0.0&lang=es' })).body).toContain(
      'No se pudo leer esa búsqueda (place: give near or place, not both)',
    );
    // A parameter only a hand-made address gets wrong: named, inside the page's own sentence.
    expect((await app.inject({ url: '/?radius_km=-3&place=Lewes&lang=fr' })).body).toMatch(
      /Cette recherche n’a pas pu être lue \(radius_km: [^)]+\)/,
    );
    await importInput(
      {
        text: JSON.stringify([
          { name: 'Hope', slug: 'hope', day: 1, time: '19:00', conference_url: 'https://x.org/h' },
        ]),
        location: 'x',
        suggestedName: 'x',
        contentType: null,
      },
      { source: 'x', format: 'auto', prune: false },
      { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
    );
    const report = await app.inject({
      method: 'POST',
      url: '/meetings/hope/report?lang=fr',
      payload: new URLSearchParams({ message: ' ' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(report.statusCode).toBe(400);
    expect(report.body).toContain('Dites ce qui ne va pas ou ce qu’il faut ajouter');
  });

  it('escapes whatever a fellowship or meeting is called', async () => {
    await db.store.fellowships.ensure(
      [
        {
          id: 'x',
          name: '<script>alert(1)</script>',
          kind: 'other',
          description: '"quoted" & <b>bold</b>',
          website: null,
        },
      ],
      false,
      testClock.now().toISOString(),
    );
    await importInput(
      {
        text: JSON.stringify([
          {
            name: '<img src=x onerror=alert(1)>',
            slug: 'm',
            fellowship: 'x',
            day: 1,
            time: '19:00',
            conference_url: 'https://meet.example.org/m',
          },
        ]),
        location: 'x',
        suggestedName: 'x',
        contentType: null,
      },
      { source: 'x', format: 'auto', prune: false },
      { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
    );
    for (const url of ['/guide', '/', '/meetings/m']) {
      const body = (await app.inject({ url, headers: { accept: 'text/html' } })).body;
      expect(body, url).not.toContain('<script>alert');
      expect(body, url).not.toContain('<img src=x');
      expect(body, url).not.toContain('<b>bold');
    }
  });

  it('takes a suggested meeting from a plain form, in the visitor’s language', async () => {
    const page = await app.inject({ url: '/suggest?lang=es', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sugerir una reunión');
    expect(page.body).toContain('action="/suggest?lang=es"');
    const post = (form: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/suggest',
        payload: new URLSearchParams(form).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });

    const sent = await post({
      name: 'Tuesday Night Hope',
      day: '2',
      time: '19:30',
      formatted_address: '12 High Street, Lewes',
      conference_url: '',
      message: '',
      email: '',
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('A volunteer will check this meeting');
    const [stored, ...more] = await db.store.changeRequests.list({ statuses: ['open', 'held'] });
    expect(more).toEqual([]);
    // Sent without the script's proof of work: held apart for volunteers to look at.
    expect(stored).toMatchObject({
      status: 'held',
      meetingId: null,
      meetingSlug: null,
      message: 'A meeting to add: Tuesday Night Hope',
      changes: {
        name: 'Tuesday Night Hope',
        day: 2,
        time: '19:30',
        formatted_address: '12 High Street, Lewes',
      },
      email: null,
    });

    // What to fix, with what was typed kept.
    const noName = await post({ name: ' ', formatted_address: 'Church hall' });
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain('Give the meeting’s name.');
    expect(noName.body).toContain('value="Church hall"');
    const badLink = await post({ name: 'Online', conference_url: 'zoom meeting 123' });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.body).toContain('Give the link to join as https://…');
    // In the visitor's language, whatever language the server's own words are in.
    const spanish = await app.inject({
      method: 'POST',
      url: '/suggest?lang=es',
      payload: new URLSearchParams({ name: '', time: '7pm' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(spanish.statusCode).toBe(400);
    expect(spanish.body).toContain('Escribe el nombre de la reunión.');

    // A bot that fills the hidden field is thanked, and nothing is kept.
    const bot = await post({ name: 'Cheap pills', website: 'http://spam.example' });
    expect(bot.statusCode).toBe(200);
    expect(await db.store.changeRequests.list({ statuses: ['open', 'held'] })).toHaveLength(1);
  });

  it('answers unknown addresses with a JSON 404', async () => {
    const response = await app.inject('/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: 'not_found',
      message: 'There is nothing at this address.',
    });
  });

  it('logs the route, never the query, the body or the caller', async () => {
    await app.inject({
      url: '/?q=alcohol+near+42+Elm+Street&near=51.5,-0.12',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    await app.inject({
      method: 'POST',
      url: '/nowhere',
      payload: { message: 'I relapsed last night' },
    });
    const lines = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.msg === 'request')).toEqual([
      expect.objectContaining({ method: 'GET', route: '/', status: 200 }),
      expect.objectContaining({ method: 'POST', route: '(no route)', status: 404 }),
    ]);
    for (const secret of ['alcohol', 'Elm', '51.5', '203.0.113.9', 'relapsed', 'q=']) {
      expect(log.text).not.toContain(secret);
    }
  });
});
