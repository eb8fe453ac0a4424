import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';

/** The PostgreSQL server the suites may use (as the API's suites: TEST_DATABASE_URL). */
export const POSTGRESQL_SERVER = new URL(process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/assay_test');

/** Whether the server answers on its port. */
export function postgresqlReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: POSTGRESQL_SERVER.hostname, port: Number(POSTGRESQL_SERVER.port || 5432), timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

/** The URL of a database of its own on the server, not created yet (the app creates it). */
export function freshDatabaseUrl(prefix: string): URL {
  const database = new URL(POSTGRESQL_SERVER);
  database.pathname = `/${prefix}_${randomBytes(5).toString('hex')}`;
  return database;
}

/** A bare connection to one database of the server, for plain SQL; close it with `orm.close(true)`. */
export function connectPostgresql(database: URL | string): Promise<MikroORM> {
  return MikroORM.init({ clientUrl: database.toString(), entities: [], discovery: { warnWhenNoEntities: false }, allowGlobalContext: true });
}

/** Drops a database made by freshDatabaseUrl, ending the connections still open to it. */
export async function dropDatabase(database: URL): Promise<void> {
  const admin = new URL(POSTGRESQL_SERVER);
  admin.pathname = '/postgres';
  const orm = await connectPostgresql(admin);
  await orm.em.getConnection().execute(`drop database if exists "${database.pathname.slice(1)}" with (force)`).finally(() => orm.close(true));
}
