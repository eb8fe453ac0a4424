import { describe, expect, it } from 'vitest';
import { Evidence } from '../src/entities/evidence.entity.js';
import { DEMO_EVIDENCE } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const FIELDS = 'id title location owner collectedOn validUntil expired controlIds clauseIds version alsoServes { framework ref basis }';

interface EvidenceRow {
  id: string;
  title: string;
  validUntil: string | null;
  expired: boolean;
  controlIds: string[];
  clauseIds: string[];
  version: number;
  alsoServes: { framework: string; ref: string; basis: string }[];
}

describe.each(databases.available)('evidence on $name', (database) => {
  const demo = useDemoApi(database);

  it('lists the seeded evidence, flags what expired, and filters by control', async () => {
    const all = await demo.api.graphql<{ evidence: { nodes: EvidenceRow[] } }>(`{ evidence { nodes { ${FIELDS} } } }`, {}, demo.executive);
    expect(all.data?.evidence.nodes.map((row) => row.title)).toEqual([...DEMO_EVIDENCE.map((row) => row.title)].sort());
    // Valid until 2026-09-01: expired on any date after it (the suite runs after that day).
    expect(all.data?.evidence.nodes.find((row) => row.title.startsWith('Inference event log'))?.expired).toBe(true);
    expect(all.data?.evidence.nodes.find((row) => row.title.startsWith('Internal audit programme'))).toMatchObject({ validUntil: null, expired: false });
    const forControl = await demo.api.graphql<{ evidence: { nodes: EvidenceRow[] } }>(`{ evidence(filter: { controlId: "A.6.2.4" }) { nodes { title } } }`, {}, demo.executive);
    expect(forControl.data?.evidence.nodes.map((row) => row.title)).toEqual(['Credit model validation report Q3']);
  });

  it('shows what one piece of evidence also serves through the crosswalk', async () => {
    const created = await demo.api.graphql<{ createEvidence: EvidenceRow }>(
      `mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { ${FIELDS} } }`,
      { input: { title: 'Supplier AI clauses in the OCR contract', controlIds: ['A.10.3', 'A.10.3 '], clauseIds: [], collectedOn: '2026-11-02', validUntil: '2027-11-01' } },
      demo.admin,
    );
    expect(created.errors).toBeUndefined();
    const evidence = created.data?.createEvidence;
    expect(evidence?.controlIds).toEqual(['A.10.3']);
    // A.10.3 meets 27001 A.5.19–A.5.22, AI Act Art 25 and Art 53, and NIST GOVERN 6.1 among others.
    expect(evidence?.alsoServes).toContainEqual({ framework: 'iso27001', ref: 'A.5.19', basis: 'proposed' });
    expect(evidence?.alsoServes).toContainEqual({ framework: 'eu-ai-act', ref: 'Art 25', basis: 'proposed' });
    expect(evidence?.alsoServes).toContainEqual({ framework: 'nist-ai-rmf', ref: 'GOVERN 6.1', basis: 'proposed' });

    const update = `mutation($id: ID!, $input: UpdateEvidenceInput!) { updateEvidence(id: $id, input: $input) { ${FIELDS} } }`;
    const changed = await demo.api.graphql<{ updateEvidence: EvidenceRow }>(update, { id: evidence?.id, input: { expectedVersion: 1, clauseIds: ['8.1'] } }, demo.admin);
    expect(changed.data?.updateEvidence).toMatchObject({ clauseIds: ['8.1'], version: 2 });
    const stale = await demo.api.graphql(update, { id: evidence?.id, input: { expectedVersion: 1, title: 'x' } }, demo.admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it.each([
    [{ title: 'x', controlIds: ['A.2.2', 'A.5.1.1'] }, 'controlIds', 'controlIds item 2 names no Annex A control: "A.5.1.1"'],
    [{ title: 'x', clauseIds: ['11.1'] }, 'clauseIds', 'clauseIds item 1 names no clause of ISO/IEC 42001: "11.1"'],
    [{ title: 'x', collectedOn: '2026-05-01', validUntil: '2026-04-30' }, 'validUntil', 'validUntil must not be before collectedOn (2026-05-01), got 2026-04-30'],
    [{ title: ' ' }, 'title', 'title must not be empty'],
  ])('rejects %j naming the field, and stores nothing', async (input, field, message) => {
    const before = await demo.api.orm.em.fork().count(Evidence, {});
    const result = await demo.api.graphql(`mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }`, { input }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await demo.api.orm.em.fork().count(Evidence, {})).toBe(before);
  });

  it('keeps executives read-only, naming the roles that may record evidence (auditors included)', async () => {
    const result = await demo.api.graphql(`mutation { createEvidence(input: { title: "Board minutes" }) { id } }`, {}, demo.executive);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain('auditor');
  });
});
