import { type GraphQLField, getNamedType, isNonNullType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../src/schema.js';
import { SECOND_TENANT_ADMIN } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';
import { leafSelection, sampleValue } from './support/schema-probe.js';

const databases = await testDatabases();
const schema = await createSchema();

/** Which kind of record an id argument names, from the argument's or the operation's name. */
const KINDS: [RegExp, string][] = [
  [/KpiMeasurement/, 'kpiMeasurement'],
  [/Objective|^objectiveId$/, 'objective'],
  [/TrainingRecord/, 'trainingRecord'],
  [/Supplier/, 'supplier'],
  [/ImpactItem/, 'impactItem'],
  [/ImpactAssessment|^assessmentId$/, 'impactAssessment'],
  [/CorrectiveAction/, 'correctiveAction'],
  [/ReviewAction/, 'reviewAction'],
  [/ManagementReview|^reviewId$/, 'review'],
  [/Finding|^findingId$/, 'finding'],
  [/Audit|^auditId$/, 'audit'],
  [/FairnessThreshold/, 'threshold'],
  [/CertificationBody/, 'certificationBody'],
  [/ContextIssue/, 'contextIssue'],
  [/InterestedParty/, 'interestedParty'],
  [/Evidence/, 'evidence'],
  [/Incident/, 'incident'],
  [/Polic/, 'policy'],
  [/ApiToken/, 'apiToken'],
  [/Member/, 'membership'],
  [/AiSystem|^aiSystemId$|^fairness/, 'aiSystem'],
  [/Risk|^risk$|^riskId$/, 'risk'],
];

function kindOf(argument: string, operation: string): string | null {
  const name = argument === 'id' ? operation : argument;
  for (const [pattern, kind] of KINDS) if (new RegExp(pattern.source, 'i').test(name)) return kind;
  return null;
}

describe.each(databases.available)('tenant isolation on $name', (database) => {
  const demo = useDemoApi(database);
  let other: string;
  const northwind: Record<string, string> = {};

  beforeAll(async () => {
    other = await demo.api.signIn(SECOND_TENANT_ADMIN.email, SECOND_TENANT_ADMIN.password);
    const token = await demo.api.graphql<{ createApiToken: { apiToken: { id: string } } }>(`mutation { createApiToken(name: "probe") { apiToken { id } } }`, {}, demo.admin);
    northwind.apiToken = token.data!.createApiToken.apiToken.id;
    const result = await demo.api.graphql<Record<string, any>>(
      `{ aiSystems { nodes { id } } risks { nodes { id } } audits { nodes { id findings { id correctiveActions { id } } } } managementReviews { nodes { id actions { id } } } contextIssues { id }
         interestedParties { id } evidence { nodes { id } } incidents { nodes { id } } policies { nodes { id } } fairnessThresholds { id } certificationPlan { bodies { id } }
         impactAssessments { nodes { id items { id } } } objectives { nodes { id measurements { id } } } trainingRecords { nodes { id } } suppliers { nodes { id } } members { id role } }`,
      {},
      demo.admin,
    );
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    Object.assign(northwind, {
      aiSystem: data.aiSystems.nodes[0].id,
      risk: data.risks.nodes[0].id,
      audit: data.audits.nodes[0].id,
      finding: data.audits.nodes[0].findings[0].id,
      correctiveAction: data.audits.nodes[0].findings[0].correctiveActions[0].id,
      review: data.managementReviews.nodes[0].id,
      reviewAction: data.managementReviews.nodes[0].actions[0].id,
      contextIssue: data.contextIssues[0].id,
      interestedParty: data.interestedParties[0].id,
      evidence: data.evidence.nodes[0].id,
      incident: data.incidents.nodes[0].id,
      policy: data.policies.nodes[0].id,
      threshold: data.fairnessThresholds[0].id,
      certificationBody: data.certificationPlan.bodies[0].id,
      impactAssessment: data.impactAssessments.nodes[0].id,
      impactItem: data.impactAssessments.nodes.find((entry: { items: unknown[] }) => entry.items.length > 0).items[0].id,
      objective: data.objectives.nodes[0].id,
      kpiMeasurement: data.objectives.nodes[0].measurements[0].id,
      trainingRecord: data.trainingRecords.nodes[0].id,
      supplier: data.suppliers.nodes[0].id,
      membership: data.members.find((member: { role: string }) => member.role !== 'ADMIN').id,
    });
  });

  it('answers every operation that takes an id of another organisation with not found, never its data', async () => {
    const probed: string[] = [];
    for (const [root, type] of [['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]] as const) {
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        const idArguments = field.args.filter((argument) => getNamedType(argument.type).name === 'ID');
        if (idArguments.length === 0) continue;
        const required = field.args.filter((argument) => isNonNullType(argument.type) || idArguments.includes(argument));
        const variables: Record<string, unknown> = {};
        for (const argument of required) {
          const kind = idArguments.includes(argument) ? kindOf(argument.name, field.name) : null;
          if (idArguments.includes(argument)) {
            expect(kind, `${field.name}(${argument.name}): say which record this id names`).not.toBeNull();
            variables[argument.name] = northwind[kind!];
          } else variables[argument.name] = sampleValue(argument.type);
        }
        const selection = leafSelection(field);
        const query = `${root} Probe(${required.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ')}) { ${field.name}(${required.map((argument) => `${argument.name}: $${argument.name}`).join(', ')})${selection} }`;
        const answer = await demo.api.graphql<Record<string, unknown>>(query, variables, other);
        const code = answer.errors?.[0]?.extensions?.code;
        const where = `${field.name} with Northwind's ${JSON.stringify(variables)}: ${JSON.stringify(answer)}`;
        if (code === undefined) {
          // A read may answer "nothing" (null or an empty list), never a record.
          const value = answer.data?.[field.name];
          expect(value === null || (Array.isArray(value) && value.length === 0), where).toBe(true);
        } else expect(['NOT_FOUND', 'BAD_USER_INPUT'], where).toContain(code);
        probed.push(field.name);
      }
    }
    expect(probed.length).toBeGreaterThan(25);
    expect(demo.api.loggedErrors).toEqual([]);
  });

  it('leaves every record it probed in place: no delete reached across', async () => {
    const singulars: [string, string][] = [
      ['aiSystem', 'aiSystem'],
      ['risk', 'risk'],
      ['audit', 'audit'],
      ['finding', 'finding'],
      ['correctiveAction', 'correctiveAction'],
      ['managementReview', 'review'],
      ['contextIssue', 'contextIssue'],
      ['interestedParty', 'interestedParty'],
      ['evidenceItem', 'evidence'],
      ['incident', 'incident'],
      ['policy', 'policy'],
      ['fairnessThreshold', 'threshold'],
      ['certificationBody', 'certificationBody'],
      ['impactAssessment', 'impactAssessment'],
      ['objective', 'objective'],
      ['trainingRecord', 'trainingRecord'],
      ['supplier', 'supplier'],
    ];
    const query = `query(${singulars.map(([, kind]) => `$${kind}: ID!`).join(', ')}) { ${singulars.map(([field, kind]) => `${field}(id: $${kind}) { id }`).join(' ')} }`;
    const variables = Object.fromEntries(singulars.map(([, kind]) => [kind, northwind[kind]]));
    const answer = await demo.api.graphql<Record<string, { id: string } | null>>(query, variables, demo.admin);
    expect(answer.errors).toBeUndefined();
    for (const [field, kind] of singulars) expect(answer.data?.[field], field).toEqual({ id: northwind[kind] });
    const children = await demo.api.graphql<Record<string, any>>(`{ managementReviews { nodes { actions { id } } } impactAssessments { nodes { items { id } } } objectives { nodes { measurements { id } } } }`, {}, demo.admin);
    const ids = JSON.stringify(children.data);
    for (const kind of ['reviewAction', 'impactItem', 'kpiMeasurement']) expect(ids, kind).toContain(northwind[kind]);
  });

  it('never lists another organisation’s rows, and leaves them unchanged', async () => {
    const lists = `{ aiSystems { nodes { id } } risks { nodes { id } } findings { nodes { id } } auditLog(first: 500) { nodes { entityId } } }`;
    const mine = await demo.api.graphql<Record<string, any>>(lists, {}, other);
    const theirs = await demo.api.graphql<Record<string, any>>(lists, {}, demo.admin);
    for (const key of ['aiSystems', 'risks', 'findings']) {
      const overlap = mine.data![key].nodes.filter((row: { id: string }) => theirs.data![key].nodes.some((entry: { id: string }) => entry.id === row.id));
      expect(overlap, key).toEqual([]);
    }
    expect(mine.data!.risks.nodes).toHaveLength(2);
    expect(mine.data!.auditLog.nodes.some((entry: { entityId: string }) => entry.entityId === northwind.risk)).toBe(false);
    // The foreign update above changed nothing at Northwind.
    const risk = await demo.api.graphql<{ risk: { title: string; version: number } }>(`query($id: ID!) { risk(id: $id) { title version } }`, { id: northwind.risk }, demo.admin);
    expect(risk.data?.risk.title).not.toBe('x');
  });
});
