import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { graphql, type RunningApp, startApp } from './app.js';
import { connectPostgresql } from './postgresql.js';

/** How many times a crash suite kills the API on each database: ASSAY_CRASH_KILLS, 10 by default (20 in `npm run test:reliability`). */
export const KILLS = Number(process.env.ASSAY_CRASH_KILLS ?? 10);

/** A session token of a demo user (by default the risk manager, who may write risks and import predictions). */
export async function signIn(url: string, email = 'risk@assay.local'): Promise<string> {
  const answer = await graphql<{ signIn: { token: string } }>(url, 'mutation($email: String!) { signIn(email: $email, password: "assay-demo") { token } }', { email });
  return answer.data!.signIn.token;
}

/**
 * Starts the built API on one database KILLS times. Each round's work must end with the process
 * killed (see killAfter); the round then checks that it died by the signal, not by itself.
 */
export async function killRounds<Result>(databaseUrl: string, work: (app: RunningApp, round: number) => Promise<Result>): Promise<Result[]> {
  const results: Result[] = [];
  for (let round = 0; round < KILLS; round += 1) {
    const app = await startApp({ DATABASE_URL: databaseUrl });
    results.push(await work(app, round));
    // A process killed by a signal has no exit code.
    expect(await app.stop('SIGKILL').catch(() => null)).toBeNull();
  }
  return results;
}

/** Kills the app with SIGKILL after `ms`; until then `alive()` is true and clients may start new requests. */
export function killAfter(app: RunningApp, ms: number): { alive(): boolean; done(): void } {
  let alive = true;
  const timer = setTimeout(() => {
    alive = false;
    app.process.kill('SIGKILL');
  }, ms);
  return { alive: () => alive, done: () => clearTimeout(timer) };
}

/** Asks the API, as the administrator, to verify the audit log's hash chain, and expects it intact. */
export async function expectAuditChainIntact(url: string): Promise<void> {
  const token = await signIn(url, 'demo@assay.local');
  const check = await graphql<{ verifyAuditLog: { intact: boolean; problem: string | null } }>(url, '{ verifyAuditLog { intact problem } }', {}, token);
  expect(check.data?.verifyAuditLog).toEqual({ intact: true, problem: null });
}

/** SQLite's own check of a database file (after the app has stopped). */
export function expectSqliteIntact(file: string): void {
  const database = new Database(file, { readonly: true });
  try {
    expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    database.close();
  }
}

/** Plain SQL reads of the app's database, SQLite or PostgreSQL, by its DATABASE_URL. */
export interface SqlReader {
  all<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export async function openSql(databaseUrl: string): Promise<SqlReader> {
  if (databaseUrl.startsWith('sqlite:')) {
    const database = new Database(databaseUrl.slice('sqlite:'.length), { fileMustExist: true });
    return {
      all: async <Row>(sql: string, params: unknown[] = []) => database.prepare(sql).all(...params) as Row[],
      close: async () => void database.close(),
    };
  }
  const orm = await connectPostgresql(databaseUrl);
  const connection = orm.em.getConnection();
  return {
    all: <Row>(sql: string, params: unknown[] = []) => connection.execute<Row[]>(sql, params),
    close: () => orm.close(true),
  };
}
