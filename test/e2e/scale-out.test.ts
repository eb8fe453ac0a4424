import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dropDatabase, freshDatabaseUrl, POSTGRESQL_SERVER, postgresqlReachable } from '../support/postgresql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, graphql, removeTempFolders, startApp } from '../support/app.js';

/**
 * Scaling out: two API processes against one PostgreSQL database, behind a round-robin proxy on
 * loopback. Sessions, optimistic versions, revocations and the sign-in limit live in the
 * database, so either process answers any request the same way.
 */
const postgresqlUp = await postgresqlReachable();
if (!postgresqlUp) console.warn(`\nSKIPPED: scale-out — PostgreSQL is not reachable at ${POSTGRESQL_SERVER.host}\n`);

describe('prerequisites', () => {
  it.runIf(process.env.CI === 'true')('has PostgreSQL for the scale-out run in CI', () => {
    expect(postgresqlUp, `PostgreSQL must be reachable at ${POSTGRESQL_SERVER.host} in CI`).toBe(true);
  });
});

/** Forwards each request to the next backend in turn and counts who answered. */
function roundRobin(backends: string[]): Promise<{ url: string; served: number[]; server: Server }> {
  const served = backends.map(() => 0);
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const index = next++ % backends.length;
    served[index]! += 1;
    const target = new URL(incoming.url ?? '/', backends[index]);
    const forward = request(target, { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forward.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served, server })));
}

describe.runIf(postgresqlUp)('two API processes against one PostgreSQL', () => {
  const database = freshDatabaseUrl('assay_scale');
  let first: RunningApp;
  let second: RunningApp;
  let proxy: Awaited<ReturnType<typeof roundRobin>>;

  beforeAll(async () => {
    // The first process creates, migrates and seeds the database; the second finds it ready.
    first = await startApp({ DATABASE_URL: database.toString() });
    second = await startApp({ DATABASE_URL: database.toString() });
    proxy = await roundRobin([first.url, second.url]);
  }, 180_000);

  afterAll(async () => {
    proxy?.server.close();
    await first?.stop();
    await second?.stop();
    await dropDatabase(database);
    removeTempFolders();
  }, 60_000);

  const signIn = async (url: string, password = 'assay-demo') =>
    graphql<{ signIn: { token: string } }>(url, 'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }', { email: 'risk@assay.local', password });

  it('serves the same data through either process, with a session opened on one used on both', async () => {
    const session = await signIn(proxy.url);
    const token = session.data!.signIn.token;
    const answers = [];
    for (let round = 0; round < 10; round += 1) answers.push(await graphql<{ risks: { totalCount: number }; me: { user: { email: string } } }>(proxy.url, '{ risks { totalCount } me { user { email } } }', {}, token));
    // Both processes answered, and every answer is the same.
    expect(proxy.served.every((count) => count >= 5)).toBe(true);
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.data))).size).toBe(1);
    expect(answers[0]!.data!.me.user.email).toBe('risk@assay.local');
  });

  it('sees a change made through one process from the other, and refuses a stale edit made on the other', async () => {
    const token = (await signIn(first.url)).data!.signIn.token;
    const created = await graphql<{ createRisk: { id: string; version: number } }>(
      first.url,
      'mutation { createRisk(input: { title: "Scale-out probe", likelihood: 3, impact: 4 }) { id version } }',
      {},
      token,
    );
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data!.createRisk;
    const seen = await graphql<{ risk: { title: string; score: number } }>(second.url, 'query($id: ID!) { risk(id: $id) { title score } }', { id }, token);
    expect(seen.data?.risk).toEqual({ title: 'Scale-out probe', score: 12 });

    const update = (url: string, title: string) =>
      graphql<{ updateRisk: { version: number } }>(url, 'mutation($id: ID!, $input: UpdateRiskInput!) { updateRisk(id: $id, input: $input) { version } }', { id, input: { title, expectedVersion: version } }, token);
    expect((await update(second.url, 'Scale-out probe, edited on the second')).errors).toBeUndefined();
    const stale = await update(first.url, 'Scale-out probe, edited on the first from an old copy');
    expect(stale.errors?.[0]?.message).toMatch(/changed by someone else/);
    const final = await graphql<{ risk: { title: string } }>(first.url, 'query($id: ID!) { risk(id: $id) { title } }', { id }, token);
    expect(final.data?.risk.title).toBe('Scale-out probe, edited on the second');
  });

  it('ends a session everywhere when it is signed out on one process', async () => {
    const token = (await signIn(first.url)).data!.signIn.token;
    expect((await graphql<{ me: { user: { email: string } } | null }>(second.url, '{ me { user { email } } }', {}, token)).data?.me?.user.email).toBe('risk@assay.local');
    expect((await graphql(first.url, 'mutation { signOut }', {}, token)).errors).toBeUndefined();
    expect((await graphql<{ me: unknown }>(second.url, '{ me { user { email } } }', {}, token)).data?.me ?? null).toBeNull();
  });

  it('counts failed sign-ins on both processes against one limit', async () => {
    const attempts = [];
    for (let attempt = 0; attempt < 6; attempt += 1) attempts.push(await graphql(attempt % 2 === 0 ? first.url : second.url, 'mutation { signIn(email: "auditor@assay.local", password: "not the password") { token } }'));
    const codes = attempts.map((attempt) => (attempt.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code);
    // Five wrong passwords, then the limit holds whichever process is asked.
    expect(codes.slice(0, 5).every((code) => code !== 'RATE_LIMITED')).toBe(true);
    expect(codes[5]).toBe('RATE_LIMITED');
  });
});
