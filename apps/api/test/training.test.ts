import { describe, expect, it } from 'vitest';
import { TrainingRecord } from '../src/entities/training-record.entity.js';
import { addDays } from '../src/services/dates.js';
import { DEMO_TRAINING } from '../src/seed/demo.js';
import { expiryFlags } from '../src/services/training-expiry.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

describe('expiryFlags (due soon = within 30 days)', () => {
  // expiresOn is the last valid day: expired from the day after, due soon from 30 days before.
  it.each([
    [null, false, false],
    ['2026-06-14', true, false], // yesterday
    ['2026-06-15', false, true], // today, still valid
    ['2026-07-15', false, true], // 30 days ahead
    ['2026-07-16', false, false], // 31 days ahead
    ['2025-01-01', true, false],
  ] as const)('for %s on 2026-06-15: expired %s, due soon %s', (expiresOn, expired, dueSoon) => {
    expect(expiryFlags(expiresOn, '2026-06-15')).toEqual({ expired, dueSoon });
  });

  it('counts across a month and a leap day', () => {
    // 2024-02-15 + 30 days = 2024-03-16 (February 2024 has 29 days).
    expect(expiryFlags('2024-03-16', '2024-02-15').dueSoon).toBe(true);
    expect(expiryFlags('2024-03-17', '2024-02-15').dueSoon).toBe(false);
  });
});

const FIELDS = 'id person role competence completedOn expiresOn evidenceLocation expired dueSoon version';

interface RecordView {
  id: string;
  person: string;
  competence: string;
  completedOn: string;
  expiresOn: string | null;
  expired: boolean;
  dueSoon: boolean;
  version: number;
}

