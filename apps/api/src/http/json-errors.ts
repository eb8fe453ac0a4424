import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';

/** The largest GraphQL request body accepted, in bytes (1 MiB). */
export const MAX_GRAPHQL_BODY_BYTES = 1_048_576;

/** An error answered to the client as it stands: its status, a stable code and a message. */
export interface ClientError {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * Sends an error as JSON. Under /graphql it takes the GraphQL-over-HTTP shape
 * (`{ errors: [{ message, extensions: { code } }] }`) so GraphQL clients show it; elsewhere the
 * shape of the other HTTP routes (`{ error: { code, message } }`).
 */
export function sendError(request: Request, response: Response, error: ClientError): void {
  // Whatever the body had left is not read: close the connection rather than drain it.
  if (!request.complete) response.set('Connection', 'close');
  const body = isGraphqlPath(request.path)
    ? { errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] }
    : { error: { code: error.code, message: error.message, ...error.details } };
  response.status(error.status).json(body);
}

function isGraphqlPath(path: string): boolean {
  return path === '/graphql' || path.startsWith('/graphql/');
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1_048_576).toLocaleString('en', { maximumFractionDigits: 2 })} MiB`;
}

/** The error body-parser reports (it sets `type` and `status`). */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  limit?: unknown;
  charset?: unknown;
  encoding?: unknown;
}

/** What a client sent wrong, as a ClientError; null for anything else (a fault of ours). */
function clientErrorOf(error: unknown): ClientError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { type, status, limit, charset, encoding } = error as BodyParserError;
  switch (type) {
    case 'entity.too.large': {
      const bytes = typeof limit === 'number' ? limit : MAX_GRAPHQL_BODY_BYTES;
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than the limit of ${mebibytes(bytes)} (${bytes} bytes)`, details: { limit: bytes } };
    }
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `The request body's charset "${String(charset)}" is not supported; send UTF-8` };
    case 'encoding.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `The request body's content encoding "${String(encoding)}" is not supported` };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body could not be read' };
    default:
      // Other 4xx errors from express itself (e.g. a malformed URL) carry a safe message.
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return { status, code: 'BAD_REQUEST', message: 'The request could not be understood' };
      }
      return null;
  }
}

/**
 * The last error handler: client mistakes answer their 4xx status with a JSON error that says
 * what was wrong; anything else is logged and answers 500 "Internal server error", never with a
 * stack trace or the error's own text.
 */
export function jsonErrors(logError: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      // Too late to answer with an error: let express close the connection.
      next(error);
      return;
    }
    const clientError = clientErrorOf(error);
    if (clientError) {
      sendError(request, response, clientError);
      return;
    }
    logError(error);
    sendError(request, response, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  };
}

/** Answers a request no route took with a JSON 404 naming the method and path. */
export function jsonNotFound(): RequestHandler {
  return (request, response) => {
    sendError(request, response, { status: 404, code: 'NOT_FOUND', message: `There is nothing at ${request.method} ${request.path.slice(0, 200)}` });
  };
}
