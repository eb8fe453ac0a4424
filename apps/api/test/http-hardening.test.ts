import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { ANNOUNCED_KEEP_ALIVE_MS, createHttpServer as createApiHttpServer, KEEP_ALIVE_MS } from '../src/http/http-server.js';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonErrors, jsonNotFound, MAX_GRAPHQL_BODY_BYTES } from '../src/http/json-errors.js';
import { SECURITY_HEADERS } from '../src/http/security-headers.js';
import { DEMO_SIGN_IN } from '../src/seed/demo.js';
import { startTestApi, type TestApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values]));
}

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
  expect(response.headers.get('x-powered-by')).toBeNull();
}

// The HTTP layer is the same whatever the database: one database is enough.
describe.each(databases.available.slice(0, 1))('HTTP hardening on $name', (database) => {
  let api: TestApi;
  let webDist: string;
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    // A stand-in for the built dashboard: an app shell and one asset.
    webDist = mkdtempSync(join(tmpdir(), 'assay-web-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Assay</title><div id="root"></div><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(webDist, 'assets', 'app.js'), 'document.title = "Assay";');
    api = await startTestApi(database.create(), { webDist });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('sends a strict content security policy: same origin only, no eval, no inline script, no framing', () => {
    const policy = directives(SECURITY_HEADERS['Content-Security-Policy']!);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(SECURITY_HEADERS['Content-Security-Policy']).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('sets the security headers on every kind of response, and never X-Powered-By', async () => {
    const token = await api.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    const responses = {
      health: await fetch(`${api.url}/healthz`),
      graphql: await post('/graphql', JSON.stringify({ query: '{ me { user { email } } }' }), { authorization: `Bearer ${token}` }),
      shell: await fetch(`${api.url}/risks/some-client-route`, { headers: { accept: 'text/html' } }),
      asset: await fetch(`${api.url}/assets/app.js`),
      missing: await fetch(`${api.url}/api/nothing-here`),
      malformed: await post('/graphql', '{"query": '),
      tooLarge: await post('/graphql', 'x'.repeat(MAX_GRAPHQL_BODY_BYTES + 1)),
      predictions: await fetch(`${api.url}/api/ai-systems/x/predictions`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b\n' }),
    };
    expect(Object.fromEntries(Object.entries(responses).map(([name, response]) => [name, response.status]))).toEqual({
      health: 200,
      graphql: 200,
      shell: 200,
      asset: 200,
      missing: 404,
      malformed: 400,
      tooLarge: 413,
      predictions: 401,
    });
    for (const response of Object.values(responses)) expectSecurityHeaders(response);
    expect(await responses.graphql.json()).toEqual({ data: { me: { user: { email: DEMO_SIGN_IN.email } } } });
    expect(await responses.shell.text()).toContain('<div id="root">');
  });

  it('accepts a GraphQL body up to 1 MiB and refuses a larger one with 413 and a JSON error naming the limit', async () => {
    // A comment pads the query so that the body is exactly MAX_GRAPHQL_BODY_BYTES long, then one byte more.
    const bodyOf = (padding: number) => JSON.stringify({ query: `#${'a'.repeat(padding)}\n{ __typename }` });
    const padding = MAX_GRAPHQL_BODY_BYTES - bodyOf(0).length;
    expect(bodyOf(padding).length).toBe(MAX_GRAPHQL_BODY_BYTES);
    const fits = await post('/graphql', bodyOf(padding));
    expect(fits.status).toBe(200);
    expect(await fits.json()).toEqual({ data: { __typename: 'Query' } });

    const tooLarge = await post('/graphql', bodyOf(padding + 1));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await tooLarge.json()).toEqual({
      errors: [{ message: 'The request body is larger than the limit of 1 MiB (1048576 bytes)', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 1_048_576 } }],
    });
  });

  it('answers malformed JSON and an unsupported charset with a JSON error, not an HTML page', async () => {
    const malformed = await post('/graphql', '{"query": "{ __typename }"');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await malformed.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });

    const charset = await post('/graphql', '{"query": "{ __typename }"}', { 'content-type': 'application/json; charset=ebcdic' });
    expect(charset.status).toBe(415);
    expect(await charset.json()).toMatchObject({ errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] });
  });

  it('answers unknown API paths with a JSON 404, even when a browser asks for HTML', async () => {
    const belowGraphql = await post('/graphql/extra', JSON.stringify({ query: '{ __typename }' }));
    expect(belowGraphql.status).toBe(404);
    expect(await belowGraphql.json()).toEqual({ errors: [{ message: 'There is nothing at POST /graphql/extra', extensions: { code: 'NOT_FOUND' } }] });

    for (const path of ['/api/unknown', '/api/ai-systems/1/unknown', '/healthz/extra']) {
      const response = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(await response.json(), path).toEqual({ error: { code: 'NOT_FOUND', message: `There is nothing at GET ${path}` } });
    }
    // A client-side route of the dashboard still gets the app shell.
    const route = await fetch(`${api.url}/explorer`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('masks a database failure inside a resolver as "Internal server error", logging it on the server', async () => {
    const token = await api.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    const connection = api.orm.em.getConnection();
    await connection.execute('alter table incident rename to incident_hidden');
    try {
      const logged = api.loggedErrors.length;
      const response = await post('/graphql', JSON.stringify({ query: '{ incidents { totalCount } }' }), { authorization: `Bearer ${token}` });
      const text = await response.text();
      expect(JSON.parse(text).errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: ['incidents'] }]);
      // Neither the SQL, the table nor a stack frame reaches the client.
      expect(text).not.toMatch(/incident_|select|sqlite|postgres|\bat\s.*\.(ts|js)/i);
      expect(api.loggedErrors.length).toBe(logged + 1);
    } finally {
      await connection.execute('alter table incident_hidden rename to incident');
    }
  });

  it('keeps idle connections open longer than clients and load balancers usually do, and announces less than it keeps, so clients close first', async () => {
    const response = await fetch(`${api.url}/healthz`);
    await response.arrayBuffer();
    expect(response.headers.get('keep-alive')).toBe(`timeout=${ANNOUNCED_KEEP_ALIVE_MS / 1000}`);
    expect(ANNOUNCED_KEEP_ALIVE_MS).toBeGreaterThanOrEqual(60_000);
    expect(KEEP_ALIVE_MS - ANNOUNCED_KEEP_ALIVE_MS).toBeGreaterThanOrEqual(3_000);
  });

  it('keeps an idle connection past the time it announces, and closes it at the time it keeps', async () => {
    const server = createApiHttpServer((_request, response) => response.end('{}'), { keptMs: 1_600, announcedMs: 1_000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
      let head = '';
      const answered = new Promise<number>((resolve) =>
        socket.on('data', (chunk) => {
          head += chunk.toString();
          if (head.includes('{}')) resolve(Date.now());
        }),
      );
      socket.write('GET / HTTP/1.1\r\nHost: assay\r\n\r\n');
      const [answeredAt, closedAt] = [await answered, await closed];
      expect(head).toMatch(/\r\nKeep-Alive: timeout=1\r\n/i);
      expect(head.match(/keep-alive: timeout/gi)).toHaveLength(1);
      expect(closedAt - answeredAt).toBeGreaterThanOrEqual(1_400);
    } finally {
      server.close();
    }
  });

  it("does not serve Apollo's landing page, which would load scripts from a CDN", async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.text()).not.toMatch(/cdn|<script/i);
  });
});

describe('JSON error handler', () => {
  it('turns an unexpected error into a 500 without its message or stack, and logs it', async () => {
    const logged: unknown[] = [];
    const app = express();
    app.get('/api/boom', () => {
      throw new Error('connection to db.internal:5432 refused for user assay_admin');
    });
    app.post('/graphql', () => {
      throw new TypeError('Cannot read properties of undefined (reading "secret")');
    });
    app.use(jsonNotFound());
    app.use(jsonErrors((error) => logged.push(error)));
    const server = createHttpServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const rest = await fetch(`${url}/api/boom`);
      expect(rest.status).toBe(500);
      const restBody = await rest.text();
      expect(JSON.parse(restBody)).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
      expect(restBody).not.toMatch(/db\.internal|assay_admin|at .*\.ts/);

      const graphql = await fetch(`${url}/graphql`, { method: 'POST' });
      expect(graphql.status).toBe(500);
      expect(await graphql.json()).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(logged.map((error) => (error as Error).message)).toEqual([
        'connection to db.internal:5432 refused for user assay_admin',
        'Cannot read properties of undefined (reading "secret")',
      ]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
