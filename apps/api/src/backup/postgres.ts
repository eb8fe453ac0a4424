import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { redact } from '../env.js';
import { BackupError } from './backup-error.js';
import { checkMigrations, MIGRATIONS_TABLE, type MigrationState, timestamp } from './migration-check.js';
import { fileKind } from './sqlite.js';
import { progressPrinter } from './progress.js';

/** PostgreSQL's client programs that backup and restore run. */
export type PostgresTool = 'pg_dump' | 'pg_restore' | 'psql';

/** Whether a program is on PATH. */
export function onPath(tool: string, path = process.env.PATH ?? ''): boolean {
  return path.split(delimiter).some((folder) => {
    try {
      accessSync(join(folder || '.', tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Fails with what to install, and the commands that do the job by hand, when a tool is missing. */
export function requireTools(tools: readonly PostgresTool[], byHand: string): void {
  const missing = tools.filter((tool) => !onPath(tool));
  if (missing.length === 0) return;
  throw new BackupError(
    `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not on PATH: install PostgreSQL's client programs of the server's major version or later (Debian: apt-get install postgresql-client), or run by hand:\n${byHand}`,
  );
}

/** The connection for the client programs: the URL without its password, which travels in PGPASSWORD. */
function connection(url: string, database?: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  if (database !== undefined) parsed.pathname = `/${encodeURIComponent(database)}`;
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a client program; `onStderrLine` sees its verbose output as it comes. */
function run(tool: PostgresTool, args: string[], env: NodeJS.ProcessEnv, onStderrLine?: (line: string) => void): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderr += `${line}\n`;
      onStderrLine?.(line);
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The last line a client program printed about an error, for a one-line message. */
function lastError(ran: Ran): string {
  const lines = ran.stderr.split('\n').filter((line) => line.trim() !== '' && !/: (info|warning|dumping|processing|creating|executing|reading|saving|last built-in|identifying|finding|flagging|setting)/.test(line));
  return (lines.at(-1) ?? `exited with code ${ran.code}`).trim();
}

function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Runs one SQL statement on the server's maintenance database (postgres) and returns the first column. */
async function maintenance(url: string, sql: string): Promise<string[]> {
  const { dbname, env } = connection(url, 'postgres');
  const ran = await run('psql', ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '--dbname', dbname, '-c', sql], env);
  if (ran.code !== 0) throw new BackupError(`PostgreSQL refused "${sql.split(' ').slice(0, 3).join(' ')} …": ${lastError(ran)}`);
  return ran.stdout.split('\n').filter((line) => line !== '');
}

/**
 * Reads a custom-format archive's table of contents and migration rows: the migrations an Assay
 * database had applied, and the number of entries (for progress), or a BackupError.
 */
export async function inspectPgDump(file: string, label = file): Promise<{ applied: string[]; entries: number }> {
  if (!existsSync(file)) throw new BackupError(`there is no backup at ${file}`);
  const kind = fileKind(file);
  if (kind === 'sqlite') throw new BackupError(`${file} is an SQLite backup; restore it into a sqlite: database (--database-url)`);
  if (kind !== 'pg_dump') throw new BackupError(`${file} is not an Assay backup (not a pg_dump custom-format archive)`);
  const list = await run('pg_restore', ['--list', file], process.env);
  if (list.code !== 0) throw new BackupError(`${file} cannot be read by pg_restore: ${lastError(list)}`);
  const entries = list.stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith(';'));
  if (!entries.some((line) => new RegExp(`\\bTABLE \\S+ ${MIGRATIONS_TABLE}\\b`).test(line))) {
    throw new BackupError(`${label} is not an Assay database (it has no ${MIGRATIONS_TABLE} table)`);
  }
  const data = await run('pg_restore', ['--data-only', `--table=${MIGRATIONS_TABLE}`, '--file=-', file], process.env);
  if (data.code !== 0) throw new BackupError(`${file} cannot be read by pg_restore: ${lastError(data)}`);
  return { applied: migrationNames(data.stdout), entries: entries.length };
}

/** The `name` column of the COPY block of the migrations table in a plain-SQL rendering of a dump. */
function migrationNames(sql: string): string[] {
  const lines = sql.split('\n');
  const start = lines.findIndex((line) => line.startsWith('COPY ') && line.includes(MIGRATIONS_TABLE));
  if (start < 0) return [];
  const columns = /\(([^)]*)\)/.exec(lines[start]!)?.[1]?.split(',').map((column) => column.trim()) ?? [];
  const nameColumn = columns.indexOf('name');
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    const value = line.split('\t')[nameColumn];
    if (value !== undefined) names.push(value);
  }
  return names;
}

export function pgBackupByHand(url: string, out: string): string {
  return `  pg_dump --format=custom --file='${out}' --dbname='${redact(url)}'`;
}

export function pgRestoreByHand(url: string, from: string): string {
  return `  createdb --maintenance-db='${redact(url)}' <new database>   # restore into a fresh database, then rename it\n  pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname='<new database URL>' '${from}'`;
}

/** Dumps the database in pg_dump's custom format to `out` (written beside it first, renamed when complete and checked). */
export async function backupPostgres(url: string, dbName: string, out: string): Promise<{ applied: number; bytes: number }> {
  requireTools(['pg_dump', 'pg_restore', 'psql'], pgBackupByHand(url, out));
  if (existsSync(out)) throw new BackupError(`${out} already exists; choose another --out or move it aside`);
  const [tables] = await maintenance(url, `select count(*) from pg_database where datname = ${literal(dbName)}`);
  if (tables === '0') throw new BackupError(`there is no database "${dbName}" on that server: nothing to back up (check DATABASE_URL or --database-url)`);
  const { dbname, env } = connection(url);
  const count = await run('psql', ['-X', '-q', '-tA', '--dbname', dbname, '-c', "select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')"], env);
  const total = Number(count.stdout.trim()) || 0;
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  const progress = progressPrinter(`Backing up ${dbName}`);
  let done = 0;
  try {
    const ran = await run('pg_dump', ['--format=custom', '--verbose', `--file=${partial}`, '--dbname', dbname], env, (line) => {
      const table = /dumping contents of table "([^"]+)"/.exec(line)?.[1];
      if (table) progress.update(++done, total, `table ${table}`);
    });
    if (ran.code !== 0) throw new BackupError(`pg_dump failed: ${lastError(ran)}`);
    progress.finish(`${done} tables`);
    const { applied } = await inspectPgDump(partial, `database "${dbName}"`);
    renameSync(partial, out);
    return { applied: applied.length, bytes: statSync(out).size };
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Restores a custom-format dump into `dbName`: into a fresh database first, in one transaction,
 * which then takes the name; the database it replaces is renamed to
 * `<name>_before_restore_<time>` and kept. Refuses, changing nothing, when another session is
 * connected to the database (a running server) or when it exists and `force` is not given.
 */
export async function restorePostgres(url: string, dbName: string, from: string, options: { force: boolean }): Promise<MigrationState & { previous: string | null }> {
  requireTools(['pg_restore', 'psql'], pgRestoreByHand(url, from));
  const archive = await inspectPgDump(from);
  const state = checkMigrations(archive.applied, from);
  const exists = (await maintenance(url, `select count(*) from pg_database where datname = ${literal(dbName)}`))[0] !== '0';
  const sessions = async (name: string) => Number((await maintenance(url, `select count(*) from pg_stat_activity where datname = ${literal(name)} and pid <> pg_backend_pid()`))[0]);
  if (exists) {
    const open = await sessions(dbName);
    if (open > 0) throw new BackupError(`database "${dbName}" has ${open} open connection(s), e.g. a running Assay server; stop it first, then restore`);
    if (!options.force) throw new BackupError(`database "${dbName}" already exists; pass --force to replace it (it is kept as ${dbName}_before_restore_<time>)`);
  }

  const staging = `${dbName}_restoring`.slice(0, 63);
  await maintenance(url, `drop database if exists ${identifier(staging)}`);
  await maintenance(url, `create database ${identifier(staging)}`);
  let renamed = false;
  try {
    const { dbname, env } = connection(url, staging);
    const progress = progressPrinter(`Restoring into ${dbName}`);
    let done = 0;
    const ran = await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--verbose', '--dbname', dbname, from], env, (line) => {
      if (/^pg_restore: (creating|processing data for|executing)/.test(line)) progress.update(++done, archive.entries);
    });
    if (ran.code !== 0) throw new BackupError(`pg_restore failed, nothing was changed: ${lastError(ran)}`);
    progress.finish();

    let previous: string | null = null;
    if (exists) {
      const open = await sessions(dbName);
      if (open > 0) throw new BackupError(`database "${dbName}" has ${open} open connection(s) again; stop the server, then restore. Nothing was changed`);
      previous = `${dbName.slice(0, 63 - '_before_restore_'.length - 15)}_before_restore_${timestamp().replace('-', '_')}`;
      await maintenance(url, `alter database ${identifier(dbName)} rename to ${identifier(previous)}`);
    }
    try {
      await maintenance(url, `alter database ${identifier(staging)} rename to ${identifier(dbName)}`);
      renamed = true;
    } catch (error) {
      if (previous) await maintenance(url, `alter database ${identifier(previous)} rename to ${identifier(dbName)}`);
      throw error;
    }
    return { ...state, previous };
  } finally {
    if (!renamed) await maintenance(url, `drop database if exists ${identifier(staging)}`).catch(() => undefined);
  }
}
