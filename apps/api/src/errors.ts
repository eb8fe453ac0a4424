import { GraphQLError } from 'graphql';

/**
 * A start-up problem the operator can fix: a setting that is wrong or points at something
 * unusable. Printed as one line that names the setting, never as a stack trace.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly setting: string,
    readonly reason: string,
  ) {
    super(`${setting} ${reason}`);
  }
}

/** Error codes clients can rely on, in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

/** Rejects one input field, naming it and the reason: `likelihood must be …`. */
export function badInput(field: string, reason: string): GraphQLError {
  return new GraphQLError(`${field} ${reason}`, {
    extensions: { code: 'BAD_USER_INPUT', field },
  });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} ${id} was not found`, { extensions: { code: 'NOT_FOUND' } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT' } });
}

export function unauthenticated(message = 'Sign in first: this operation needs a valid session'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** A duration in milliseconds as seconds for a message: 30000 → "30 s", 250 → "0.25 s". */
export function inSeconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en', { maximumFractionDigits: 3 })} s`;
}

/**
 * The message of an operation stopped by a time limit: PostgreSQL's statement limit or the
 * request's deadline. It says what to do, never which statement or table was slow.
 */
export function timedOutMessage(what: 'query' | 'request', ms: number): string {
  return `The ${what} took longer than ${inSeconds(ms)} and was stopped; narrow it (a filter, a shorter period) and ask again`;
}

/** An operation stopped by a time limit: `extensions.code` TIMEOUT. */
export function timedOut(what: 'query' | 'request', ms: number): GraphQLError {
  return new GraphQLError(timedOutMessage(what, ms), { extensions: { code: 'TIMEOUT' } });
}
