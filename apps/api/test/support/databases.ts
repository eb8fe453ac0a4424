import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type DatabaseTarget, parseDatabaseUrl } from '../../src/env.js';

/** A database the integration suite runs on, and how to throw it away afterwards. */
export interface TestDatabase {
  name: 'sqlite' | 'postgresql';
  /** A fresh, empty database for one test file. */
  create(): DatabaseTarget;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/assay_test';

const sqlite: TestDatabase = {
  name: 'sqlite',
  create() {
    // The folder is removed by removeTestDatabase when the suite closes.
    const folder = mkdtempSync(join(tmpdir(), 'assay-api-test-'));
    return parseDatabaseUrl(`sqlite:${join(folder, 'assay.sqlite')}`);
  },
};

const postgresql: TestDatabase = {
  name: 'postgresql',
  create() {
    // A database of its own per test file, so files can run in parallel; dropped in teardown.
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/assay_t_${randomBytes(6).toString('hex')}`;
    return parseDatabaseUrl(url.toString());
  },
};

/** Removes what `create` made: the SQLite file's folder (PostgreSQL databases are dropped by their suite). */
export function removeTestDatabase(target: DatabaseTarget): void {
  if (target.kind === 'sqlite' && target.path !== ':memory:') rmSync(dirname(target.path), { recursive: true, force: true });
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface Databases {
  available: TestDatabase[];
  /** Why PostgreSQL is not in `available`, or null when it is. */
  postgresqlMissing: string | null;
}

/**
 * SQLite always; PostgreSQL when TEST_DATABASE_URL's server answers. A missing PostgreSQL is
 * reported in one loud line, and with CI=true the suite must fail instead of skipping.
 */
export async function testDatabases(): Promise<Databases> {
  const url = new URL(TEST_DATABASE_URL);
  const host = url.hostname || '127.0.0.1';
  const port = Number(url.port || 5432);
  if (await reachable(host, port)) return { available: [sqlite, postgresql], postgresqlMissing: null };
  const reason = `PostgreSQL is not reachable at ${host}:${port} (set TEST_DATABASE_URL or start PostgreSQL)`;
  console.warn(`\nSKIPPED: api-postgresql — ${reason}\n`);
  return { available: [sqlite], postgresqlMissing: reason };
}

/** The DATABASE_URL that names a target, for tools run beside a test API (the command lines). */
export function databaseUrl(target: DatabaseTarget): string {
  return target.kind === 'sqlite' ? `sqlite:${target.path}` : target.url;
}
