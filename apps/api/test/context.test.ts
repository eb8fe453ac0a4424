import { describe, expect, it } from 'vitest';
import { ContextIssue } from '../src/entities/context-issue.entity.js';
import { DEMO_CONTEXT } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

describe.each(databases.available)('organisation context on $name', (database) => {
  const demo = useDemoApi(database);

  it('lists the seeded issues and interested parties, the climate question among them', async () => {
    const result = await demo.api.graphql<{ contextIssues: { description: string; climateRelated: boolean }[]; interestedParties: { name: string }[] }>(
      `{ contextIssues { description climateRelated } interestedParties { name } }`,
      {},
      demo.executive,
    );
    expect(result.data?.contextIssues).toHaveLength(DEMO_CONTEXT.issues.length);
    expect(result.data?.contextIssues.filter((issue) => issue.climateRelated)).toHaveLength(1);
    expect(result.data?.interestedParties.map((party) => party.name)).toEqual([...DEMO_CONTEXT.parties.map((party) => party.name)].sort());
  });

  it('retires an issue instead of deleting it, so reviews can see what changed', async () => {
    const added = await demo.api.graphql<{ addContextIssue: { id: string; version: number } }>(
      `mutation { addContextIssue(input: { external: true, description: "A new sector guideline on AI in lending.", recordedOn: "2026-11-02" }) { id version } }`,
      {},
      demo.admin,
    );
    const id = added.data?.addContextIssue.id;
    const retired = await demo.api.graphql<{ updateContextIssue: { retiredOn: string } }>(
      `mutation($id: ID!) { updateContextIssue(id: $id, input: { expectedVersion: 1, retiredOn: "2026-11-20" }) { retiredOn } }`,
      { id },
      demo.admin,
    );
    expect(retired.data?.updateContextIssue.retiredOn).toBe('2026-11-20');
    const current = await demo.api.graphql<{ contextIssues: { id: string }[] }>(`{ contextIssues { id } }`, {}, demo.admin);
    expect(current.data?.contextIssues.map((issue) => issue.id)).not.toContain(id);
    const all = await demo.api.graphql<{ contextIssues: { id: string }[] }>(`{ contextIssues(includeRetired: true) { id } }`, {}, demo.admin);
    expect(all.data?.contextIssues.map((issue) => issue.id)).toContain(id);
  });

  it.each([
    [`mutation { addContextIssue(input: { description: "x", recordedOn: "2026-01-01" }) { id } }`, 'external', 'external is required'],
    [`mutation { addContextIssue(input: { external: false, description: "x", recordedOn: "2026-05-01", retiredOn: "2026-04-01" }) { id } }`, 'retiredOn', 'retiredOn must not be before recordedOn (2026-05-01), got 2026-04-01'],
    [`mutation { addInterestedParty(input: { name: "Regulator", needs: "  ", recordedOn: "2026-01-01" }) { id } }`, 'needs', 'needs must not be empty'],
  ])('rejects %s naming the field, and stores nothing', async (query, field, message) => {
    const before = await demo.api.orm.em.fork().count(ContextIssue, {});
    const result = await demo.api.graphql(query, {}, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await demo.api.orm.em.fork().count(ContextIssue, {})).toBe(before);
  });

  it('lets only administrators change the AIMS scope', async () => {
    const scope = 'All consumer lending AI systems in EU operations.';
    const changed = await demo.api.graphql<{ updateOrganisation: { aimsScope: string } }>(`mutation($scope: String) { updateOrganisation(input: { aimsScope: $scope }) { aimsScope } }`, { scope }, demo.admin);
    expect(changed.data?.updateOrganisation.aimsScope).toBe(scope);
    const refused = await demo.api.graphql(`mutation { updateOrganisation(input: { aimsScope: "Everything" }) { aimsScope } }`, {}, demo.executive);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
