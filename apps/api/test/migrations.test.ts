import { afterEach, describe, expect, it } from 'vitest';
import { type Orm, migrate, openDatabase } from '../src/db.js';
import type { DatabaseTarget } from '../src/env.js';
import { removeTestDatabase, testDatabases } from './support/databases.js';

const databases = await testDatabases();

describe.each(databases.available)('migrations on $name', (database) => {
  let orm: Orm | undefined;
  let target: DatabaseTarget;

  afterEach(async () => {
    if (orm && target.kind === 'postgresql') await orm.schema.dropDatabase(target.dbName).catch(() => undefined);
    await orm?.close(true);
    orm = undefined;
    removeTestDatabase(target);
  });

  it('gives every risk of an older database its current rating as first assessment', async () => {
    target = database.create();
    orm = await openDatabase(target);
    // The database as the first release left it: one organisation with two risks.
    await orm.getMigrator().up({ to: 'Migration20261128000000_initial' });
    const connection = orm.em.getConnection();
    const now = new Date('2026-11-01T09:00:00.000Z');
    await connection.execute('insert into organisation (id, name, created_at) values (?, ?, ?)', ['0b9c1f3e-9a53-4c1e-9d0a-6f0c2a1b3c4d', 'Older', now]);
    for (const [id, likelihood, impact, level] of [
      ['6e4f1c2a-1111-4a2b-8c3d-000000000001', 4, 5, 'Critical'],
      ['6e4f1c2a-1111-4a2b-8c3d-000000000002', 1, 2, 'Low'],
    ] as const) {
      await connection.execute(
        'insert into risk (id, organisation_id, title, likelihood, impact, score, level, within_appetite, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
        [id, '0b9c1f3e-9a53-4c1e-9d0a-6f0c2a1b3c4d', `Risk ${id.slice(-1)}`, likelihood, impact, likelihood * impact, level, likelihood * impact <= 4, now, now],
      );
    }

    expect(await migrate(orm, target)).toEqual([
      'Migration20261128120000_risk_assessments',
      'Migration20261128130000_ai_systems',
      'Migration20261128140000_statement_of_applicability',
      'Migration20261128150000_evidence',
      'Migration20261128160000_incidents',
      'Migration20261128170000_audits',
      'Migration20261128180000_risk_sources_and_controls',
      'Migration20261128190000_organisation_context',
      'Migration20261128200000_management_reviews',
      'Migration20261128210000_policies',
      'Migration20261129010000_fairness_windows',
      'Migration20261129020000_certification_plan',
      'Migration20261129030000_fairness_thresholds',
      'Migration20261129040000_prediction_imports',
      'Migration20261129050000_impact_assessments',
      'Migration20261129060000_objectives_training_suppliers',
      'Migration20261129070000_api_tokens',
      'Migration20261129080000_audit_log',
      'Migration20261129090000_sign_in_failures',
      'Migration20261129100000_risk_criteria',
      'Migration20261129110000_ai_act_classification',
      'Migration20261129120000_membership_management',
      'Migration20261129190000_fairness_window_updated_at',
    ]);

    const rows = (await connection.execute(
      'select a.risk_id, a.score, a.level, r.status from risk_assessment a join risk r on r.id = a.risk_id order by a.score desc',
    )) as { risk_id: string; score: number; level: string; status: string }[];
    expect(rows.map((row) => ({ ...row, score: Number(row.score) }))).toEqual([
      { risk_id: '6e4f1c2a-1111-4a2b-8c3d-000000000001', score: 20, level: 'Critical', status: 'identified' },
      { risk_id: '6e4f1c2a-1111-4a2b-8c3d-000000000002', score: 2, level: 'Low', status: 'identified' },
    ]);
    // The back-filled ids are unique UUIDs on both databases.
    const ids = (await connection.execute('select id from risk_assessment')) as { id: string }[];
    expect(new Set(ids.map((row) => row.id)).size).toBe(2);
    for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps findings and their corrective actions when findings may come without an audit', async () => {
    target = database.create();
    orm = await openDatabase(target);
    await orm.getMigrator().up({ to: 'Migration20261129020000_certification_plan' });
    const connection = orm.em.getConnection();
    const organisation = '0b9c1f3e-9a53-4c1e-9d0a-6f0c2a1b3c4d';
    const audit = '0b9c1f3e-9a53-4c1e-9d0a-00000000a001';
    const finding = '0b9c1f3e-9a53-4c1e-9d0a-00000000f001';
    await connection.execute('insert into organisation (id, name, created_at) values (?, ?, ?)', [organisation, 'Older', new Date('2026-11-01T09:00:00Z')]);
    await connection.execute('insert into audit (id, organisation_id, title, planned_on, status, version, created_at) values (?, ?, ?, ?, ?, 1, ?)', [audit, organisation, 'Audit 2026', '2026-10-01', 'completed', new Date('2026-10-01T09:00:00Z')]);
    await connection.execute('insert into finding (id, organisation_id, audit_id, kind, description, raised_on, status, version) values (?, ?, ?, ?, ?, ?, ?, 1)', [finding, organisation, audit, 'minor-nonconformity', 'Logs kept 90 days', '2026-10-02', 'open']);
    await connection.execute('insert into corrective_action (id, organisation_id, finding_id, description, due_date, version) values (?, ?, ?, ?, ?, 1)', ['0b9c1f3e-9a53-4c1e-9d0a-00000000c001', organisation, finding, 'Raise retention', '2026-11-15']);

    await migrate(orm, target);

    const findings = (await connection.execute('select id, audit_id, source from finding')) as { id: string; audit_id: string; source: string }[];
    expect(findings).toEqual([{ id: finding, audit_id: audit, source: 'audit' }]);
    const actions = (await connection.execute('select finding_id from corrective_action')) as { finding_id: string }[];
    expect(actions).toEqual([{ finding_id: finding }]);
    // A finding raised by monitoring has no audit.
    await connection.execute('insert into finding (id, organisation_id, kind, description, raised_on, status, version, source) values (?, ?, ?, ?, ?, ?, 1, ?)', ['0b9c1f3e-9a53-4c1e-9d0a-00000000f002', organisation, 'minor-nonconformity', 'Threshold breached', '2026-11-20', 'open', 'monitoring']);
    if (target.kind === 'sqlite') {
      // Foreign keys are back on: deleting the audit still removes its finding and that finding's action.
      expect(await connection.execute('pragma foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect(await connection.execute('pragma foreign_key_check')).toEqual([]);
    }
    await connection.execute('delete from audit where id = ?', [audit]);
    expect(await connection.execute('select count(*) as n from corrective_action')).toEqual([{ n: target.kind === 'sqlite' ? 0 : '0' }]);
  });
});
