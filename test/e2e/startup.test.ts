import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql, removeTempFolders, runUntilExit, startApp, tempFolder } from '../support/app.js';

/** A start-up failure is one line naming the setting: no stack trace. */
function expectOneLineError(stderr: string, setting: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^Assay cannot start: ${setting} `));
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('npm start, as a new user meets it', () => {
  afterAll(removeTempFolders);

  it('creates ./data/assay.sqlite, seeds once, keeps data across restarts and stops cleanly on Ctrl-C', async () => {
    const cwd = tempFolder('start');
    // As `npm start` runs it (under vitest NODE_ENV is "test", which changes how Apollo handles signals).
    const first = await startApp({ NODE_ENV: 'production' }, cwd);
    expect(first.output()).toContain('Assay is running at http://localhost:');
    expect(first.output()).toContain('demo@assay.local / assay-demo');
    expect(first.output()).toContain('demo organisation seeded');
    expect(existsSync(join(cwd, 'data', 'assay.sqlite'))).toBe(true);

    const signIn = await graphql<{ signIn: { token: string } }>(first.url, 'mutation { signIn(email: "demo@assay.local", password: "assay-demo") { token } }');
    const token = signIn.data?.signIn.token ?? '';
    const seeded = await graphql<{ risks: { totalCount: number } }>(first.url, '{ risks { totalCount } }', {}, token);
    const seededCount = seeded.data?.risks.totalCount ?? 0;
    expect(seededCount).toBeGreaterThan(0);
    const created = await graphql<{ createRisk: { id: string } }>(first.url, 'mutation { createRisk(input: { title: "Kept across restarts", likelihood: 2, impact: 3 }) { id } }', {}, token);
    expect(created.errors).toBeUndefined();
    // Stopped in order (the listener, Apollo, the database), not by the forced exit after 10 s.
    expect(await first.stop('SIGINT')).toBe(0);
    expect(first.output()).toContain('Stopped.');

    const second = await startApp({}, cwd);
    expect(second.output()).not.toContain('seeded');
    const again = await graphql<{ signIn: { token: string } }>(second.url, 'mutation { signIn(email: "demo@assay.local", password: "assay-demo") { token } }');
    const risks = await graphql<{ risks: { nodes: { title: string }[] } }>(second.url, '{ risks(first: 500) { nodes { title } } }', {}, again.data?.signIn.token);
    expect(risks.data?.risks.nodes.map((risk) => risk.title)).toContain('Kept across restarts');
    // The seed ran once: the seeded risks and the one added, no second copy.
    expect(risks.data?.risks.nodes).toHaveLength(seededCount + 1);
    expect(await second.stop('SIGTERM')).toBe(0);
  });

  it('serves the dashboard and answers client-side routes with the app shell', async () => {
    const app = await startApp({ DATABASE_URL: 'sqlite::memory:' });
    try {
      const home = await fetch(app.url, { headers: { accept: 'text/html' } });
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toContain('<div id="root">');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      expect((await fetch(`${app.url}${script}`)).status).toBe(200);
      const deepLink = await fetch(`${app.url}/risks/anything`, { headers: { accept: 'text/html' } });
      expect(await deepLink.text()).toContain('<div id="root">');
    } finally {
      await app.stop();
    }
  });

  it('names PORT when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runUntilExit({ PORT: String(port), DATABASE_URL: 'sqlite::memory:' });
      expect(result.code).toBe(1);
      expectOneLineError(result.stderr, 'PORT');
      expect(result.stderr).toContain(`${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it.each([
    ['mysql://root@localhost/assay', 'must start with postgresql:// or sqlite:'],
    ['postgresql://postgres@127.0.0.1:1/assay', 'cannot reach PostgreSQL database "assay" at 127.0.0.1:1'],
    ['postgresql://postgres@127.0.0.1:5432', 'names no database'],
  ])('names DATABASE_URL for %s', async (url, reason) => {
    const result = await runUntilExit({ DATABASE_URL: url, PORT: '0' });
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, 'DATABASE_URL');
    expect(result.stderr).toContain(reason);
  });

  it('refuses a file that is not an SQLite database and leaves it untouched', async () => {
    const path = join(tempFolder('notdb'), 'notes.sqlite');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    const before = readFileSync(path);
    const result = await runUntilExit({ DATABASE_URL: `sqlite:${path}`, PORT: '0' });
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, 'DATABASE_URL');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a database written by a newer version and changes nothing in it', async () => {
    const cwd = tempFolder('newer');
    const app = await startApp({}, cwd);
    expect(await app.stop()).toBe(0);
    const path = join(cwd, 'data', 'assay.sqlite');
    const database = new Database(path);
    database.prepare("insert into assay_migrations (name, executed_at) values ('Migration29990101000000_future', datetime('now'))").run();
    const riskCount = (database.prepare('select count(*) as n from risk').get() as { n: number }).n;
    database.close();
    const sizeBefore = statSync(path).size;

    const result = await runUntilExit({ PORT: '0' }, cwd);
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, 'DATABASE_URL');
    expect(result.stderr).toContain('newer version of Assay');

    const after = new Database(path, { readonly: true });
    expect((after.prepare('select count(*) as n from risk').get() as { n: number }).n).toBe(riskCount);
    after.close();
    expect(statSync(path).size).toBe(sizeBefore);
  });
});
