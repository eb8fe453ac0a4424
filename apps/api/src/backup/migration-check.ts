import { migrations } from '../migrations/index.js';
import { BackupError } from './backup-error.js';

/** The migration table every Assay database has (see db.ts). */
export const MIGRATIONS_TABLE = 'assay_migrations';

export interface MigrationState {
  /** Migrations the backup has applied. */
  applied: number;
  /** Migrations of this version the backup lacks; `npm start` applies them. */
  pending: number;
}

/**
 * Compares the migrations a backup has applied with the ones this version of Assay knows. A
 * backup from this or an older version is accepted; one with a migration this version does not
 * know was written by a newer Assay and is refused.
 */
export function checkMigrations(applied: readonly string[], source: string): MigrationState {
  const known = new Set(migrations.map((migration) => migration.name));
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(`${source} was written by a newer version of Assay (unknown migration ${unknown.join(', ')}); restore it with that version or later`);
  }
  const present = new Set(applied);
  return { applied: present.size, pending: migrations.filter((migration) => !present.has(migration.name)).length };
}

/** A file-name-safe UTC timestamp: 20261130-094500. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
}
