import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import express, { type Express } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { withActor } from './audit/actor.js';
import { type Context, createContext } from './context.js';
import { isQueryCanceled, type Orm, statementTimeoutOf } from './db.js';
import { timedOutMessage } from './errors.js';
import { graphqlRoute } from './http/graphql-route.js';
import { jsonErrors, jsonNotFound, MAX_GRAPHQL_BODY_BYTES } from './http/json-errors.js';
import { securityHeaders } from './http/security-headers.js';
import { predictionRoutes } from './imports/prediction-route.js';
import { queryLimits } from './query-limits.js';
import { createSchema } from './schema.js';

export interface ServerOptions {
  orm: Orm;
  /** Folder of the built dashboard to serve at `/`; null serves the API alone. */
  webDist?: string | null;
  sessionHours?: number;
  /**
   * How long a GraphQL request may take before it is answered 503 TIMEOUT (see RequestDeadline);
   * 0 times out every request before its first root field.
   */
  requestTimeoutMs?: number;
  /** Where internal errors are reported; they never reach the client. */
  logError?: (error: unknown) => void;
}

export interface AssayServer {
  app: Express;
  apollo: ApolloServer<Context>;
  /** Stops Apollo; the caller closes the HTTP listener and the ORM. */
  stop(): Promise<void>;
}

/** Error codes whose message is meant for the client; everything else is masked. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'TIMEOUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Builds the HTTP application: GraphQL at /graphql, liveness at /healthz and the dashboard at /.
 * It never listens, so tests drive it directly.
 */
export async function createServer(options: ServerOptions): Promise<AssayServer> {
  const { orm, webDist = null, sessionHours = 12, requestTimeoutMs = 60_000 } = options;
  const logError = options.logError ?? ((error: unknown) => console.error(error));

  const maskInternalErrors = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
    logError(error);
    // PostgreSQL cancelled a statement at its time limit (limitStatementTime): the client learns that, not the SQL.
    const statementTimeoutMs = statementTimeoutOf(orm);
    if (statementTimeoutMs !== null && isQueryCanceled(unwrapResolverError(error))) {
      return { message: timedOutMessage('query', statementTimeoutMs), extensions: { code: 'TIMEOUT' }, path: formatted.path };
    }
    return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: formatted.path };
  };

  const apollo = new ApolloServer<Context>({
    validationRules: [queryLimits],
    schema: await createSchema(),
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Apollo's own landing page loads Apollo Sandbox from a CDN, which the content security
    // policy forbids; the dashboard serves its own GraphQL explorer.
    plugins: [clearIdentityMap, ApolloServerPluginLandingPageDisabled()],
    // The process's owner stops the server (main.ts on SIGINT and SIGTERM, tests when done);
    // Apollo's own signal handlers would stop it a second time and re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  // Each request gets its own actor for the audit log; authentication fills it in.
  app.use((_request, _response, next) => withActor({ id: null, label: 'anonymous' }, next));

  app.use(predictionRoutes(orm, sessionHours, logError));

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  // Exactly /graphql: a path below it is not the API and answers 404.
  app.all(
    '/graphql',
    express.json({ limit: MAX_GRAPHQL_BODY_BYTES }),
    graphqlRoute(apollo, {
      context: async (request, deadline) => ({ ...(await createContext(orm, request.headers.authorization, sessionHours)), deadline }),
      timeoutMs: requestTimeoutMs,
      logError,
    }),
  );

  if (webDist && existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // Client-side routes: any other GET that wants HTML gets the app shell.
    app.get(/^\/(?!graphql(?:\/|$)|healthz(?:\/|$)|api\/).*/, (request, response, next) => {
      if (!request.accepts('html')) return next();
      response.sendFile(join(webDist, 'index.html'));
    });
  }

  app.use(jsonNotFound());
  app.use(jsonErrors(logError));

  return { app, apollo, stop: () => apollo.stop() };
}

/** Drops the request's identity map once the response is sent, so memory does not grow. */
const clearIdentityMap: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        contextValue.em?.clear();
      },
    };
  },
};
