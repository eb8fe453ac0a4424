import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Orm } from '../src/db.js';
import { DEMO_SIGN_IN } from '../src/seed/demo.js';
import { createServer } from '../src/server.js';
import { startTestApi, type TestApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();
const postgresql = databases.available.filter((database) => database.name === 'postgresql');

const CREATE_RISK = 'mutation($title: String!) { createRisk(input: { title: $title, likelihood: 2, impact: 2 }) { id title } }';
/** Generous: how long a test waits for the server to finish work it runs on after answering. */
const SETTLE = { timeout: 10_000, interval: 20 };

/**
 * Runs `during` while another connection holds a PostgreSQL lock on a table, then releases it.
 * A statement that needs the table waits on the lock for as long as it is held: a statement that
 * cannot finish, whatever the machine's speed.
 */
async function whileLocked<T>(orm: Orm, table: string, mode: string, during: () => Promise<T>): Promise<T> {
  return orm.em.fork().transactional(async (em) => {
    await em.getConnection().execute(`lock table ${table} in ${mode} mode`, [], 'run', em.getTransactionContext());
    return during();
  });
}

/** Whether a statement starting with `sql` waits on a lock in PostgreSQL. */
async function waitingOnLock(orm: Orm, sql: string): Promise<boolean> {
  const [row] = await orm.em.getConnection().execute<{ waiting: string }[]>(
    `select count(*) as waiting from pg_stat_activity where wait_event_type = 'Lock' and query like ?`,
    [`${sql}%`],
  );
  return Number(row?.waiting) > 0;
}

async function risksTitled(orm: Orm, title: string): Promise<number> {
  const [row] = await orm.em.getConnection().execute<{ count: string }[]>('select count(*) as count from risk where title = ?', [title]);
  return Number(row?.count);
}

/** A second server over the API's database, with a request deadline of its own. */
interface DeadlineServer {
  loggedErrors: unknown[];
  post(query: string, variables: Record<string, unknown>, token: string): Promise<Response>;
  close(): Promise<void>;
}

async function serveWithDeadline(orm: Orm, requestTimeoutMs: number): Promise<DeadlineServer> {
  const loggedErrors: unknown[] = [];
  const assay = await createServer({ orm, requestTimeoutMs, logError: (error) => loggedErrors.push(error) });
  const server = createHttpServer(assay.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    loggedErrors,
    post: (query, variables, token) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await assay.stop();
    },
  };
}

/** The log line of a request answered TIMEOUT whose work has ended. */
function endedAfterTimeout(error: unknown): boolean {
  return error instanceof Error && /^A GraphQL request was answered TIMEOUT after \d+ ms; its work ended after \d+ ms$/.test(error.message);
}

