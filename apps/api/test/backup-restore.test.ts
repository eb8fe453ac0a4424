import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { onPath } from '../src/backup/postgres.js';
import type { DatabaseTarget } from '../src/env.js';
import { DEMO_SIGN_IN } from '../src/seed/demo.js';
import { startTestApi, type TestApi } from './support/api.js';
import { databaseUrl, removeTestDatabase, testDatabases } from './support/databases.js';

const run = promisify(execFile);
const databases = await testDatabases();
const pgTools = onPath('pg_dump') && onPath('pg_restore') && onPath('psql');
if (!pgTools) console.warn('\nSKIPPED: backup-restore on PostgreSQL — pg_dump, pg_restore or psql is not on PATH\n');
const covered = databases.available.filter((database) => database.name === 'sqlite' || pgTools);

interface Cli {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the command lines as `npm run` does (tsx), from the API's folder. */
async function cli(script: 'backup' | 'restore' | 'audit-verify', ...args: string[]): Promise<Cli> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', `src/scripts/${script}.ts`, ...args], { cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The one line a refused command printed, checking that it printed nothing else (no stack trace). */
function refusal(result: Cli, prefix: 'backup' | 'restore'): string {
  expect(result.code).toBe(1);
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]!.startsWith(`${prefix}: `)).toBe(true);
  return lines[0]!.slice(prefix.length + 2);
}

const RISKS = '{ risks(first: 500) { totalCount nodes { id title version } } }';
type Risks = { risks: { totalCount: number; nodes: { id: string; title: string; version: number }[] } };

describe('prerequisites', () => {
  // Without CI missing PostgreSQL client programs are a loud skip; with CI=true they fail here.
  it.skipIf(pgTools || databases.postgresqlMissing !== null || process.env.CI !== 'true')('pg_dump, pg_restore and psql are on PATH', () => {
    expect(pgTools).toBe(true);
  });
});

