import { describe, expect, it } from 'vitest';
import { loadEnv, parseDatabaseUrl, redact } from '../src/env.js';

describe('parseDatabaseUrl', () => {
  it('resolves a relative SQLite path against the working folder', () => {
    expect(parseDatabaseUrl('sqlite:./data/assay.sqlite', '/srv/assay')).toMatchObject({ kind: 'sqlite', path: '/srv/assay/data/assay.sqlite' });
    expect(parseDatabaseUrl('sqlite:///var/lib/assay.sqlite', '/srv')).toMatchObject({ kind: 'sqlite', path: '/var/lib/assay.sqlite' });
    expect(parseDatabaseUrl('sqlite::memory:')).toMatchObject({ kind: 'sqlite', path: ':memory:' });
  });

  it('reads a PostgreSQL URL and its database name', () => {
    expect(parseDatabaseUrl('postgresql://postgres@127.0.0.1:5432/assay')).toMatchObject({ kind: 'postgresql', dbName: 'assay', display: 'PostgreSQL database "assay" at 127.0.0.1:5432' });
    expect(parseDatabaseUrl('postgres://db.internal/aims')).toMatchObject({ kind: 'postgresql', dbName: 'aims', display: 'PostgreSQL database "aims" at db.internal:5432' });
  });

  it.each([
    ['mysql://root@localhost/assay', 'DATABASE_URL must start with postgresql:// or sqlite:'],
    ['postgresql://postgres@127.0.0.1:5432/', 'DATABASE_URL names no database'],
    ['sqlite:', 'DATABASE_URL names no SQLite file'],
  ])('rejects %s, naming the setting', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it('never prints a password', () => {
    expect(redact('postgresql://assay:s3cret@db:5432/assay')).toBe('postgresql://assay:***@db:5432/assay');
    expect(() => parseDatabaseUrl('mysql://assay:s3cret@db/assay')).toThrow(/assay:\*\*\*@db/);
  });
});

describe('loadEnv', () => {
  it('defaults to ./data/assay.sqlite on port 4000', () => {
    const env = loadEnv({}, { webDist: null });
    expect(env.database).toMatchObject({ kind: 'sqlite', path: `${process.cwd()}/data/assay.sqlite` });
    expect(env.port).toBe(4000);
  });

  it.each(['abc', '-1', '70000', '80.5'])('rejects PORT=%s', (port) => {
    expect(() => loadEnv({ PORT: port })).toThrow(`PORT must be a whole number from 0 to 65535, got "${port}"`);
  });

  it('limits statements to 30 s and requests to 60 s unless told otherwise', () => {
    expect(loadEnv({})).toMatchObject({ statementTimeoutMs: 30_000, requestTimeoutMs: 60_000 });
    expect(loadEnv({ ASSAY_STATEMENT_TIMEOUT_MS: '5000', ASSAY_REQUEST_TIMEOUT_MS: '120000' })).toMatchObject({ statementTimeoutMs: 5000, requestTimeoutMs: 120_000 });
  });

  it.each(['ASSAY_STATEMENT_TIMEOUT_MS', 'ASSAY_REQUEST_TIMEOUT_MS'])('rejects %s that is not a whole number of milliseconds from 1 to 2147483647', (name) => {
    for (const value of ['thirty', '-1', '0', '1.5', '2147483648']) {
      expect(() => loadEnv({ [name]: value }), value).toThrow(`${name} must be a whole number of milliseconds from 1 to 2147483647, got "${value}"`);
    }
  });

  it('rejects a non-positive SESSION_HOURS', () => {
    expect(() => loadEnv({ SESSION_HOURS: '0' })).toThrow('SESSION_HOURS must be a positive number, got "0"');
  });
});