describe.each(databases.available)('training records on $name', (database) => {
  const demo = useDemoApi(database);
  const today = new Date().toISOString().slice(0, 10);

  async function create(input: Record<string, unknown>) {
    return demo.api.graphql<{ createTrainingRecord: RecordView }>(`mutation($input: CreateTrainingRecordInput!) { createTrainingRecord(input: $input) { ${FIELDS} } }`, { input }, demo.admin);
  }

  it('shows the seeded records to every member, with one expired and one due soon', async () => {
    const result = await demo.api.graphql<{ trainingRecords: { nodes: RecordView[] } }>(`{ trainingRecords { nodes { ${FIELDS} } } }`, {}, demo.executive);
    expect(result.errors).toBeUndefined();
    const records = result.data!.trainingRecords.nodes;
    expect(records).toHaveLength(DEMO_TRAINING.length);
    // By person, as listed.
    expect(records.map((record) => record.person)).toEqual([...DEMO_TRAINING.map((record) => record.person)].sort());
    // Completed 420 days ago and valid for 365: expired 55 days ago. Completed 345 days ago: 20 days left.
    expect(records.filter((record) => record.expired).map((record) => record.person)).toEqual(['Tomás Alvarez']);
    expect(records.filter((record) => record.dueSoon).map((record) => record.person)).toEqual(['Priya Raman']);
    expect(records.find((record) => record.person === 'Tomás Alvarez')?.expiresOn).toBe(addDays(addDays(today, -420), 365));
    expect(records.find((record) => record.person === 'Jonas Berg')).toMatchObject({ expiresOn: null, expired: false, dueSoon: false });
  });

  it('creates, reads, renews and deletes a record, flagging expiry against today', async () => {
    const created = await create({ person: '  Lena Fischer ', role: 'Data Scientist', competence: 'Data provenance for AI (A.7.5)', completedOn: addDays(today, -360), expiresOn: addDays(today, 10), evidenceLocation: 'lms://course/4711' });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createTrainingRecord).toMatchObject({ person: 'Lena Fischer', expired: false, dueSoon: true, version: 1 });
    const id = created.data!.createTrainingRecord.id;

    const lapsed = await demo.api.graphql<{ updateTrainingRecord: RecordView }>(`mutation($id: ID!, $on: String!) { updateTrainingRecord(id: $id, input: { expectedVersion: 1, expiresOn: $on }) { ${FIELDS} } }`, { id, on: addDays(today, -1) }, demo.admin);
    expect(lapsed.data?.updateTrainingRecord).toMatchObject({ expired: true, dueSoon: false, version: 2 });

    // Renewed: completed again today, and no longer expires.
    const renewed = await demo.api.graphql<{ updateTrainingRecord: RecordView }>(`mutation($id: ID!, $on: String!) { updateTrainingRecord(id: $id, input: { expectedVersion: 2, completedOn: $on, expiresOn: null }) { ${FIELDS} } }`, { id, on: today }, demo.admin);
    expect(renewed.data?.updateTrainingRecord).toMatchObject({ completedOn: today, expiresOn: null, expired: false, dueSoon: false, version: 3 });

    const fetched = await demo.api.graphql<{ trainingRecord: RecordView }>(`query($id: ID!) { trainingRecord(id: $id) { ${FIELDS} } }`, { id }, demo.executive);
    expect(fetched.data?.trainingRecord).toMatchObject({ competence: 'Data provenance for AI (A.7.5)', version: 3 });

    const deleted = await demo.api.graphql<{ deleteTrainingRecord: boolean }>(`mutation($id: ID!) { deleteTrainingRecord(id: $id) }`, { id }, demo.admin);
    expect(deleted.data?.deleteTrainingRecord).toBe(true);
    expect((await demo.api.graphql(`query($id: ID!) { trainingRecord(id: $id) { id } }`, { id }, demo.admin)).data).toEqual({ trainingRecord: null });
  });

  it.each([
    [{ person: '' }, 'person', 'person must not be empty'],
    [{ role: 'r'.repeat(201) }, 'role', 'role must be at most 200 characters, got 201'],
    [{ completedOn: '2026-02-29' }, 'completedOn', 'completedOn must be a date as YYYY-MM-DD, got "2026-02-29"'],
    [{ expiresOn: '2026-03-31' }, 'expiresOn', 'expiresOn must not be before completedOn (2026-04-01), got 2026-03-31'],
    [{ evidenceLocation: 'x'.repeat(1001) }, 'evidenceLocation', 'evidenceLocation must be at most 1000 characters, got 1001'],
  ])('rejects %j naming the field, and stores nothing', async (change, field, message) => {
    const before = await demo.api.orm.em.fork().count(TrainingRecord, {});
    const result = await create({ person: 'P', role: 'R', competence: 'C', completedOn: '2026-04-01', ...change });
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await demo.api.orm.em.fork().count(TrainingRecord, {})).toBe(before);
  });

  it('refuses an update that would expire a record before it was completed, changing nothing', async () => {
    const created = await create({ person: 'P', role: 'R', competence: 'C', completedOn: '2026-04-01', expiresOn: '2027-04-01' });
    const id = created.data!.createTrainingRecord.id;
    const result = await demo.api.graphql(`mutation($id: ID!) { updateTrainingRecord(id: $id, input: { expectedVersion: 1, completedOn: "2027-05-01" }) { id } }`, { id }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message: 'expiresOn must not be before completedOn (2027-05-01), got 2027-04-01', extensions: { code: 'BAD_USER_INPUT', field: 'expiresOn' } });
    const stored = await demo.api.orm.em.fork().findOneOrFail(TrainingRecord, { id });
    expect({ completedOn: stored.completedOn, version: stored.version }).toEqual({ completedOn: '2026-04-01', version: 1 });
  });

  it('refuses an edit based on a stale version as a conflict', async () => {
    const created = await create({ person: 'P', role: 'R', competence: 'C', completedOn: '2026-04-01' });
    const id = created.data!.createTrainingRecord.id;
    const edit = (role: string) => demo.api.graphql(`mutation($id: ID!, $role: String!) { updateTrainingRecord(id: $id, input: { expectedVersion: 1, role: $role }) { version } }`, { id, role }, demo.admin);
    expect((await edit('Reviewer')).errors).toBeUndefined();
    const stale = await edit('Approver');
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await demo.api.orm.em.fork().findOneOrFail(TrainingRecord, { id })).role).toBe('Reviewer');
  });

  it('keeps the executive read-only', async () => {
    const [record] = (await demo.api.graphql<{ trainingRecords: { nodes: { id: string }[] } }>(`{ trainingRecords { nodes { id } } }`, {}, demo.executive)).data!.trainingRecords.nodes;
    const attempts = [
      [`mutation { createTrainingRecord(input: { person: "p", role: "r", competence: "c", completedOn: "2026-01-01" }) { id } }`, {}],
      [`mutation($id: ID!) { updateTrainingRecord(id: $id, input: { expectedVersion: 1, role: "x" }) { id } }`, { id: record!.id }],
      [`mutation($id: ID!) { deleteTrainingRecord(id: $id) }`, { id: record!.id }],
    ] as const;
    for (const [query, variables] of attempts) {
      expect((await demo.api.graphql(query, variables, demo.executive)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await demo.api.orm.em.fork().count(TrainingRecord, { id: record!.id })).toBe(1);
  });
});
