import type { Server } from 'node:http';

import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../src/http/http-server.js';
import { limitStatementTime, migrate, type Orm, openDatabase } from '../../src/db.js';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseTarget } from '../../src/env.js';
import { seedDemoIfEmpty } from '../../src/seed/demo.js';
import { type TestDatabase, removeTestDatabase } from './databases.js';
import { DEMO_EXECUTIVE, DEMO_SIGN_IN } from '../../src/seed/demo.js';
import { createServer } from '../../src/server.js';

export interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export interface TestApi {
  orm: Orm;
  /** The database it serves, for tools run beside it (the import command line). */
  target: DatabaseTarget;
  url: string;
  /** Internal errors the server logged (they never reach clients). */
  loggedErrors: unknown[];
  graphql<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<Data>>;
  signIn(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  onQuery?: (sql: string) => void;
  /** A folder of dashboard files to serve at `/`, as the built apps/web/dist is. */
  webDist?: string;
  /** Leaves the database in place on close (the caller removes it). */
  keepDatabase?: boolean;
  /** PostgreSQL's limit on each statement (limitStatementTime); none by default. */
  statementTimeoutMs?: number;
  /** The deadline of each GraphQL request (createServer's requestTimeoutMs). */
  requestTimeoutMs?: number;
}

/** Opens a fresh database, migrates and seeds it, and serves the API on a free loopback port. */
export async function startTestApi(target: DatabaseTarget, options: TestApiOptions = {}): Promise<TestApi> {
  const orm = await openDatabase(target, options.onQuery ? { onQuery: options.onQuery } : {});
  await migrate(orm, target);
  await seedDemoIfEmpty(orm.em.fork());
  if (options.statementTimeoutMs !== undefined) await limitStatementTime(orm, target, options.statementTimeoutMs);
  const loggedErrors: unknown[] = [];
  const assay = await createServer({
    orm,
    webDist: options.webDist ?? null,
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    logError: (error) => {
      loggedErrors.push(error);
      // DEBUG_API=1 prints what the API masks as an internal error, to debug a failing test.
      if (process.env.DEBUG_API) console.log("API ERROR", error);
    },
  });
  const server: Server = createHttpServer(assay.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const graphql: TestApi['graphql'] = async (query, variables = {}, token = null) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as never;
  };

  return {
    orm,
    target,
    url,
    loggedErrors,
    graphql,
    async signIn(email, password) {
      const result = await graphql<{ signIn: { token: string } }>(
        'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
        { email, password },
      );
      const token = result.data?.signIn.token;
      if (!token) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(result.errors)}`);
      return token;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await assay.stop();
      if (options.keepDatabase) {
        await orm.close(true);
        return;
      }
      if (target.kind === 'postgresql') await orm.schema.dropDatabase(target.dbName).catch(() => undefined);
      await orm.close(true);
      removeTestDatabase(target);
    },
  };
}

/** The API of one describe block, signed in as the demo administrator and the read-only executive. */
export interface DemoApi {
  api: TestApi;
  admin: string;
  executive: string;
}

/**
 * Starts the API on a fresh, seeded database before the enclosing describe block and closes it
 * afterwards. The fields are filled in by the time the tests run.
 */
export function useDemoApi(database: TestDatabase): DemoApi {
  const demo = {} as DemoApi;
  beforeAll(async () => {
    demo.api = await startTestApi(database.create());
    demo.admin = await demo.api.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    demo.executive = await demo.api.signIn(DEMO_EXECUTIVE.email, DEMO_EXECUTIVE.password);
  });
  afterAll(async () => {
    await demo.api?.close();
  });
  return demo;
}

/** The API of one describe block with its SQL statements counted, signed in as the demo administrator. */
export interface CountingApi {
  api: TestApi;
  admin: string;
  /** Sends one request (no other may run meanwhile), checks it has no error, and counts the statements it issued. */
  counted<T>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; statements: number }>;
}

/** Like useDemoApi, counting the statements of the requests sent through `counted`. */
export function useCountingApi(database: TestDatabase): CountingApi {
  let counting = false;
  let statements = 0;
  const demo = {
    async counted<T>(query: string, variables: Record<string, unknown> = {}) {
      statements = 0;
      counting = true;
      const result = await demo.api.graphql<T>(query, variables, demo.admin);
      counting = false;
      if (result.errors) throw new Error(`the counted request failed: ${JSON.stringify(result.errors)}`);
      return { data: result.data!, statements };
    },
  } as CountingApi;
  beforeAll(async () => {
    demo.api = await startTestApi(database.create(), {
      onQuery: (message) => {
        if (counting && /\[query\]/.test(message)) statements += 1;
      },
    });
    demo.admin = await demo.api.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
  });
  afterAll(async () => {
    await demo.api?.close();
  });
  return demo;
}
