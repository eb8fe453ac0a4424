import type { Migration } from '@mikro-orm/migrations';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

export type Dialect = 'sqlite' | 'postgresql';

/**
 * Each migration carries the DDL for both supported databases, written out as the schema
 * generator produced it for the entities of that version, so a migrated database and the
 * entities agree (a test checks that no schema difference remains on either database).
 */
export function addStatements(migration: Migration, byDialect: Record<Dialect, string>): void {
  for (const statement of byDialect[dialectOf(migration)].split(/;\s*\n/)) {
    const sql = statement.trim().replace(/;$/, '');
    if (sql) migration.addSql(sql);
  }
}

/** The database a migration runs on. */
export function dialectOf(migration: Migration): Dialect {
  const platform = (migration as unknown as { driver: { getPlatform(): unknown } }).driver.getPlatform();
  return platform instanceof PostgreSqlPlatform ? 'postgresql' : 'sqlite';
}
