import { describe, expect, it } from 'vitest';
import { AiSystem } from '../src/entities/ai-system.entity.js';
import { Supplier } from '../src/entities/supplier.entity.js';
import { DEMO_SUPPLIERS } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const FIELDS = 'id name supplies aiSystems { id name } contractReference dueDiligenceStatus lastAssessedOn nextReviewOn reviewOverdue responsibilities notes version';
const NOBODY = '00000000-0000-4000-8000-000000000000';

interface SupplierView {
  id: string;
  name: string;
  supplies: string[];
  aiSystems: { id: string; name: string }[];
  dueDiligenceStatus: string;
  lastAssessedOn: string | null;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  version: number;
}

describe.each(databases.available)('suppliers on $name', (database) => {
  const demo = useDemoApi(database);

  async function systemIds(): Promise<Map<string, string>> {
    const result = await demo.api.graphql<{ aiSystems: { nodes: { id: string; name: string }[] } }>(`{ aiSystems { nodes { id name } } }`, {}, demo.admin);
    return new Map(result.data!.aiSystems.nodes.map((system) => [system.name, system.id]));
  }

  async function create(input: Record<string, unknown>) {
    return demo.api.graphql<{ createSupplier: SupplierView }>(`mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { ${FIELDS} } }`, { input }, demo.admin);
  }

  it('shows the seeded suppliers to every member, linked to the AI systems they supply', async () => {
    const result = await demo.api.graphql<{ suppliers: { nodes: SupplierView[] } }>(`{ suppliers { nodes { ${FIELDS} } } }`, {}, demo.executive);
    expect(result.errors).toBeUndefined();
    expect(result.data?.suppliers.nodes.map((supplier) => supplier.name)).toEqual(DEMO_SUPPLIERS.map((supplier) => supplier.name).sort());
    const byName = new Map(result.data!.suppliers.nodes.map((supplier) => [supplier.name, supplier]));
    expect(byName.get('Document OCR supplier')).toMatchObject({ supplies: ['MODEL', 'SERVICE'], aiSystems: [{ name: 'Income document reader' }], dueDiligenceStatus: 'APPROVED', reviewOverdue: false });
    expect(byName.get('General-purpose model provider')).toMatchObject({ aiSystems: [{ name: 'Customer assistant' }], dueDiligenceStatus: 'ASSESSED', reviewOverdue: false });
    // Its next review was due 35 days before the seed day.
    expect(byName.get('HR software supplier')).toMatchObject({ aiSystems: [{ name: 'CV screening model' }], reviewOverdue: true });
  });

  it('creates a supplier for two systems, changes its links and due diligence, and deletes it', async () => {
    const ids = await systemIds();
    const credit = ids.get('Credit decisioning model')!;
    const fraud = ids.get('Fraud detection model')!;
    const created = await create({
      name: ' Bureau data supplier ',
      supplies: ['DATA', 'SERVICE', 'DATA'],
      aiSystemIds: [fraud, credit, fraud],
      contractReference: 'DATA-2026-04',
      responsibilities: 'The bureau keeps provenance records (A.7.5); Northwind checks data quality on receipt (A.7.4).',
    });
    expect(created.errors).toBeUndefined();
    // Kinds in the catalogue's order, systems by name, each once.
    expect(created.data?.createSupplier).toMatchObject({
      name: 'Bureau data supplier',
      supplies: ['DATA', 'SERVICE'],
      aiSystems: [{ name: 'Credit decisioning model' }, { name: 'Fraud detection model' }],
      dueDiligenceStatus: 'NOT_ASSESSED',
      lastAssessedOn: null,
      reviewOverdue: false,
      version: 1,
    });
    const id = created.data!.createSupplier.id;

    const assessed = await demo.api.graphql<{ updateSupplier: SupplierView }>(
      `mutation($id: ID!, $systems: [ID!]) { updateSupplier(id: $id, input: { expectedVersion: 1, dueDiligenceStatus: APPROVED, lastAssessedOn: "2026-03-01", nextReviewOn: "2026-09-01", aiSystemIds: $systems }) { ${FIELDS} } }`,
      { id, systems: [credit] },
      demo.admin,
    );
    expect(assessed.errors).toBeUndefined();
    // The review fell due on 1 September 2026, before the day the suite runs.
    expect(assessed.data?.updateSupplier).toMatchObject({ dueDiligenceStatus: 'APPROVED', aiSystems: [{ name: 'Credit decisioning model' }], reviewOverdue: new Date().toISOString().slice(0, 10) > '2026-09-01', version: 2 });

    // Changing the links alone is an edit too: it gets a new version.
    const unlinked = await demo.api.graphql<{ updateSupplier: SupplierView }>(`mutation($id: ID!) { updateSupplier(id: $id, input: { expectedVersion: 2, aiSystemIds: [] }) { ${FIELDS} } }`, { id }, demo.admin);
    expect(unlinked.data?.updateSupplier).toMatchObject({ aiSystems: [], version: 3 });

    const fetched = await demo.api.graphql<{ supplier: SupplierView }>(`query($id: ID!) { supplier(id: $id) { ${FIELDS} } }`, { id }, demo.executive);
    expect(fetched.data?.supplier).toMatchObject({ name: 'Bureau data supplier', aiSystems: [], lastAssessedOn: '2026-03-01', version: 3 });

    expect((await demo.api.graphql(`mutation($id: ID!) { deleteSupplier(id: $id) }`, { id }, demo.admin)).data).toEqual({ deleteSupplier: true });
    expect((await demo.api.graphql(`query($id: ID!) { supplier(id: $id) { id } }`, { id }, demo.admin)).data).toEqual({ supplier: null });
    // The AI systems stay.
    expect(await demo.api.orm.em.fork().count(AiSystem, { id: { $in: [credit, fraud] } })).toBe(2);
  });

  type Change = (ids: Map<string, string>) => Record<string, unknown>;
  it.each<[string, Change, string, string]>([
    ['an empty name', () => ({ name: ' ' }), 'name', 'name must not be empty'],
    ['nothing supplied', () => ({ supplies: [] }), 'supplies', 'supplies must name at least one of MODEL, DATA, PLATFORM, SERVICE'],
    ['an id that is no UUID', () => ({ aiSystemIds: ['CREDIT', NOBODY] }), 'aiSystemIds', 'aiSystemIds item 1 names no AI system of your organisation: credit'],
    ['an unknown system', (ids) => ({ aiSystemIds: [ids.get('Credit decisioning model'), NOBODY] }), 'aiSystemIds', `aiSystemIds item 2 names no AI system of your organisation: ${NOBODY}`],
    ['approval without an assessment date', () => ({ dueDiligenceStatus: 'APPROVED' }), 'lastAssessedOn', 'lastAssessedOn is required when dueDiligenceStatus is APPROVED'],
    ['a review before the assessment', () => ({ lastAssessedOn: '2026-05-01', nextReviewOn: '2026-04-30' }), 'nextReviewOn', 'nextReviewOn must not be before lastAssessedOn (2026-05-01), got 2026-04-30'],
    ['a date in another format', () => ({ lastAssessedOn: '01/05/2026' }), 'lastAssessedOn', 'lastAssessedOn must be a date as YYYY-MM-DD, got "01/05/2026"'],
    ['a long contract reference', () => ({ contractReference: 'c'.repeat(201) }), 'contractReference', 'contractReference must be at most 200 characters, got 201'],
  ])('rejects %s naming the field, and stores nothing', async (_case, change, field, message) => {
    const input = { name: 'Supplier', supplies: ['MODEL'], ...change(await systemIds()) };
    const before = await demo.api.orm.em.fork().count(Supplier, {});
    const result = await create(input);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await demo.api.orm.em.fork().count(Supplier, {})).toBe(before);
  });

  it('refuses a bad change to the links, leaving the supplier as it was', async () => {
    const ids = await systemIds();
    const created = await create({ name: 'Labelling service', supplies: ['SERVICE'], aiSystemIds: [ids.get('Fraud detection model')] });
    const id = created.data!.createSupplier.id;
    const result = await demo.api.graphql(`mutation($id: ID!, $systems: [ID!]) { updateSupplier(id: $id, input: { expectedVersion: 1, name: "Renamed", aiSystemIds: $systems }) { id } }`, { id, systems: [NOBODY] }, demo.admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'aiSystemIds' });
    const stored = await demo.api.orm.em.fork().findOneOrFail(Supplier, { id }, { populate: ['aiSystems'] });
    expect({ name: stored.name, version: stored.version, systems: stored.aiSystems.getItems().map((system) => system.name) }).toEqual({ name: 'Labelling service', version: 1, systems: ['Fraud detection model'] });
  });

  it('refuses an edit based on a stale version as a conflict', async () => {
    const created = await create({ name: 'Cloud platform', supplies: ['PLATFORM'] });
    const id = created.data!.createSupplier.id;
    const edit = (notes: string) => demo.api.graphql(`mutation($id: ID!, $notes: String) { updateSupplier(id: $id, input: { expectedVersion: 1, notes: $notes }) { version } }`, { id, notes }, demo.admin);
    expect((await edit('Hosts the inference cluster.')).errors).toBeUndefined();
    const stale = await edit('An older idea');
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await demo.api.orm.em.fork().findOneOrFail(Supplier, { id })).notes).toBe('Hosts the inference cluster.');
  });

  it('keeps the executive read-only', async () => {
    const [supplier] = (await demo.api.graphql<{ suppliers: { nodes: { id: string }[] } }>(`{ suppliers { nodes { id } } }`, {}, demo.executive)).data!.suppliers.nodes;
    const attempts = [
      [`mutation { createSupplier(input: { name: "s", supplies: [DATA] }) { id } }`, {}],
      [`mutation($id: ID!) { updateSupplier(id: $id, input: { expectedVersion: 1, notes: "x" }) { id } }`, { id: supplier!.id }],
      [`mutation($id: ID!) { deleteSupplier(id: $id) }`, { id: supplier!.id }],
    ] as const;
    for (const [query, variables] of attempts) {
      expect((await demo.api.graphql(query, variables, demo.executive)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await demo.api.orm.em.fork().count(Supplier, { id: supplier!.id })).toBe(1);
  });
});
