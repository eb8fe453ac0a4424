import { createServer, type RequestListener, type Server } from 'node:http';

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than the idle
 * time of most clients and load balancers (60 s is common), so a client could send its next
 * request on a connection the server was closing that moment, and see it reset. Keeping it
 * longer than the clients' lets them close first.
 */
export const KEEP_ALIVE_MS = 65_000;

/** The HTTP server of the API: the app behind Node's server, with idle connections kept as above. */
export function createHttpServer(app: RequestListener): Server {
  const server = createServer(app);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Headers of a request on a kept connection must be allowed as long as the connection waits.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}
