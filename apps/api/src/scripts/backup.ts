/**
 * Backs up the database of DATABASE_URL (or --database-url) while Assay keeps running:
 *
 *   npm run backup -- [--database-url URL] [--out FILE]
 *
 * SQLite: a consistent copy through SQLite's online backup API (default
 * backups/assay-<time>.sqlite). PostgreSQL: pg_dump's custom format (default
 * backups/<database>-<time>.dump); without pg_dump on PATH it prints the command to run by hand.
 * Progress goes to stderr; the result to stdout. Exits with 1, having written nothing, on a problem.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from '../backup/backup-error.js';
import { timestamp } from '../backup/migration-check.js';
import { backupPostgres } from '../backup/postgres.js';
import { megabytes } from '../backup/progress.js';
import { backupSqlite } from '../backup/sqlite.js';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../env.js';
import { ConfigError } from '../errors.js';

function fail(message: string): never {
  process.stderr.write(`backup: ${message}\n`);
  process.exit(1);
}

try {
  const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, out: { type: 'string' } } });
  const target = parseDatabaseUrl(values['database-url'] ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  if (target.kind === 'sqlite' && target.path === ':memory:') fail('an in-memory database cannot be backed up');
  const out = resolve(values.out ?? (target.kind === 'sqlite' ? `backups/assay-${timestamp()}.sqlite` : `backups/${target.dbName}-${timestamp()}.dump`));
  mkdirSync(dirname(out), { recursive: true });
  const started = Date.now();
  const result = target.kind === 'sqlite' ? await backupSqlite(target.path, out) : await backupPostgres(target.url, target.dbName, out);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`Backed up ${target.display} to ${out} (${megabytes(result.bytes)}, ${result.applied} migrations) in ${seconds} s.\n`);
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigError) fail(error.message);
  if (error instanceof TypeError && (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') fail(`${error.message}; usage: npm run backup -- [--database-url URL] [--out FILE]`);
  throw error;
}
