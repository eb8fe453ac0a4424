import { describe, expect, it } from 'vitest';
import { PolicyVersion } from '../src/entities/policy-version.entity.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const FIELDS = 'id title version latestVersionNumber nextReviewOn inForce { number approvedOn } versions { number approvedBy approvedOn }';

interface PolicyRow {
  id: string;
  version: number;
  latestVersionNumber: number;
  nextReviewOn: string | null;
  inForce: { number: number; approvedOn: string } | null;
  versions: { number: number; approvedBy: string | null; approvedOn: string | null }[];
}

describe.each(databases.available)('policies on $name', (database) => {
  const demo = useDemoApi(database);

  it('shows the seeded AI policy with the version in force', async () => {
    const result = await demo.api.graphql<{ policies: { nodes: PolicyRow[] } }>(`{ policies { nodes { ${FIELDS} } } }`, {}, demo.executive);
    expect(result.data?.policies.nodes[0]).toMatchObject({ latestVersionNumber: 2, nextReviewOn: '2027-03-12', inForce: { number: 2, approvedOn: '2026-03-12' } });
    expect(result.data?.policies.nodes[0]?.versions.map((version) => version.number)).toEqual([2, 1]);
  });

  it('keeps the approved version in force while a revision is drafted, then approves the revision', async () => {
    const created = await demo.api.graphql<{ createPolicy: PolicyRow }>(`mutation { createPolicy(title: "Data policy for AI", text: "First text.") { ${FIELDS} } }`, {}, demo.admin);
    const policy = created.data?.createPolicy;
    expect(policy).toMatchObject({ latestVersionNumber: 1, inForce: null, version: 1 });
    const approve = `mutation($id: ID!, $expected: Int!, $on: String!, $next: String!) { approvePolicy(id: $id, approvedBy: "Board", approvedOn: $on, nextReviewOn: $next, expectedVersion: $expected) { ${FIELDS} } }`;
    const first = await demo.api.graphql<{ approvePolicy: PolicyRow }>(approve, { id: policy?.id, expected: 1, on: '2026-11-01', next: '2027-11-01' }, demo.admin);
    expect(first.data?.approvePolicy.inForce).toEqual({ number: 1, approvedOn: '2026-11-01' });

    const expected = first.data?.approvePolicy.version;
    const revised = await demo.api.graphql<{ revisePolicy: PolicyRow }>(
      `mutation($id: ID!, $expected: Int!) { revisePolicy(id: $id, text: "Second text.", expectedVersion: $expected) { ${FIELDS} } }`,
      { id: policy?.id, expected },
      demo.admin,
    );
    // The draft is newest, but version 1 stays in force until the draft is approved.
    expect(revised.data?.revisePolicy).toMatchObject({ latestVersionNumber: 2, inForce: { number: 1 } });
    const stale = await demo.api.graphql(
      `mutation($id: ID!, $expected: Int!) { revisePolicy(id: $id, text: "Racing text.", expectedVersion: $expected) { id } }`,
      { id: policy?.id, expected },
      demo.admin,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const second = await demo.api.graphql<{ approvePolicy: PolicyRow }>(approve, { id: policy?.id, expected: revised.data?.revisePolicy.version, on: '2026-12-01', next: '2027-12-01' }, demo.admin);
    expect(second.data?.approvePolicy.inForce).toEqual({ number: 2, approvedOn: '2026-12-01' });
    expect(await demo.api.orm.em.fork().count(PolicyVersion, { policy: policy?.id })).toBe(2);
  });

  it('refuses a review date before the approval, and approval by non-administrators', async () => {
    const created = await demo.api.graphql<{ createPolicy: PolicyRow }>(`mutation { createPolicy(title: "Supplier AI policy", text: "Text.") { id } }`, {}, demo.admin);
    const id = created.data?.createPolicy.id;
    const early = await demo.api.graphql(`mutation($id: ID!) { approvePolicy(id: $id, approvedBy: "Board", approvedOn: "2026-11-01", nextReviewOn: "2026-10-01", expectedVersion: 1) { id } }`, { id }, demo.admin);
    expect(early.errors?.[0]).toMatchObject({ message: 'nextReviewOn must be after approvedOn (2026-11-01), got 2026-10-01', extensions: { code: 'BAD_USER_INPUT', field: 'nextReviewOn' } });
    const executive = await demo.api.graphql(`mutation($id: ID!) { approvePolicy(id: $id, approvedBy: "Me", approvedOn: "2026-11-01", nextReviewOn: "2027-11-01", expectedVersion: 1) { id } }`, { id }, demo.executive);
    expect(executive.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
