import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The built API's entry point, as `npm start` runs it. */
export const API_MAIN = join(dirname(require.resolve('@assay/api/package.json')), 'dist', 'main.js');

const tempFolders: string[] = [];

/** A fresh folder under the system's temporary folder; removeTempFolders deletes them all. */
export function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), `assay-${prefix}-`));
  tempFolders.push(folder);
  return folder;
}

/** Deletes every folder tempFolder made in this test file; call it in afterAll. */
export function removeTempFolders(): void {
  for (const folder of tempFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  process: ChildProcess;
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

function launch(env: Record<string, string>, cwd: string): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [API_MAIN], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Starts the built app like `npm start` does and waits until /healthz answers. */
export async function startApp(env: Record<string, string>, cwd = tempFolder('cwd')): Promise<RunningApp> {
  const port = env.PORT ?? String(await freePort());
  const { child, stdout, stderr, exited } = launch({ ...env, PORT: port }, cwd);
  const url = `http://127.0.0.1:${port}`;
  let code: number | null | undefined;
  void exited.then((value) => (code = value));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (code !== undefined) throw new Error(`the app exited with ${code} before it was ready:\n${stdout()}\n${stderr()}`);
    if (Date.now() > deadline) throw new Error(`the app did not become ready in 60 s:\n${stdout()}\n${stderr()}`);
    const ok = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (ok && stdout().includes('Press Ctrl-C')) break;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    url,
    process: child,
    output: () => stdout() + stderr(),
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the app expecting it to stop by itself (a start-up failure). */
export async function runUntilExit(env: Record<string, string>, cwd = tempFolder('cwd'), timeoutMs = 60_000): Promise<Exited> {
  const { child, stdout, stderr, exited } = launch(env, cwd);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  return { code, stdout: stdout(), stderr: stderr() };
}

export async function graphql<Data>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ data?: Data; errors?: { message: string }[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Data; errors?: { message: string }[] };
}

/**
 * Every node of a paginated list field, read page by page (500 a page) with one session: `args`
 * are the field's other arguments (e.g. a filter), `selection` the fields of each node.
 */
export async function everyPage<Node>(url: string, token: string, field: string, args: string, selection: string): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { data?: Record<string, { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>; errors?: { message: string }[] } = await graphql(
      url,
      `query($after: String) { ${field}(first: 500, after: $after, ${args}) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
      { after },
      token,
    );
    const connection = page.data?.[field];
    if (page.errors !== undefined || connection === undefined) throw new Error(`everyPage: ${field} failed: ${JSON.stringify(page.errors)}`);
    nodes.push(...connection.nodes);
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
}
