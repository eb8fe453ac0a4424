import { closeSync, copyFileSync, createReadStream, createWriteStream, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { BackupError } from './backup-error.js';
import { checkMigrations, MIGRATIONS_TABLE, type MigrationState, timestamp } from './migration-check.js';
import { megabytes, progressPrinter } from './progress.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** Pages copied per step of the online backup (4 MB with SQLite's default page size). */
const PAGES_PER_STEP = 1024;

/** What the first bytes of a file say it is. */
export function fileKind(path: string): 'sqlite' | 'pg_dump' | 'other' {
  const header = Buffer.alloc(16);
  const descriptor = openSync(path, 'r');
  try {
    const read = readSync(descriptor, header, 0, 16, 0);
    const text = header.subarray(0, read).toString('latin1');
    if (text === SQLITE_HEADER) return 'sqlite';
    if (text.startsWith('PGDMP')) return 'pg_dump';
    return 'other';
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Checks that an SQLite file is an intact Assay database (SQLite's quick check passes and it has
 * Assay's migration table) and returns the migrations it has applied.
 */
export function inspectSqlite(path: string, label = path): string[] {
  if (fileKind(path) !== 'sqlite') throw new BackupError(`${label} is not an SQLite database`);
  const database = new Database(path, { fileMustExist: true });
  try {
    const table = database.prepare('select name from sqlite_master where type = ? and name = ?').get('table', MIGRATIONS_TABLE);
    if (!table) throw new BackupError(`${label} is not an Assay database (it has no ${MIGRATIONS_TABLE} table)`);
    const check = database.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${label} is damaged (SQLite's quick check says: ${String(check)})`);
    return database.prepare(`select name from ${MIGRATIONS_TABLE} order by id`).pluck().all() as string[];
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${label} cannot be read as an SQLite database (${(error as Error).message})`);
  } finally {
    database.close();
  }
}

/**
 * Whether another connection has the database open: a running Assay server keeps it open in WAL
 * mode, which stops anyone else from taking SQLite's exclusive lock. Closing our probe also
 * checkpoints a write-ahead log left by a stopped server into the file.
 */
export function sqliteInUse(path: string): boolean {
  const database = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    database.pragma('locking_mode = exclusive');
    database.exec('begin exclusive');
    database.exec('commit');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    database.close();
  }
}

export interface SqliteBackupResult {
  /** Migrations the database had applied. */
  applied: number;
  bytes: number;
}

/**
 * Copies a live SQLite database to `outPath` with SQLite's online backup API: the copy is one
 * consistent moment, even while a server keeps writing (the backup restarts when a write lands
 * mid-copy). The copy is written beside `outPath` first and renamed when complete and checked, so
 * a file at `outPath` is always a whole backup. It is a single file (rollback journal, no WAL).
 */
export async function backupSqlite(sourcePath: string, outPath: string): Promise<SqliteBackupResult> {
  if (!existsSync(sourcePath)) throw new BackupError(`there is no database at ${sourcePath}: nothing to back up (check DATABASE_URL or --database-url)`);
  if (fileKind(sourcePath) !== 'sqlite') throw new BackupError(`${sourcePath} is not an SQLite database`);
  if (existsSync(outPath)) throw new BackupError(`${outPath} already exists; choose another --out or move it aside`);
  const partial = `${outPath}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(sourcePath, { fileMustExist: true, timeout: 5000 });
  const progress = progressPrinter(`Backing up ${sourcePath}`);
  try {
    await source.backup(partial, {
      progress({ totalPages, remainingPages }) {
        progress.update(totalPages - remainingPages, totalPages, `${totalPages - remainingPages} of ${totalPages} pages`);
        return PAGES_PER_STEP;
      },
    });
    progress.finish();
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = delete');
    } finally {
      copy.close();
    }
    const applied = inspectSqlite(partial, sourcePath).length;
    renameSync(partial, outPath);
    return { applied, bytes: statSync(outPath).size };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

export interface SqliteRestoreResult extends MigrationState {
  /** Where the database that was replaced now lies, or null when there was none. */
  previous: string | null;
}

/**
 * Replaces the SQLite database at `targetPath` with the backup at `fromPath`. Refuses, changing
 * nothing, when the backup is not an intact Assay database of this or an older version, when a
 * server has the target open, or when the target exists and `force` is not given. The replaced
 * database is renamed to `<target>.before-restore-<time>`, never deleted.
 */
export async function restoreSqlite(fromPath: string, targetPath: string, options: { force: boolean }): Promise<SqliteRestoreResult> {
  if (!existsSync(fromPath)) throw new BackupError(`there is no backup at ${fromPath}`);
  const kind = fileKind(fromPath);
  if (kind === 'pg_dump') throw new BackupError(`${fromPath} is a PostgreSQL backup; restore it into a postgresql:// database (--database-url)`);
  if (kind !== 'sqlite') throw new BackupError(`${fromPath} is not an Assay backup (not an SQLite database)`);

  const exists = existsSync(targetPath);
  if (exists && sqliteInUse(targetPath)) {
    throw new BackupError(`${targetPath} is open in a running Assay server (or another program); stop it first, then restore`);
  }
  if (exists && !options.force) {
    throw new BackupError(`${targetPath} already exists; pass --force to replace it (it is kept as ${targetPath}.before-restore-<time>)`);
  }

  // Work on a copy beside the target, so the backup file is never opened for writing and the
  // final step is a rename on the same file system.
  const staging = `${targetPath}.restoring`;
  rmSync(staging, { force: true });
  try {
    await copyWithProgress(fromPath, staging);
    const state = checkMigrations(inspectSqlite(staging, fromPath), fromPath);
    let previous: string | null = null;
    if (exists) {
      previous = `${targetPath}.before-restore-${timestamp()}`;
      renameSync(targetPath, previous);
      // sqliteInUse has checkpointed the write-ahead log into the file; a log still there goes
      // with the file it belongs to. The shared-memory index is only a cache of the log.
      if (existsSync(`${targetPath}-wal`)) {
        for (const suffix of ['-wal', '-shm']) if (existsSync(targetPath + suffix)) renameSync(targetPath + suffix, previous + suffix);
      }
      rmSync(`${targetPath}-shm`, { force: true });
    }
    renameSync(staging, targetPath);
    return { ...state, previous };
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(staging + suffix, { force: true });
  }
}

/** Copies a file, with progress when it is large enough (16 MB) to take a noticeable time. */
async function copyWithProgress(fromPath: string, toPath: string): Promise<void> {
  const size = statSync(fromPath).size;
  if (size < 16 * 1_048_576) {
    copyFileSync(fromPath, toPath);
    return;
  }
  const progress = progressPrinter(`Reading ${fromPath}`);
  let copied = 0;
  const reader = createReadStream(fromPath);
  reader.on('data', (chunk) => {
    copied += chunk.length;
    progress.update(copied, size, `${megabytes(copied)} of ${megabytes(size)}`);
  });
  await pipeline(reader, createWriteStream(toPath));
  progress.finish(megabytes(size));
}
