import { describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password.js';
import { Role } from '../src/auth/roles.js';
import { Membership } from '../src/entities/membership.entity.js';
import { Organisation } from '../src/entities/organisation.entity.js';
import { User } from '../src/entities/user.entity.js';
import { SoaEntry } from '../src/entities/soa-entry.entity.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const ENTRY_FIELDS = 'controlId control { id title objectiveId objectiveTitle } applicable justification implementationStatus owner dueDate implementedDate version';
const UPDATE = `mutation($controlId: String!, $input: UpdateSoaEntryInput!) { updateSoaEntry(controlId: $controlId, input: $input) { ${ENTRY_FIELDS} } }`;

interface Entry {
  controlId: string;
  control: { objectiveId: string; objectiveTitle: string; title: string };
  applicable: boolean;
  justification: string | null;
  implementationStatus: string;
  version: number;
}

describe.each(databases.available)('Statement of Applicability on $name', (database) => {
  const demo = useDemoApi(database);

  it('lists all 38 Annex A controls in catalogue order with the demo decisions', async () => {
    const result = await demo.api.graphql<{ controls: { nodes: Entry[] } }>(`{ controls { nodes { ${ENTRY_FIELDS} } } }`, {}, demo.executive);
    const entries = result.data?.controls.nodes ?? [];
    expect(entries).toHaveLength(38);
    expect(entries[0]).toMatchObject({ controlId: 'A.2.2', control: { objectiveId: 'A.2', objectiveTitle: 'Policies related to AI', title: 'AI policy' }, version: 1 });
    expect(entries.at(-1)?.controlId).toBe('A.10.4');
    const excluded = entries.filter((entry) => !entry.applicable);
    expect(excluded.map((entry) => entry.controlId)).toEqual(['A.10.4']);
    expect(excluded[0]?.justification).toContain('supplies no AI system');
  });

  it('shows where each control meets the other frameworks', async () => {
    const result = await demo.api.graphql<{ controls: { nodes: { controlId: string; control: { crosswalk: { framework: string; ref: string; basis: string; source: string | null }[] } }[] } }>(
      `{ controls { nodes { controlId control { crosswalk { framework ref basis source } } } } }`,
      {},
      demo.executive,
    );
    const a622 = result.data?.controls.nodes.find((entry) => entry.controlId === 'A.6.2.2');
    expect(a622?.control.crosswalk).toContainEqual(expect.objectContaining({ framework: 'nist-ai-rmf', ref: 'MAP 1.6', basis: 'published' }));
    expect(a622?.control.crosswalk).toContainEqual(expect.objectContaining({ framework: 'eu-ai-act', ref: 'Art 9', basis: 'proposed', source: null }));
    expect(a622?.control.crosswalk).toContainEqual(expect.objectContaining({ framework: 'iso27001', ref: 'A.8.25' }));
  });

  it('shows an organisation that has decided nothing as applicable and not started, version 0', async () => {
    const em = demo.api.orm.em.fork();
    const other = em.create(Organisation, { name: 'Fresh organisation' });
    const user = em.create(User, { email: 'fresh@example.com', name: 'Fresh', passwordHash: await hashPassword('fresh-password') });
    em.create(Membership, { user, organisation: other, role: Role.ADMIN });
    await em.flush();
    const token = await demo.api.signIn('fresh@example.com', 'fresh-password');
    const result = await demo.api.graphql<{ controls: { nodes: Entry[] } }>(`{ controls { nodes { ${ENTRY_FIELDS} } } }`, {}, token);
    const entries = result.data?.controls.nodes ?? [];
    expect(entries).toHaveLength(38);
    expect(entries.every((entry) => entry.applicable && entry.implementationStatus === 'NOT_STARTED' && entry.version === 0)).toBe(true);
    // Reading created no rows.
    expect(await demo.api.orm.em.fork().count(SoaEntry, { organisation: other.id })).toBe(0);
    // The first decision is made against version 0.
    const first = await demo.api.graphql<{ updateSoaEntry: Entry }>(UPDATE, { controlId: 'A.4.3', input: { expectedVersion: 0, implementationStatus: 'PLANNED' } }, token);
    expect(first.data?.updateSoaEntry).toMatchObject({ implementationStatus: 'PLANNED', version: 1 });
  });

  it('records a decision, then refuses an edit based on a stale version', async () => {
    const first = await demo.api.graphql<{ updateSoaEntry: Entry }>(UPDATE, { controlId: 'A.6.2.4', input: { expectedVersion: 1, implementationStatus: 'VERIFIED', implementedDate: '2026-11-20' } }, demo.admin);
    expect(first.errors).toBeUndefined();
    expect(first.data?.updateSoaEntry).toMatchObject({ controlId: 'A.6.2.4', implementationStatus: 'VERIFIED', version: 2 });
    const stale = await demo.api.graphql(UPDATE, { controlId: 'A.6.2.4', input: { expectedVersion: 1, owner: 'Someone' } }, demo.admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('requires a justification to exclude a control, and stores nothing without one', async () => {
    const before = await demo.api.orm.em.fork().findOneOrFail(SoaEntry, { controlId: 'A.9.3' });
    const refused = await demo.api.graphql(UPDATE, { controlId: 'A.9.3', input: { expectedVersion: before.version, applicable: false, justification: '  ' } }, demo.admin);
    expect(refused.errors?.[0]).toMatchObject({ message: 'justification must explain why A.9.3 is excluded', extensions: { code: 'BAD_USER_INPUT', field: 'justification' } });
    const after = await demo.api.orm.em.fork().findOneOrFail(SoaEntry, { controlId: 'A.9.3' });
    expect({ applicable: after.applicable, version: after.version }).toEqual({ applicable: true, version: before.version });
  });

  it.each([
    ['A.5.1.1', { expectedVersion: 1 }, 'controlId', 'controlId names no Annex A control: "A.5.1.1" (expected an id such as A.6.2.4)'],
    ['A.2.2', { expectedVersion: 1, dueDate: '31/12/2026' }, 'dueDate', 'dueDate must be a date as YYYY-MM-DD, got "31/12/2026"'],
    ['A.2.2', { expectedVersion: 1, implementationStatus: null }, 'implementationStatus', 'implementationStatus must not be null; leave it out to keep the current value'],
  ])('rejects %s %j naming the field', async (controlId, input, field, message) => {
    const result = await demo.api.graphql(UPDATE, { controlId, input }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
  });

  it('keeps the demo.executive read-only', async () => {
    const result = await demo.api.graphql(UPDATE, { controlId: 'A.2.2', input: { expectedVersion: 1, owner: 'Board' } }, demo.executive);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
