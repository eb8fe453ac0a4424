/**
 * Checks the hash chain of every organisation's audit log in the database of DATABASE_URL (or
 * --database-url), and reports the first altered, inserted or deleted entry:
 *
 *   npm run audit:verify [-- --database-url URL]
 *
 * Exits with 0 when every chain is intact and 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { verifyChain } from '../audit/verify-chain.js';
import { openDatabase } from '../db.js';
import { Organisation } from '../entities/organisation.entity.js';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../env.js';
import { ConfigError } from '../errors.js';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' } } });
let status = 0;
try {
  const target = parseDatabaseUrl(values['database-url'] ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  const orm = await openDatabase(target);
  try {
    const em = orm.em.fork();
    for (const organisation of await em.find(Organisation, {}, { orderBy: { name: 'asc' } })) {
      const check = await verifyChain(em, organisation.id);
      if (check.intact) process.stdout.write(`${organisation.name}: intact, ${check.entries} entries\n`);
      else {
        status = 1;
        process.stdout.write(`${organisation.name}: BROKEN at entry ${check.brokenAt}: ${check.problem}\n`);
      }
    }
  } finally {
    await orm.close(true);
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`audit:verify: ${error.message}\n`);
  status = 1;
}
process.exitCode = status;
