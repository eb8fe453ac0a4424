/**
 * Prints the DDL that the entities need beyond the last migration, for SQLite and for PostgreSQL:
 * the body of the next migration (`npm run schema:diff -w @assay/api`). Both databases are
 * scratch ones: SQLite in memory, and a PostgreSQL database created and dropped here, on the
 * server of TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import { migrate, openDatabase } from '../db.js';
import { parseDatabaseUrl } from '../env.js';

const server = new URL(process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres');
server.pathname = `/assay_diff_${randomBytes(4).toString('hex')}`;

for (const url of ['sqlite::memory:', server.toString()]) {
  const target = parseDatabaseUrl(url);
  const orm = await openDatabase(target);
  try {
    await migrate(orm, target);
    const sql = (await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim();
    console.log(`-- ${target.kind}: ${sql === '' ? 'no difference' : 'statements for the next migration'}`);
    if (sql !== '') console.log(sql);
  } finally {
    if (target.kind === 'postgresql') await orm.schema.dropDatabase(target.dbName);
    await orm.close(true);
  }
}
