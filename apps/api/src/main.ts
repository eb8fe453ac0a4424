import 'reflect-metadata';
import { createHttpServer } from './http/http-server.js';
import type { Server } from 'node:http';

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { limitStatementTime, migrate, type Orm, openDatabase } from './db.js';
import { type Env, loadEnv, redact } from './env.js';
import { ConfigError } from './errors.js';
import { DEMO_ACCOUNTS, DEMO_EXECUTIVE, DEMO_SIGN_IN, seedDemoIfEmpty } from './seed/demo.js';
import { createServer } from './server.js';

/** The built dashboard of the workspace, when it is installed beside the API. */
function findWebDist(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('@assay/web/package.json')), 'dist');
  } catch {
    return null;
  }
}

function listen(server: Server, env: Env): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new ConfigError('PORT', `${env.port} is already in use by another program; stop it or start Assay with another port, e.g. PORT=4001 npm start`));
      } else if (error.code === 'EACCES') {
        reject(new ConfigError('PORT', `${env.port} needs privileges this process lacks; choose a port above 1023`));
      } else {
        reject(error);
      }
    });
    server.listen(env.port, env.host, () => resolve());
  });
}

async function main(): Promise<void> {
  const env = loadEnv(process.env, { webDist: findWebDist() });
  const log = env.logLevel === 'silent' ? () => undefined : (line: string) => console.log(line);

  let orm: Orm | null = null;
  let httpServer: Server | null = null;
  let assay: Awaited<ReturnType<typeof createServer>> | null = null;
  let stopping = false;

  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: shutting down…`);
    const forced = setTimeout(() => process.exit(exitCode), 10_000);
    forced.unref();
    if (httpServer) {
      httpServer.closeIdleConnections();
      await new Promise<void>((resolve) => httpServer?.close(() => resolve()));
    }
    await assay?.stop().catch(() => undefined);
    await orm?.close(true).catch(() => undefined);
    log('Stopped.');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  log(`Opening ${env.database.display}…`);
  orm = await openDatabase(env.database);
  const applied = await migrate(orm, env.database);
  if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
  const seeded = await seedDemoIfEmpty(orm.em.fork(), log);
  // Migrations and the demo seed run without the statement limit; the server's requests with it.
  await limitStatementTime(orm, env.database, env.statementTimeoutMs);

  assay = await createServer({ orm, webDist: env.webDist, sessionHours: env.sessionHours, requestTimeoutMs: env.requestTimeoutMs });
  httpServer = createHttpServer(assay.app);
  await listen(httpServer, env);

  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const url = `http://localhost:${port}`;
  log('');
  log(`Assay is running at ${url}`);
  log(`  GraphQL API   ${url}/graphql`);
  log(`  Database      ${env.database.kind === 'postgresql' ? redact(env.database.display) : env.database.display}${seeded ? ' (demo organisation seeded)' : ''}`);
  if (env.webDist === null) log('  Dashboard     not built: the API is served alone');
  log(`  Sign in as    ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}   (read-only executive: ${DEMO_EXECUTIVE.email} / ${DEMO_EXECUTIVE.password})`);
  log(`  Other roles   ${DEMO_ACCOUNTS.filter((account) => account.email !== DEMO_SIGN_IN.email && account.email !== DEMO_EXECUTIVE.email).map((account) => account.email).join(', ')} (same password)`);
  log('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Assay cannot start: ${error.message}`);
  } else {
    console.error('Assay cannot start because of an unexpected error:');
    console.error(error);
  }
  process.exit(1);
});