const folder = mkdtempSync(join(tmpdir(), 'assay-backups-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.each(covered)('backup and restore on $name', (database) => {
  const extension = database.name === 'sqlite' ? 'sqlite' : 'dump';
  let target: DatabaseTarget;
  let api: TestApi | null = null;
  let previous: string | null = null;

  afterAll(async () => {
    await api?.close();
    if (target?.kind === 'postgresql') {
      // The API was started with keepDatabase: drop the database and the one the restore set aside.
      for (const name of [target.dbName, previous]) {
        if (name) await run('psql', ['-X', '-q', '--dbname', new URL('/postgres', target.url).toString(), '-c', `drop database if exists "${name}"`]).catch(() => undefined);
      }
    }
    if (target) removeTestDatabase(target);
  });

  it('backs up while the API serves, and a restore brings the data back as it was, with an intact audit log', async () => {
    target = database.create();
    const url = databaseUrl(target);
    api = await startTestApi(target, { keepDatabase: true });
    const admin = await api.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    const before = (await api.graphql<Risks>(RISKS, {}, admin)).data!.risks;
    expect(before.totalCount).toBeGreaterThan(0);

    // The backup runs while the server answers queries and writes sign-in sessions.
    const backupFile = join(folder, `round-trip.${extension}`);
    const serving = Promise.all(Array.from({ length: 5 }, () => api!.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password)));
    const backup = await cli('backup', '--database-url', url, '--out', backupFile);
    expect(backup.code, backup.stderr).toBe(0);
    await serving;
    expect(backup.stdout).toMatch(new RegExp(`^Backed up .* to ${backupFile.replaceAll('.', '\\.')} \\([\\d.]+ MB, \\d+ migrations\\) in [\\d.]+ s\\.$`, 'm'));
    expect(backup.stderr).toMatch(/: 100%/);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);

    // Change the data after the backup: a new risk, and a title edited.
    const created = await api.graphql(`mutation { createRisk(input: { title: "Added after the backup", likelihood: 2, impact: 2 }) { id } }`, {}, admin);
    expect(created.errors).toBeUndefined();
    const edited = before.nodes[0]!;
    const update = await api.graphql(`mutation($id: ID!, $version: Int!) { updateRisk(id: $id, input: { expectedVersion: $version, title: "Edited after the backup" }) { id } }`, { id: edited.id, version: edited.version }, admin);
    expect(update.errors).toBeUndefined();

    // While the server holds the database, a restore is refused and changes nothing, even with --force.
    const held = await cli('restore', '--from', backupFile, '--database-url', url, '--force');
    expect(refusal(held, 'restore')).toMatch(/open connection|open in a running Assay server/);
    expect((await api.graphql<Risks>(RISKS, {}, admin)).data!.risks.totalCount).toBe(before.totalCount + 1);

    await api.close();
    api = null;
    // Without --force an existing database is kept.
    const unforced = await cli('restore', '--from', backupFile, '--database-url', url);
    expect(refusal(unforced, 'restore')).toMatch(/already exists; pass --force to replace it/);

    const restored = await cli('restore', '--from', backupFile, '--database-url', url, '--force');
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored .* \(\d+ migrations\)\.$/m);
    previous = /kept as (.+)\.$/m.exec(restored.stdout)?.[1] ?? null;
    expect(previous).not.toBeNull();
    if (target.kind === 'sqlite') {
      expect(existsSync(previous!)).toBe(true);
      expect(readdirSync(dirname(target.path)).filter((name) => name.includes('.restoring'))).toEqual([]);
    }

    api = await startTestApi(target, { keepDatabase: true });
    const again = await api.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password);
    const after = (await api.graphql<Risks>(RISKS, {}, again)).data!.risks;
    expect(after.totalCount).toBe(before.totalCount);
    expect(after.nodes.map((risk) => risk.title).sort()).toEqual(before.nodes.map((risk) => risk.title).sort());
    expect(after.nodes.some((risk) => risk.title === 'Added after the backup' || risk.title === 'Edited after the backup')).toBe(false);

    const verify = await cli('audit-verify', '--database-url', url);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^Northwind Lending \(demo\): intact, \d+ entries$/m);
  }, 180_000);

  it('refuses a missing file, a file that is not a database and a backup of a newer Assay, changing nothing', async () => {
    const url = databaseUrl(target);
    const fingerprint = async () => (await api!.graphql<Risks>(RISKS, {}, await api!.signIn(DEMO_SIGN_IN.email, DEMO_SIGN_IN.password))).data!.risks;
    const before = await fingerprint();
    await api!.close();
    api = null;
    const fileHash = () => (target.kind === 'sqlite' ? createHash('sha256').update(readFileSync(target.path)).digest('hex') : null);
    const hashBefore = fileHash();

    const missing = await cli('restore', '--from', join(folder, 'no-such-backup'), '--database-url', url, '--force');
    expect(refusal(missing, 'restore')).toBe(`there is no backup at ${join(folder, 'no-such-backup')}`);

    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'not a database\n'.repeat(100));
    const notDatabase = await cli('restore', '--from', text, '--database-url', url, '--force');
    expect(refusal(notDatabase, 'restore')).toBe(`${text} is not an Assay backup (${target.kind === 'sqlite' ? 'not an SQLite database' : 'not a pg_dump custom-format archive'})`);

    // Another program's SQLite database.
    const foreign = join(folder, 'other-program.sqlite');
    rmSync(foreign, { force: true });
    const other = new Database(foreign);
    other.exec('create table notes (body text)');
    other.close();
    const notAssay = await cli('restore', '--from', foreign, '--database-url', url, '--force');
    expect(refusal(notAssay, 'restore')).toBe(
      target.kind === 'sqlite' ? `${foreign} is not an Assay database (it has no assay_migrations table)` : `${foreign} is an SQLite backup; restore it into a sqlite: database (--database-url)`,
    );

    // A backup with a migration this version does not know: written by a newer Assay.
    const future = 'Migration20991231000000_from_the_future';
    let newer: string;
    if (target.kind === 'sqlite') {
      newer = join(folder, `newer.${extension}`);
      rmSync(newer, { force: true });
      const copy = new Database(target.path, { readonly: true });
      await copy.backup(newer);
      copy.close();
      const edit = new Database(newer);
      edit.prepare('insert into assay_migrations (name, executed_at) values (?, ?)').run(future, new Date().toISOString());
      edit.close();
    } else {
      const scratch = `${target.dbName}_newer`;
      const maintenance = new URL('/postgres', target.url).toString();
      await run('psql', ['-X', '-q', '--dbname', maintenance, '-c', `create database "${scratch}" template "${target.dbName}"`]);
      const scratchUrl = new URL(`/${scratch}`, target.url).toString();
      await run('psql', ['-X', '-q', '--dbname', scratchUrl, '-c', `insert into assay_migrations (name, executed_at) values ('${future}', now())`]);
      newer = join(folder, `newer.${extension}`);
      rmSync(newer, { force: true });
      const made = await cli('backup', '--database-url', scratchUrl, '--out', newer);
      await run('psql', ['-X', '-q', '--dbname', maintenance, '-c', `drop database "${scratch}"`]);
      expect(made.code, made.stderr).toBe(0);
    }
    const fromNewer = await cli('restore', '--from', newer, '--database-url', url, '--force');
    expect(refusal(fromNewer, 'restore')).toBe(`${newer} was written by a newer version of Assay (unknown migration ${future}); restore it with that version or later`);

    // A backup never overwrites a file.
    const overwrite = await cli('backup', '--database-url', url, '--out', text);
    expect(refusal(overwrite, 'backup')).toBe(`${text} already exists; choose another --out or move it aside`);

    expect(fileHash()).toBe(hashBefore);
    if (target.kind === 'sqlite') expect(readdirSync(dirname(target.path)).filter((name) => name.endsWith('.restoring'))).toEqual([]);
    api = await startTestApi(target, { keepDatabase: true });
    expect(await fingerprint()).toEqual(before);
    expect(basename(newer)).toBe(`newer.${extension}`);
  }, 180_000);
});