describe.each(postgresql)('the statement limit on $name', (database) => {
  let api: TestApi;
  let token: string;
  const statements: string[] = [];

  beforeAll(async () => {
    // The query log colours statements: the colour codes are dropped.
    api = await startTestApi(database.create(), { statementTimeoutMs: 300, onQuery: (sql) => statements.push(sql.replace(/\x1b\[\d+m/g, '')) });
    token = await api.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('is set on every connection of the pool', async () => {
    const settingOf = async (em: EntityManager) => {
      const [row] = await em.getConnection().execute<{ statement_timeout: string; pid: number }[]>('select current_setting(\'statement_timeout\') as statement_timeout, pg_backend_pid() as pid', [], 'all', em.getTransactionContext());
      return row!;
    };
    // Nested transactions each hold a connection of their own while the next one is taken.
    const settings = await api.orm.em.fork().transactional(async (first) => {
      const outer = await settingOf(first);
      return api.orm.em.fork().transactional(async (second) => {
        const middle = await settingOf(second);
        return api.orm.em.fork().transactional(async (third) => [outer, middle, await settingOf(third)]);
      });
    });
    expect(new Set(settings.map((setting) => setting.pid)).size).toBe(3);
    expect(settings.map((setting) => setting.statement_timeout)).toEqual(['300ms', '300ms', '300ms']);
  });

  it('stops a query that runs past it with a TIMEOUT error saying what to do, never an internal error or the SQL', async () => {
    const logged = api.loggedErrors.length;
    const response = await whileLocked(api.orm, 'risk', 'access exclusive', () =>
      fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ risks { totalCount } }' }) }),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      data: null,
      errors: [{ message: 'The query took longer than 0.3 s and was stopped; narrow it (a filter, a shorter period) and ask again', extensions: { code: 'TIMEOUT' }, path: ['risks'] }],
    });
    expect(text).not.toMatch(/risk\b.*from|select|statement timeout|postgres|\bat\s.*\.(ts|js)/i);
    // The operator sees the cancelled statement in the log.
    expect(api.loggedErrors.slice(logged)).toEqual([expect.objectContaining({ originalError: expect.objectContaining({ code: '57014' }) })]);
  });

  it('rolls back a mutation it stops: what the mutation had written is not stored', async () => {
    const title = 'Stopped by the statement limit';
    statements.length = 0;
    // The risk is inserted first; its assessment then waits on the lock (the audit log entries
    // would come last, just before the commit).
    const result = await whileLocked(api.orm, 'risk_assessment', 'share', () => api.graphql(CREATE_RISK, { title }, token));
    expect(result).toEqual({
      data: null,
      errors: [expect.objectContaining({ extensions: { code: 'TIMEOUT' }, path: ['createRisk'] })],
    });
    expect(statements.filter((sql) => /insert into "risk"/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /insert into "audit_log_entry"/.test(sql))).toHaveLength(0);
    expect(statements).toContain('[query] rollback');
    expect(await risksTitled(api.orm, title)).toBe(0);
    const [entries] = await api.orm.em.getConnection().execute<{ count: string }[]>(`select count(*) as count from audit_log_entry where after like ?`, [`%${title}%`]);
    expect(Number(entries?.count)).toBe(0);
    // The same mutation, unhindered, stores the risk.
    expect((await api.graphql(CREATE_RISK, { title }, token)).errors).toBeUndefined();
    expect(await risksTitled(api.orm, title)).toBe(1);
  });
});

describe.each(databases.available)('the request deadline on $name', (database) => {
  let api: TestApi;
  let token: string;
  let expired: DeadlineServer;

  beforeAll(async () => {
    api = await startTestApi(database.create());
    token = await api.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    // A deadline of 0 ms has passed when any root field is about to start.
    expired = await serveWithDeadline(api.orm, 0);
  });
  afterAll(async () => {
    await expired?.close();
    await api?.close();
  });

  it('answers a query past its deadline with HTTP 503 and a TIMEOUT error', async () => {
    const response = await expired.post('{ risks { totalCount } }', {}, token);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request took longer than 0 s and was stopped; narrow it (a filter, a shorter period) and ask again', extensions: { code: 'TIMEOUT' } }],
    });
    await vi.waitFor(() => expect(expired.loggedErrors.some(endedAfterTimeout)).toBe(true), SETTLE);
  });

  it('never starts a mutation once the deadline has passed: it is answered TIMEOUT and stores nothing', async () => {
    const title = 'Refused after the deadline';
    const logged = expired.loggedErrors.length;
    const response = await expired.post(CREATE_RISK, { title }, token);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'TIMEOUT' } }] });
    // Once the request's work has ended, the risk is still not there.
    await vi.waitFor(() => expect(expired.loggedErrors.slice(logged).some(endedAfterTimeout)).toBe(true), SETTLE);
    expect(await risksTitled(api.orm, title)).toBe(0);
  });

  it('leaves requests within their deadline alone', async () => {
    const result = await api.graphql<{ risks: { totalCount: number } }>('{ risks { totalCount } }', {}, token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.risks.totalCount).toBeGreaterThan(0);
  });
});

describe.each(postgresql)('the request deadline while $name works', (database) => {
  const DEADLINE_MS = 1000;
  let api: TestApi;
  let token: string;
  let limited: DeadlineServer;

  beforeAll(async () => {
    api = await startTestApi(database.create());
    token = await api.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    limited = await serveWithDeadline(api.orm, DEADLINE_MS);
  });
  afterAll(async () => {
    await limited?.close();
    await api?.close();
  });

  it('answers at the deadline a query whose statement cannot finish, without waiting for it', async () => {
    const logged = limited.loggedErrors.length;
    const response = await whileLocked(api.orm, 'risk', 'access exclusive', () => limited.post('{ risks { totalCount } }', {}, token));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request took longer than 1 s and was stopped; narrow it (a filter, a shorter period) and ask again', extensions: { code: 'TIMEOUT' } }],
    });
    // With the lock released the statement finishes, and its late answer is dropped.
    await vi.waitFor(() => expect(limited.loggedErrors.slice(logged).some(endedAfterTimeout)).toBe(true), SETTLE);
  });

  it('lets a mutation that started run past the deadline and answers its result, since it commits', async () => {
    const title = 'Committed past the deadline';
    const { pending } = await whileLocked(api.orm, 'risk_assessment', 'share', async () => {
      const pending = limited.post(CREATE_RISK, { title }, token);
      // The mutation has started: its insert waits on the lock.
      await vi.waitFor(async () => expect(await waitingOnLock(api.orm, 'insert into "risk_assessment"')).toBe(true), SETTLE);
      // The deadline's timer was set before the mutation started: it has fired by the end of this wait.
      await sleep(DEADLINE_MS);
      // Wrapped, so that the lock is released before the answer is awaited.
      return { pending };
    });
    const answered = await pending;
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ data: { createRisk: { title } } });
    expect(await risksTitled(api.orm, title)).toBe(1);
  });
});
