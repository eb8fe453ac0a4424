import { describe, expect, it } from 'vitest';
import { AiSystem } from '../src/entities/ai-system.entity.js';
import { Organisation } from '../src/entities/organisation.entity.js';
import { DEMO_AI_SYSTEMS, DEMO_RISKS } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const SYSTEM_FIELDS = 'id name purpose intendedUse lifeCycleStage organisationRole owner supplier euAiActTier tierRationale version';

describe.each(databases.available)('AI system inventory on $name', (database) => {
  const demo = useDemoApi(database);

  it('lists the seeded systems by name, each with its risks', async () => {
    const result = await demo.api.graphql<{ aiSystems: { nodes: { name: string; euAiActTier: string; risks: { title: string; aiSystem: { name: string } }[] }[] } }>(
      `{ aiSystems { nodes { name euAiActTier risks { title aiSystem { name } } } } }`,
      {},
      demo.executive,
    );
    const systems = result.data?.aiSystems.nodes ?? [];
    expect(systems.map((system) => system.name)).toEqual([...DEMO_AI_SYSTEMS.map((system) => system.name)].sort());
    const credit = systems.find((system) => system.name === 'Credit decisioning model');
    expect(credit?.euAiActTier).toBe('HIGH_RISK');
    const expected = DEMO_RISKS.filter((risk) => risk.system === 'Credit decisioning model').map((risk) => risk.title);
    expect(credit?.risks.map((risk) => risk.title).sort()).toEqual([...expected].sort());
    expect(credit?.risks.every((risk) => risk.aiSystem.name === 'Credit decisioning model')).toBe(true);
  });

  it('creates and updates a system, refusing a stale version', async () => {
    const created = await demo.api.graphql<{ createAiSystem: { id: string; version: number; lifeCycleStage: string; euAiActTier: string } }>(
      `mutation($input: CreateAiSystemInput!) { createAiSystem(input: $input) { ${SYSTEM_FIELDS} } }`,
      { input: { name: ' Collections prioritiser ', organisationRole: 'PROVIDER', purpose: 'Orders overdue accounts for contact.', lifeCycleStage: 'DESIGN_DEVELOPMENT' } },
      demo.admin,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createAiSystem).toMatchObject({ name: 'Collections prioritiser', lifeCycleStage: 'DESIGN_DEVELOPMENT', euAiActTier: 'UNCLASSIFIED', version: 1 });
    const id = created.data?.createAiSystem.id;
    const update = `mutation($id: ID!, $input: UpdateAiSystemInput!) { updateAiSystem(id: $id, input: $input) { ${SYSTEM_FIELDS} } }`;
    const classified = await demo.api.graphql<{ updateAiSystem: { euAiActTier: string; tierRationale: string; version: number; purpose: string | null } }>(
      update,
      { id, input: { expectedVersion: 1, euAiActTier: 'MINIMAL', tierRationale: 'No Annex III use; no interaction with the public.', purpose: null } },
      demo.admin,
    );
    expect(classified.data?.updateAiSystem).toMatchObject({ euAiActTier: 'MINIMAL', tierRationale: 'No Annex III use; no interaction with the public.', purpose: null, version: 2 });
    const stale = await demo.api.graphql(update, { id, input: { expectedVersion: 1, name: 'Renamed' } }, demo.admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it.each([
    [{ name: '  ', organisationRole: 'PROVIDER' }, 'name', 'name must not be empty'],
    [{ name: 'n'.repeat(201), organisationRole: 'PROVIDER' }, 'name', 'name must be at most 200 characters, got 201'],
    [{ name: 'x', organisationRole: 'PROVIDER', purpose: 'p'.repeat(10_001) }, 'purpose', 'purpose must be at most 10000 characters, got 10001'],
    [{ name: 'x', organisationRole: 'PROVIDER', euAiActTier: null }, 'euAiActTier', 'euAiActTier must not be null; leave it out to keep the current value'],
  ])('rejects %j naming the field, and stores nothing', async (input, field, message) => {
    const before = await demo.api.orm.em.fork().count(AiSystem, {});
    const result = await demo.api.graphql(`mutation($input: CreateAiSystemInput!) { createAiSystem(input: $input) { id } }`, { input }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await demo.api.orm.em.fork().count(AiSystem, {})).toBe(before);
  });

  it('keeps the demo.executive read-only', async () => {
    const result = await demo.api.graphql(`mutation { createAiSystem(input: { name: "Board bot", organisationRole: PROVIDER }) { id } }`, {}, demo.executive);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("links a risk only to the organisation's own systems", async () => {
    const em = demo.api.orm.em.fork();
    const foreign = em.create(AiSystem, { organisation: em.create(Organisation, { name: 'Other tenant' }), name: 'Foreign model', organisationRole: 'provider' });
    await em.flush();
    const own = (await demo.api.graphql<{ aiSystems: { nodes: { id: string }[] } }>(`{ aiSystems { nodes { id } } }`, {}, demo.admin)).data?.aiSystems.nodes[0]?.id;

    const create = `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id version aiSystem { id } } }`;
    const linked = await demo.api.graphql<{ createRisk: { id: string; version: number; aiSystem: { id: string } | null } }>(create, { input: { title: 'Linked', likelihood: 2, impact: 2, aiSystemId: own } }, demo.admin);
    expect(linked.data?.createRisk.aiSystem?.id).toBe(own);

    const refused = await demo.api.graphql(create, { input: { title: 'Cross-tenant', likelihood: 2, impact: 2, aiSystemId: foreign.id } }, demo.admin);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'aiSystemId' } });
    expect((await demo.api.graphql<{ aiSystem: unknown }>(`query($id: ID!) { aiSystem(id: $id) { id } }`, { id: foreign.id }, demo.admin)).data?.aiSystem).toBeNull();

    const detached = await demo.api.graphql<{ updateRisk: { aiSystem: unknown } }>(
      `mutation($id: ID!) { updateRisk(id: $id, input: { expectedVersion: 1, aiSystemId: null }) { aiSystem { id } } }`,
      { id: linked.data?.createRisk.id },
      demo.admin,
    );
    expect(detached.data?.updateRisk.aiSystem).toBeNull();
  });
});
