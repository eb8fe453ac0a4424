import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM as SqliteORM } from '@mikro-orm/better-sqlite';
import type { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM as PostgresORM } from '@mikro-orm/postgresql';
import type { DatabaseTarget } from './env.js';
import { ConfigError } from './errors.js';
import { entities } from './entities/index.js';
import { AuditTrail } from './audit/audit-trail.js';
import { migrations } from './migrations/index.js';

export type Orm = MikroORM;

const migrationsOptions = {
  tableName: 'assay_migrations',
  migrationsList: migrations,
  transactional: true,
  // Each migration commits on its own: one may need to run outside a transaction (see Migration20261129030000).
  allOrNothing: false,
  snapshot: false,
  silent: true,
};

/**
 * Opens the database named by the target. For PostgreSQL the database is created when it
 * does not exist yet; for SQLite the file and its folder are. Connection problems become a
 * ConfigError that names DATABASE_URL.
 */
export async function openDatabase(target: DatabaseTarget, options: { debug?: boolean; onQuery?: (sql: string) => void } = {}): Promise<Orm> {
  const common = {
    entities,
    extensions: [Migrator],
    migrations: migrationsOptions,
    // onQuery sees every SQL statement (tests count them); debug prints them.
    debug: options.onQuery ? (['query'] as const).slice() : (options.debug ?? false),
    ...(options.onQuery ? { logger: options.onQuery } : {}),
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: true },
    subscribers: [new AuditTrail(target.kind)],
  };
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    let orm: Orm;
    try {
      orm = await SqliteORM.init({ ...common, dbName: target.path });
      const connection = orm.em.getConnection();
      await connection.execute('pragma foreign_keys = on');
      if (target.path !== ':memory:') await connection.execute('pragma journal_mode = wal');
      await connection.execute('select count(*) from sqlite_master');
    } catch (error) {
      throw new ConfigError('DATABASE_URL', `points at ${target.display}, which cannot be opened as an SQLite database (${describe(error)}); move the file aside or choose another path`);
    }
    return orm;
  }
  const orm = await PostgresORM.init({ ...common, clientUrl: target.url, connect: false });
  try {
    await orm.schema.ensureDatabase();
    // When the database already exists, ensureDatabase has connected already; a second connect
    // would open a new pool and leave the first one holding the process open after close().
    if (!(await orm.isConnected())) await orm.connect();
    await orm.em.getConnection().execute('select 1');
  } catch (error) {
    await orm.close(true).catch(() => undefined);
    throw new ConfigError('DATABASE_URL', `cannot reach ${target.display} (${describe(error)}); start PostgreSQL or correct DATABASE_URL`);
  }
  return orm;
}

/**
 * Makes PostgreSQL cancel any statement of this ORM that runs longer than `ms` milliseconds
 * (error 57014, query_canceled; a transaction it was part of rolls back). The pool is reopened
 * with `statement_timeout` among each connection's start-up parameters, so every pooled
 * connection has it. Called once migrations and seeding are done: they are not limited. SQLite
 * cannot interrupt a statement, and there this changes nothing.
 */
export async function limitStatementTime(orm: Orm, target: DatabaseTarget, ms: number): Promise<void> {
  if (target.kind !== 'postgresql') return;
  await orm.reconnect({ driverOptions: { connection: { statement_timeout: ms } } });
}

/** The limit set by limitStatementTime, in milliseconds; null when statements run unlimited. */
export function statementTimeoutOf(orm: Orm): number | null {
  const driverOptions = orm.config.get('driverOptions') as { connection?: { statement_timeout?: unknown } } | undefined;
  const ms = driverOptions?.connection?.statement_timeout;
  return typeof ms === 'number' ? ms : null;
}

/** Whether an error is PostgreSQL's query_canceled (57014), which a statement stopped at its time limit raises. */
export function isQueryCanceled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '57014';
}

/**
 * Applies pending migrations. Refuses, before changing anything, a database that has migrations
 * this version does not know: it was written by a newer Assay.
 */
export async function migrate(orm: Orm, target: DatabaseTarget): Promise<string[]> {
  const migrator = orm.getMigrator();
  const known = new Set(migrations.map((migration) => migration.name));
  const executed = await migrator.getExecutedMigrations();
  const unknown = executed.filter((row) => !known.has(row.name)).map((row) => row.name);
  if (unknown.length > 0) {
    throw new ConfigError(
      'DATABASE_URL',
      `points at ${target.display}, which was written by a newer version of Assay (unknown migration ${unknown.join(', ')}); upgrade Assay or point DATABASE_URL at another database. Nothing was changed.`,
    );
  }
  const applied = await migrator.up();
  return applied.map((migration) => migration.name);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    const firstLine = error.message.split('\n')[0] ?? error.message;
    return code && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine;
  }
  return String(error);
}
