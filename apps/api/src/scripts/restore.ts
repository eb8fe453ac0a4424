/**
 * Restores a backup made by `npm run backup` into the database of DATABASE_URL (or --database-url):
 *
 *   npm run restore -- --from FILE [--database-url URL] [--force]
 *
 * Stop Assay first: a database a server has open is refused. The backup must be an Assay
 * database of this or an older version (the next start applies newer migrations). A database
 * that exists is replaced only with --force, and kept aside: SQLite as
 * <file>.before-restore-<time>, PostgreSQL as <database>_before_restore_<time>. Exits with 1,
 * having changed nothing, on a problem.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from '../backup/backup-error.js';
import { restorePostgres } from '../backup/postgres.js';
import { restoreSqlite } from '../backup/sqlite.js';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../env.js';
import { ConfigError } from '../errors.js';

function fail(message: string): never {
  process.stderr.write(`restore: ${message}\n`);
  process.exit(1);
}

try {
  const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean', default: false } } });
  if (!values.from) fail('--from is required: the backup file to restore, e.g. npm run restore -- --from backups/assay-20261130-094500.sqlite');
  const from = resolve(values.from);
  const target = parseDatabaseUrl(values['database-url'] ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  if (target.kind === 'sqlite' && target.path === ':memory:') fail('cannot restore into an in-memory database');
  const force = values.force ?? false;
  const result = target.kind === 'sqlite' ? await restoreSqlite(from, target.path, { force }) : await restorePostgres(target.url, target.dbName, from, { force });
  process.stdout.write(`Restored ${from} into ${target.display} (${result.applied} migrations${result.pending > 0 ? `; the next start applies ${result.pending} newer one(s)` : ''}).\n`);
  if (result.previous) process.stdout.write(`The database it replaced is kept as ${result.previous}.\n`);
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigError) fail(error.message);
  if (error instanceof TypeError && (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') fail(`${error.message}; usage: npm run restore -- --from FILE [--database-url URL] [--force]`);
  throw error;
}
