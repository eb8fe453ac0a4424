import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { timedOutMessage } from '../errors.js';
import { sendError } from './json-errors.js';
import { RequestDeadline } from './request-deadline.js';

export interface GraphqlRouteOptions<TContext extends BaseContext> {
  /** Builds a request's context; the deadline goes into it, for the root fields to check. */
  context(request: Request, deadline: RequestDeadline): Promise<TContext>;
  /** How long a request may take, from its parsed body to its answer. */
  timeoutMs: number;
  logError(error: unknown): void;
}

/** The request as Apollo reads it: method, headers, query string and the parsed JSON body. */
function httpGraphqlRequestOf(request: Request): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const query = request.originalUrl.indexOf('?');
  return { method: request.method.toUpperCase(), headers, search: query === -1 ? '' : request.originalUrl.slice(query), body: request.body };
}

/**
 * Serves GraphQL through Apollo, as Apollo's Express integration does, under a deadline (see
 * RequestDeadline): a request not answered in `timeoutMs` is answered at once with HTTP 503 and
 * `TIMEOUT`, and what it computes afterwards is dropped, with a line to the error log so that
 * slow operations can be found. Express's JSON parser must run before it.
 */
export function graphqlRoute<TContext extends BaseContext>(apollo: ApolloServer<TContext>, options: GraphqlRouteOptions<TContext>): RequestHandler {
  return async (request, response) => {
    const startedAt = Date.now();
    const deadline = new RequestDeadline(options.timeoutMs, () => {
      if (!response.headersSent) sendError(request, response, { status: 503, code: 'TIMEOUT', message: timedOutMessage('request', options.timeoutMs) });
    });
    let answer: Awaited<ReturnType<ApolloServer<TContext>['executeHTTPGraphQLRequest']>>;
    let inTime = true;
    try {
      answer = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: httpGraphqlRequestOf(request), context: () => options.context(request, deadline) });
    } finally {
      inTime = deadline.finish();
    }
    if (!inTime) {
      options.logError(new Error(`A GraphQL request was answered TIMEOUT after ${options.timeoutMs} ms; its work ended after ${Date.now() - startedAt} ms`));
      return;
    }
    for (const [key, value] of answer.headers) response.setHeader(key, value);
    response.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      response.send(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) response.write(chunk);
    response.end();
  };
}
