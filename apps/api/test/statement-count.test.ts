import { describe, expect, it } from 'vitest';
import { useCountingApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

/** List queries with nested lists: each must cost the same number of statements whatever the data. */
const QUERIES = {
  'AI systems with their risks and impact assessments': '{ aiSystems { nodes { name risks { title } impactAssessments { title } } } }',
  'risks with their AI system and assessments': '{ risks { nodes { title aiSystem { name } assessments { score } } } }',
  'audits with findings and corrective actions': '{ audits { nodes { title findings { description correctiveActions { description } } } } }',
  'findings with their AI system and risk': '{ findings { nodes { description aiSystem { name } risk { title } } } }',
  'fairness thresholds with system, risk and latest reading': '{ fairnessThresholds { metric aiSystem { name } risk { title } latest { value breached } } }',
};

/** Whole reports: many statements (one per section), but as many for a large organisation as for a small one. */
const REPORTS = {
  'management-review pack, monitoring results': '{ managementReviewPack { monitoring { latest breached openFinding { id } } } }',
};

describe.each(databases.available)('SQL statements per request on $name', (database) => {
  const demo = useCountingApi(database);
  const count = async (query: string) => (await demo.counted(query)).statements;

  /** One request at a time, so the counts do not mix. */
  async function countAll(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [name, query] of Object.entries({ ...QUERIES, ...REPORTS })) counts[name] = await count(query);
    return counts;
  }

  it('stays the same when the registers grow', async () => {
    const before = await countAll();
    // Grow every list: five more AI systems, each with a fairness threshold and two risks, and an audit with findings and actions.
    for (let index = 0; index < 5; index += 1) {
      const system = await demo.api.graphql<{ createAiSystem: { id: string } }>(
        `mutation($input: CreateAiSystemInput!) { createAiSystem(input: $input) { id } }`,
        { input: { name: `Extra system ${index}`, organisationRole: 'PROVIDER' } },
        demo.admin,
      );
      await demo.api.graphql(
        `mutation($input: FairnessThresholdInput!) { setFairnessThreshold(input: $input) { id } }`,
        { input: { aiSystemId: system.data!.createAiSystem.id, attribute: 'sex', metric: 'DEMOGRAPHIC_PARITY_DIFFERENCE', value: 0.1 } },
        demo.admin,
      );
      for (const title of ['first', 'second']) {
        await demo.api.graphql(`mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`, { input: { title: `Extra ${index} ${title}`, likelihood: 2, impact: 3, aiSystemId: system.data!.createAiSystem.id } }, demo.admin);
      }
      const audit = await demo.api.graphql<{ createAudit: { id: string } }>(`mutation($input: AuditInput!) { createAudit(input: $input) { id } }`, { input: { title: `Extra audit ${index}`, plannedOn: '2026-11-01' } }, demo.admin);
      const finding = await demo.api.graphql<{ addFinding: { id: string } }>(
        `mutation($auditId: ID!, $input: FindingInput!) { addFinding(auditId: $auditId, input: $input) { id } }`,
        { auditId: audit.data!.createAudit.id, input: { kind: 'OBSERVATION', description: 'Extra', raisedOn: '2026-11-02' } },
        demo.admin,
      );
      await demo.api.graphql(`mutation($findingId: ID!, $input: CorrectiveActionInput!) { addCorrectiveAction(findingId: $findingId, input: $input) { id } }`, { findingId: finding.data!.addFinding.id, input: { description: 'Extra action', dueDate: '2026-12-01' } }, demo.admin);
    }
    const after = await countAll();
    expect(after).toEqual(before);
    // Small and bounded: a session lookup, the list, and one batched load per nested level.
    for (const [name, total] of Object.entries(after).filter(([name]) => name in QUERIES)) {
      expect(total, name).toBeGreaterThanOrEqual(2);
      expect(total, name).toBeLessThanOrEqual(6);
    }
  });
});
