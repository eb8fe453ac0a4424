import { resolve } from 'node:path';
import { ConfigError } from './errors.js';

/** Where the data lives: an SQLite file (the zero-config default) or a PostgreSQL database. */
export type DatabaseTarget =
  | { kind: 'sqlite'; path: string; display: string }
  | { kind: 'postgresql'; url: string; dbName: string; display: string };

export interface Env {
  database: DatabaseTarget;
  port: number;
  host: string;
  /** Folder holding the built dashboard; null serves the API alone. */
  webDist: string | null;
  /** Lifetime of a sign-in session, in hours. */
  sessionHours: number;
  /** PostgreSQL cancels any statement of the server running longer than this (SQLite has no such limit). */
  statementTimeoutMs: number;
  /** A GraphQL query not answered within this time is answered 503 TIMEOUT; mutations are exempt once started. */
  requestTimeoutMs: number;
  logLevel: 'silent' | 'info';
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/assay.sqlite';

/**
 * Reads a DATABASE_URL. Accepted forms: `postgresql://user@host:port/db` (or `postgres://`),
 * `sqlite:relative/or/absolute/path.sqlite`, and `sqlite::memory:` for throwaway databases.
 * Relative SQLite paths are resolved against `cwd`.
 */
export function parseDatabaseUrl(raw: string, cwd = process.cwd()): DatabaseTarget {
  const value = raw.trim();
  if (value.startsWith('postgresql://') || value.startsWith('postgres://')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError('DATABASE_URL', `is not a valid URL: ${redact(value)}`);
    }
    const dbName = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (!dbName) {
      throw new ConfigError('DATABASE_URL', `names no database; expected postgresql://user@host:5432/assay, got ${redact(value)}`);
    }
    const display = `PostgreSQL database "${dbName}" at ${url.hostname}:${url.port || '5432'}`;
    return { kind: 'postgresql', url: value, dbName, display };
  }
  if (value.startsWith('sqlite:')) {
    const rest = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!rest) throw new ConfigError('DATABASE_URL', 'names no SQLite file; expected sqlite:./data/assay.sqlite');
    if (rest === ':memory:') return { kind: 'sqlite', path: ':memory:', display: 'in-memory SQLite' };
    const path = resolve(cwd, rest);
    return { kind: 'sqlite', path, display: `SQLite file ${path}` };
  }
  throw new ConfigError(
    'DATABASE_URL',
    `must start with postgresql:// or sqlite:, got "${redact(value)}" (e.g. postgresql://postgres@127.0.0.1:5432/assay or sqlite:./data/assay.sqlite)`,
  );
}

/** Hides a password in a connection string before it is printed. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@');
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parsePositive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(name, `must be a positive number, got "${raw}"`);
  }
  return value;
}

/** The longest time both PostgreSQL's statement_timeout and Node's timers accept (about 24.8 days). */
const MAX_MILLISECONDS = 2_147_483_647;

function parseMilliseconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > MAX_MILLISECONDS) {
    throw new ConfigError(name, `must be a whole number of milliseconds from 1 to ${MAX_MILLISECONDS}, got "${raw}"`);
  }
  return value;
}

/** Validates the process environment once, at start-up. Every variable Assay reads is read here. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env, defaults: { webDist: string | null } = { webDist: null }): Env {
  return {
    database: parseDatabaseUrl(source.DATABASE_URL || DEFAULT_DATABASE_URL),
    port: parsePort(source.PORT),
    host: source.HOST || '0.0.0.0',
    webDist: source.WEB_DIST ? resolve(source.WEB_DIST) : defaults.webDist,
    sessionHours: parsePositive('SESSION_HOURS', source.SESSION_HOURS, 12),
    statementTimeoutMs: parseMilliseconds('ASSAY_STATEMENT_TIMEOUT_MS', source.ASSAY_STATEMENT_TIMEOUT_MS, 30_000),
    requestTimeoutMs: parseMilliseconds('ASSAY_REQUEST_TIMEOUT_MS', source.ASSAY_REQUEST_TIMEOUT_MS, 60_000),
    logLevel: source.LOG_LEVEL === 'silent' ? 'silent' : 'info',
  };
}
