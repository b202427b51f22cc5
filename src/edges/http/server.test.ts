import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadDemoIfEmpty } from '../../services/demo.service.ts';
import { importInput } from '../../services/import/import.service.ts';
import { type TestDatabase, createTestDatabase, testClock } from '../../test-support/databases.ts';
import { MemoryStream } from '../../test-support/memory-stream.ts';
import { buildServer } from './server.ts';

describe('the HTTP server', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let log: MemoryStream;

  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    log = new MemoryStream();
    app = buildServer({ store: db.store, config: { logLevel: 'info' }, logStream: log });
    await app.ready();
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

  it('serves a page explaining the kinds of meeting, marking demo data', async () => {
    await loadDemoIfEmpty(db.store, testClock);
    const response = await app.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<html lang="en">');
    expect(response.body).toContain(
      'This directory is showing 2000 synthetic meetings that do not exist.',
    );
    expect(response.body).toContain('This directory lists 2000 meetings.');
    expect(response.body).toContain('Narcotics Anonymous');
    expect(response.body).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });

  it('escapes whatever a fellowship is called', async () => {
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
        text: JSON.stringify([{ name: 'M', slug: 'm', fellowship: 'x' }]),
        location: 'x',
        suggestedName: 'x',
        contentType: null,
      },
      { source: 'x', format: 'auto', prune: false },
      { store: db.store, clock: testClock, defaultTimezone: 'UTC' },
    );
    const body = (await app.inject('/')).body;
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(body).not.toContain('<script>');
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
