import { createServer, type RequestListener, type Server } from 'node:http';

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than the idle
 * time of most clients and load balancers (60 s is common), so a client could send its next
 * request on a connection the server was closing that moment, and see it reset. Keeping it
 * longer than the clients' lets them close first.
 */
export const KEEP_ALIVE_MS = 65_000;

/**
 * The idle time the server announces (`Keep-Alive: timeout=60`), shorter than the time it keeps
 * connections. Clients that follow the announcement (Node's fetch closes two seconds before it)
 * would otherwise close at about the moment the server does: their timers run late by up to a
 * second or two, and a request sent on a connection the server has just closed is reset.
 */
export const ANNOUNCED_KEEP_ALIVE_MS = 60_000;

/** The HTTP server of the API: the app behind Node's server, with idle connections kept as above. */
export function createHttpServer(app: RequestListener, keepAlive = { keptMs: KEEP_ALIVE_MS, announcedMs: ANNOUNCED_KEEP_ALIVE_MS }): Server {
  const announced = `timeout=${Math.floor(keepAlive.announcedMs / 1000)}`;
  // With the header set, Node sends it instead of its own, which would announce the time it keeps.
  const server = createServer((request, response) => {
    response.setHeader('Keep-Alive', announced);
    app(request, response);
  });
  server.keepAliveTimeout = keepAlive.keptMs;
  // Headers of a request on a kept connection must be allowed as long as the connection waits.
  server.headersTimeout = keepAlive.keptMs + 1_000;
  return server;
}
