import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/auth/roles.js';
import { openSession } from '../src/auth/sessions.js';
import { type Orm, migrate, openDatabase } from '../src/db.js';
import { AiSystem } from '../src/entities/ai-system.entity.js';
import { Membership } from '../src/entities/membership.entity.js';
import { PredictionImport } from '../src/entities/prediction-import.entity.js';
import { SignInFailure } from '../src/entities/sign-in-failure.entity.js';
import type { DatabaseTarget } from '../src/env.js';
import { entities } from '../src/entities/index.js';
import { seedDemoIfEmpty } from '../src/seed/demo.js';
import { removeTestDatabase, testDatabases } from './support/databases.js';

const databases = await testDatabases();

describe.each(databases.available)('unit of work on $name', (database) => {
  let orm: Orm;
  let target: DatabaseTarget;

  beforeAll(async () => {
    target = database.create();
    orm = await openDatabase(target);
    await migrate(orm, target);
    await seedDemoIfEmpty(orm.em.fork());
    // The seed opens no session and imports no prediction log; add both so every table has a row to read.
    const em = orm.em.fork();
    const membership = await em.findOneOrFail(Membership, { role: Role.ADMIN }, { populate: ['organisation'] });
    await openSession(em, membership, 1);
    // Nor does it import a prediction log.
    const aiSystem = await em.findOneOrFail(AiSystem, { organisation: membership.organisation }, { orderBy: { name: 'asc' } });
    em.create(SignInFailure, { emailHash: 'f'.repeat(64) });
    await em.persist(em.create(PredictionImport, { organisation: membership.organisation, aiSystem, sha256: '0'.repeat(64), rows: 1, windows: 1 })).flush();
  });
  afterAll(async () => {
    if (target.kind === 'postgresql') await orm.schema.dropDatabase(target.dbName).catch(() => undefined);
    await orm.close(true);
    removeTestDatabase(target);
  });

  // A record read and flushed unchanged must not be written: a spurious UPDATE would bump its
  // version and make the next honest edit look like a conflict.
  it.each(entities.map((entity) => [entity.name, entity] as const))('writes nothing for unchanged %s rows', async (_name, entity) => {
    const em = orm.em.fork();
    const rows = await em.find(entity as never, {});
    const unitOfWork = em.getUnitOfWork();
    unitOfWork.computeChangeSets();
    expect(rows.length).toBeGreaterThan(0);
    expect(unitOfWork.getChangeSets().map((changeSet) => changeSet.payload)).toEqual([]);
  });
});
