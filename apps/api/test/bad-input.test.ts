import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  buildSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { EntityName } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { sdlPath } from '../src/schema-sdl.js';
import { type DemoApi, useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';
import { leafSelection } from './support/schema-probe.js';

/*
 * Hostile input for every mutation, generated from the schema: each case takes a call that
 * succeeds (the baseline of the mutation) and replaces one field with a hostile value of that
 * field's GraphQL type. The API must either accept the value or refuse it with BAD_USER_INPUT
 * naming a field, never answer an internal error, and store nothing when it refuses.
 *
 * ASSAY_FUZZ_RUNS sets the cases per mutation (npm run test:reliability runs many more);
 * ASSAY_FUZZ_SEED replays a failure (fast-check prints the seed and the counterexample).
 */
const RUNS = Number(process.env.ASSAY_FUZZ_RUNS || 25);
const SEED = Number(process.env.ASSAY_FUZZ_SEED || 42_001);

const databases = await testDatabases();
const schema: GraphQLSchema = buildSchema(readFileSync(sdlPath(), 'utf8'));
const MUTATIONS = Object.values(schema.getMutationType()!.getFields());

/** What a baseline call needs: the API, the demo administrator, and records to point at. */
interface Fixture {
  demo: DemoApi;
  /** A number that differs on every call, for names and dates that must be unique. */
  serial(): number;
  /** The oldest record of a kind in the demo organisation: its id and version. */
  first(entity: EntityName<object>, where?: Record<string, unknown>): Promise<{ id: string; version: number }>;
  /** Runs a mutation that must succeed, for a record a baseline works on; answers its data. */
  make<Data = Record<string, { id: string; version: number }>>(query: string, variables?: Record<string, unknown>): Promise<Data>;
}

interface Baseline {
  /** The records the mutation writes; their counts must not move when it refuses. */
  writes: EntityName<object>[];
  /** The variables of a call that succeeds; built afresh for every case, as versions move on. */
  variables(fixture: Fixture): Promise<Record<string, unknown>>;
  /** Who calls it, when not the demo administrator: a session made for each case. */
  caller?(fixture: Fixture): Promise<string>;
}

/** A day in the past that no other case uses, for records that must be unique per day. */
function uniqueDay(serial: number): string {
  const day = new Date(Date.UTC(2020, 0, 1) + serial * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** A DRAFT impact assessment with one impact, made once per database, that the impact baselines edit. */
const drafts = new WeakMap<Fixture, Promise<string>>();
function draftAssessment(fixture: Fixture): Promise<string> {
  if (!drafts.has(fixture)) {
    drafts.set(
      fixture,
      (async () => {
        const made = await fixture.make(
          'mutation($input: CreateImpactAssessmentInput!) { createImpactAssessment(input: $input) { id version } }',
          { input: { aiSystemId: (await fixture.first('AiSystem')).id, title: 'Draft to edit', assessedOn: '2026-01-20' } },
        );
        const id = made.createImpactAssessment!.id;
        await fixture.make('mutation($id: ID!) { addImpactItem(assessmentId: $id, input: { kind: HARM, description: "Exclusion", affected: INDIVIDUALS, severity: 2, likelihood: 2 }) { id } }', { id });
        return id;
      })(),
    );
  }
  return drafts.get(fixture)!;
}

const MEMBER_PASSWORD = 'a long enough password';

const BASELINES: Record<string, Baseline> = {
  addContextIssue: { writes: ['ContextIssue'], variables: async () => ({ input: { external: true, description: 'Energy prices', recordedOn: '2026-01-05' } }) },
  updateContextIssue: {
    writes: ['ContextIssue'],
    variables: async ({ first }) => {
      const issue = await first('ContextIssue');
      return { id: issue.id, input: { expectedVersion: issue.version, description: 'Energy prices' } };
    },
  },
  addInterestedParty: { writes: ['InterestedParty'], variables: async () => ({ input: { name: 'Customers', needs: 'Fair decisions', recordedOn: '2026-01-05' } }) },
  updateInterestedParty: {
    writes: ['InterestedParty'],
    variables: async ({ first }) => {
      const party = await first('InterestedParty');
      return { id: party.id, input: { expectedVersion: party.version, needs: 'Fair decisions' } };
    },
  },
  createAudit: { writes: ['Audit'], variables: async () => ({ input: { title: 'Clause 8 audit', plannedOn: '2026-03-01' } }) },
  updateAudit: {
    writes: ['Audit'],
    variables: async ({ first }) => {
      const audit = await first('Audit');
      return { id: audit.id, input: { expectedVersion: audit.version, scope: 'Clauses 4 to 10' } };
    },
  },
  addFinding: {
    writes: ['Finding'],
    variables: async ({ first }) => ({ auditId: (await first('Audit')).id, input: { kind: 'MINOR_NONCONFORMITY', description: 'No records', raisedOn: '2026-02-01' } }),
  },
  updateFinding: {
    writes: ['Finding'],
    variables: async ({ first }) => {
      const finding = await first('Finding');
      return { id: finding.id, input: { expectedVersion: finding.version, rootCause: 'No owner' } };
    },
  },
  addCorrectiveAction: {
    writes: ['CorrectiveAction'],
    variables: async ({ first }) => ({ findingId: (await first('Finding')).id, input: { description: 'Name an owner', dueDate: '2026-06-01' } }),
  },
  updateCorrectiveAction: {
    writes: ['CorrectiveAction'],
    variables: async ({ first }) => {
      const action = await first('CorrectiveAction');
      return { id: action.id, input: { expectedVersion: action.version, owner: 'Quality lead' } };
    },
  },
  createManagementReview: { writes: ['ManagementReview'], variables: async () => ({ input: { heldOn: '2026-02-10', attendees: ['CEO'] } }) },
  updateManagementReview: {
    writes: ['ManagementReview'],
    variables: async ({ first }) => {
      const review = await first('ManagementReview');
      return { id: review.id, input: { expectedVersion: review.version, decisions: 'Keep the scope' } };
    },
  },
  addReviewAction: {
    writes: ['ReviewAction'],
    variables: async ({ first }) => ({ reviewId: (await first('ManagementReview')).id, input: { description: 'Budget for audits', dueDate: '2026-06-01' } }),
  },
  updateReviewAction: {
    writes: ['ReviewAction'],
    variables: async ({ first }) => {
      const action = await first('ReviewAction');
      return { id: action.id, input: { expectedVersion: action.version, owner: 'CFO' } };
    },
  },
  createImpactAssessment: {
    writes: ['ImpactAssessment'],
    variables: async ({ first }) => ({ input: { aiSystemId: (await first('AiSystem')).id, title: 'Hiring screen impact', assessedOn: '2026-01-20' } }),
  },
  updateImpactAssessment: {
    writes: ['ImpactAssessment'],
    variables: async (fixture) => {
      const { first } = fixture;
      const assessment = await first('ImpactAssessment', { id: await draftAssessment(fixture) });
      return { id: assessment.id, input: { expectedVersion: assessment.version, scope: 'Shortlisting' } };
    },
  },
  approveImpactAssessment: {
    writes: ['ImpactAssessment'],
    variables: async ({ first, make }) => {
      const made = await make(
        'mutation($input: CreateImpactAssessmentInput!) { createImpactAssessment(input: $input) { id version } }',
        { input: { aiSystemId: (await first('AiSystem')).id, title: 'To approve', assessedOn: '2026-01-20', status: 'IN_REVIEW' } },
      );
      const assessment = made.createImpactAssessment!;
      return { id: assessment.id, expectedVersion: assessment.version, approvedOn: '2026-02-01', nextReviewOn: '2027-02-01' };
    },
  },
  addImpactItem: {
    writes: ['ImpactItem'],
    variables: async (fixture) => ({
      assessmentId: await draftAssessment(fixture),
      input: { kind: 'HARM', description: 'Unfair rejection', affected: 'INDIVIDUALS', severity: 3, likelihood: 2 },
    }),
  },
  updateImpactItem: {
    writes: ['ImpactItem'],
    variables: async (fixture) => {
      const item = await fixture.first('ImpactItem', { assessment: await draftAssessment(fixture) });
      return { id: item.id, input: { expectedVersion: item.version, mitigation: 'Human review' } };
    },
  },
  createAiObjective: {
    writes: ['AiObjective'],
    variables: async () => ({ input: { title: 'Fewer complaints', kpiName: 'Complaints', kpiDirection: 'LOWER_IS_BETTER', kpiTarget: 5, targetDate: '2026-12-31' } }),
  },
  updateAiObjective: {
    writes: ['AiObjective'],
    variables: async ({ first }) => {
      const objective = await first('AiObjective');
      return { id: objective.id, input: { expectedVersion: objective.version, owner: 'COO' } };
    },
  },
  addKpiMeasurement: {
    writes: ['KpiMeasurement'],
    variables: async ({ first, serial }) => ({ objectiveId: (await first('AiObjective')).id, input: { measuredOn: uniqueDay(serial()), value: 3 } }),
  },
  updateKpiMeasurement: {
    writes: ['KpiMeasurement'],
    variables: async ({ first }) => {
      const measurement = await first('KpiMeasurement');
      return { id: measurement.id, input: { expectedVersion: measurement.version, note: 'Rechecked' } };
    },
  },
  addMember: {
    writes: ['Membership', 'User'],
    variables: async ({ serial }) => ({ input: { email: `fuzz${serial()}@example.com`, name: 'Fuzz Tester', initialPassword: MEMBER_PASSWORD, role: 'EXECUTIVE' } }),
  },
  changePassword: {
    writes: ['User'],
    // A new member per case: wrong current passwords count as failed sign-ins and would lock out one account.
    caller: async ({ demo, serial }) => {
      const email = `password${serial()}@example.com`;
      const added = await demo.api.graphql('mutation($input: AddMemberInput!) { addMember(input: $input) { id } }', { input: { email, name: 'Pat', initialPassword: MEMBER_PASSWORD, role: 'EXECUTIVE' } }, demo.admin);
      if (added.errors) throw new Error(`could not add a member: ${JSON.stringify(added.errors)}`);
      return demo.api.signIn(email, MEMBER_PASSWORD);
    },
    variables: async () => ({ currentPassword: MEMBER_PASSWORD, newPassword: 'another long enough password' }),
  },
  createApiToken: { writes: [], variables: async () => ({ name: 'Weekly export', expiresInDays: 30 }) },
  classifyAiSystem: {
    writes: ['AiSystem'],
    variables: async ({ first }) => {
      const system = await first('AiSystem');
      return {
        id: system.id,
        expectedVersion: system.version,
        answers: { annexIProduct: false, annexIIIAreas: [], derogations: [], profilesNaturalPersons: false, prohibitedPractices: [], thirdPartyConformityAssessment: false, transparencyCases: [] },
      };
    },
  },
  createAiSystem: { writes: ['AiSystem'], variables: async ({ serial }) => ({ input: { name: `Fuzzed system ${serial()}`, organisationRole: 'PROVIDER' } }) },
  updateAiSystem: {
    writes: ['AiSystem'],
    variables: async ({ first }) => {
      const system = await first('AiSystem');
      return { id: system.id, input: { expectedVersion: system.version, owner: 'CTO' } };
    },
  },
  createCertificationBody: { writes: ['CertificationBody'], variables: async ({ serial }) => ({ input: { name: `Certifier ${serial()}`, accreditationBody: 'UKAS' } }) },
  updateCertificationBody: {
    writes: ['CertificationBody'],
    variables: async ({ make, serial }) => {
      const made = await make('mutation($input: CertificationBodyInput!) { createCertificationBody(input: $input) { id version } }', { input: { name: `Certifier ${serial()}` } });
      const body = made.createCertificationBody!;
      return { id: body.id, input: { expectedVersion: body.version, notes: 'Quoted' } };
    },
  },
  updateCertificationStage: {
    writes: ['CertificationStage'],
    variables: async ({ demo }) => {
      const answer = await demo.api.graphql<{ certificationPlan: { stages: { stage: string; version: number }[] } }>('{ certificationPlan { stages { stage version } } }', {}, demo.admin);
      const stage = answer.data!.certificationPlan.stages.find((candidate) => candidate.stage === 'GAP_ANALYSIS')!;
      return { stage: 'GAP_ANALYSIS', input: { expectedVersion: stage.version, notes: 'Booked' } };
    },
  },
  createEvidence: { writes: ['Evidence'], variables: async () => ({ input: { title: 'Training log', collectedOn: '2026-01-10' } }) },
  updateEvidence: {
    writes: ['Evidence'],
    variables: async ({ first }) => {
      const evidence = await first('Evidence');
      return { id: evidence.id, input: { expectedVersion: evidence.version, location: 'SharePoint' } };
    },
  },
  createIncident: { writes: ['Incident'], variables: async () => ({ input: { title: 'Wrong answers', awareOn: '2026-01-12' } }) },
  updateIncident: {
    writes: ['Incident'],
    variables: async ({ first }) => {
      const incident = await first('Incident');
      return { id: incident.id, input: { expectedVersion: incident.version, description: 'Model drift' } };
    },
  },
  createPolicy: { writes: ['Policy', 'PolicyVersion'], variables: async () => ({ title: 'AI policy', text: 'We use AI responsibly.', owner: 'CEO' }) },
  revisePolicy: {
    writes: ['PolicyVersion'],
    variables: async ({ first }) => {
      const policy = await first('Policy');
      return { id: policy.id, expectedVersion: policy.version, text: 'Revised text.' };
    },
  },
  approvePolicy: {
    writes: ['Policy', 'PolicyVersion'],
    variables: async ({ make }) => {
      const made = await make('mutation { createPolicy(title: "To approve", text: "Text.") { id version } }');
      const policy = made.createPolicy!;
      return { id: policy.id, expectedVersion: policy.version, approvedBy: 'CEO', approvedOn: '2026-02-01', nextReviewOn: '2027-02-01' };
    },
  },
  createRisk: { writes: ['Risk'], variables: async () => ({ input: { title: 'Biased ranking', likelihood: 3, impact: 4 } }) },
  updateRisk: {
    writes: ['Risk'],
    variables: async ({ first }) => {
      const risk = await first('Risk');
      return { id: risk.id, input: { expectedVersion: risk.version, owner: 'Risk lead' } };
    },
  },
  updateRiskCriteria: {
    writes: ['RiskCriteria'],
    variables: async ({ demo }) => {
      const answer = await demo.api.graphql<{ riskMatrix: { version: number } }>('{ riskMatrix { version } }', {}, demo.admin);
      return {
        input: {
          expectedVersion: answer.data!.riskMatrix.version,
          bands: [
            { level: 'LOW', min: 1, max: 4 },
            { level: 'MEDIUM', min: 5, max: 9 },
            { level: 'HIGH', min: 10, max: 25 },
          ],
        },
      };
    },
  },
  updateSoaEntry: {
    writes: ['SoaEntry'],
    variables: async ({ first }) => {
      const entry = await first('SoaEntry', { controlId: 'A.2.2' });
      return { controlId: 'A.2.2', input: { expectedVersion: entry.version, owner: 'CISO' } };
    },
  },
  createSupplier: { writes: ['Supplier'], variables: async () => ({ input: { name: 'Model vendor', supplies: ['MODEL'] } }) },
  updateSupplier: {
    writes: ['Supplier'],
    variables: async ({ first }) => {
      const supplier = await first('Supplier');
      return { id: supplier.id, input: { expectedVersion: supplier.version, notes: 'Renewed' } };
    },
  },
  createTrainingRecord: {
    writes: ['TrainingRecord'],
    variables: async () => ({ input: { person: 'Ana', role: 'Data scientist', competence: 'Fairness testing', completedOn: '2026-01-15' } }),
  },
  updateTrainingRecord: {
    writes: ['TrainingRecord'],
    variables: async ({ first }) => {
      const record = await first('TrainingRecord');
      return { id: record.id, input: { expectedVersion: record.version, evidenceLocation: 'HR system' } };
    },
  },
  recordFairnessWindow: {
    writes: ['FairnessWindow'],
    variables: async ({ first, serial }) => {
      const start = uniqueDay(serial() * 7 + 40_000);
      const end = new Date(Date.parse(`${start}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
      const cell = { rows: 100, tp: 30, fp: 10, tn: 50, fn: 10 };
      return {
        aiSystemId: (await first('AiSystem')).id,
        attribute: 'sex',
        start,
        end,
        counts: { groups: [{ group: 'female', ...cell }, { group: 'male', ...cell }] },
      };
    },
  },
  setFairnessThreshold: {
    writes: ['FairnessThreshold'],
    variables: async ({ first, serial }) => ({ input: { aiSystemId: (await first('AiSystem')).id, attribute: `attr${serial()}`, metric: 'DISPARATE_IMPACT', value: 0.8, privilegedGroup: 'male' } }),
  },
  updateOrganisation: { writes: ['Organisation'], variables: async () => ({ input: { aimsScope: 'All AI systems we build' } }) },
};

/**
 * Mutations that take nothing to corrupt: only the id of the record they act on (malformed ids
 * are covered by malformed-ids.test.ts), an optional expectedVersion, or an enum.
 */
const EXEMPT: Record<string, string> = {
  signIn: 'answers UNAUTHENTICATED for any credentials it does not know, and locks out an account after failures',
  login: 'the same as signIn',
  signOut: 'takes no arguments',
  chooseCertificationBody: 'takes only an id',
  removeImpactItem: 'takes only an id',
  revokeApiToken: 'takes only an id',
  removeMember: 'takes only an id and a version',
  changeMemberRole: 'takes an id, a version and an enum that GraphQL itself checks',
};
for (const mutation of MUTATIONS) {
  if (mutation.name.startsWith('delete') && mutation.args.every((arg) => ['id', 'expectedVersion'].includes(arg.name))) {
    EXEMPT[mutation.name] = 'takes only an id and an optional version';
  }
}

/** One place in the variables a hostile value can go: a path of keys and list indexes, and its type. */
interface Slot {
  path: (string | number)[];
  type: GraphQLInputType;
}

/** Arguments that only name the record the mutation acts on; malformed-ids.test.ts sends junk there. */
function namesTheTarget(argument: GraphQLArgument): boolean {
  return getNamedType(argument.type).name === 'ID' && (argument.name === 'id' || argument.name.endsWith('Id'));
}

/** Every scalar field of the mutation's arguments, including optional ones the baseline leaves out. */
function slotsOf(mutation: GraphQLField<unknown, unknown>, baseline: Record<string, unknown>): Slot[] {
  const slots: Slot[] = [];
  const visit = (path: (string | number)[], type: GraphQLInputType, value: unknown): void => {
    const unwrapped = isNonNullType(type) ? type.ofType : type;
    if (isInputObjectType(unwrapped)) {
      for (const field of Object.values(unwrapped.getFields())) visit([...path, field.name], field.type, (value as Record<string, unknown> | undefined)?.[field.name]);
      return;
    }
    if (isListType(unwrapped)) {
      const item = unwrapped.ofType as GraphQLInputType;
      // A list of objects is fuzzed inside the first element the baseline sends; a list of scalars whole.
      if (isInputObjectType(getNamedType(item))) {
        if (Array.isArray(value) && value.length > 0) visit([...path, 0], item, value[0]);
        return;
      }
      if (isScalarType(getNamedType(item))) slots.push({ path, type });
      return;
    }
    // Enums and booleans cannot carry anything GraphQL does not check itself.
    if (isScalarType(unwrapped) && unwrapped.name !== 'Boolean') slots.push({ path, type });
  };
  for (const argument of mutation.args) {
    if (namesTheTarget(argument)) continue;
    visit([argument.name], argument.type, baseline[argument.name]);
  }
  return slots;
}

const SQL = ["'; drop table risk; --", "1' or '1'='1", '" OR 1=1 --', "'); DELETE FROM audit_log_entry; --", '%', '_', '\\'];
const HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '&lt;&amp;'];
const UNICODE = ['\u202Eevil\u202C', 'مخاطر', '🤖🧪', '\u0000', 'a\u0000b', '\uD800', 'e\u0301', '\uFEFF', '\t\n\r', ' '];
const DATES = ['2026-02-30', 'yesterday', '', '0000-00-00', '2026-13-01', '99999-01-01', '2026-1-1', '2026-01-01T00:00:00Z', '1969-12-31'];
const LONG = ['x'.repeat(10_001), '\u{1F916}'.repeat(5_001), 'x'.repeat(201), ' '.repeat(300)];

const hostileString = fc.oneof(
  fc.constantFrom(...SQL, ...HTML, ...UNICODE, ...DATES, ...LONG),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 190, maxLength: 260 }),
);
const hostileInt = fc.oneof(fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31), -1, 0, 1e308, Number.MAX_SAFE_INTEGER), fc.integer());
const hostileFloat = fc.oneof(fc.constantFrom(1e308, -1e308, -1, 0, -0, 2 ** 31, 5e-324, Number.MAX_SAFE_INTEGER + 2), fc.double({ noNaN: true, noDefaultInfinity: true }));

function hostileValue(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  if (isListType(unwrapped)) return hostileValue(unwrapped.ofType as GraphQLInputType).map((item) => [item]);
  const name = getNamedType(unwrapped).name;
  if (name === 'Int') return hostileInt;
  if (name === 'Float') return hostileFloat;
  return hostileString;
}

function withValue(variables: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

function operationOf(mutation: GraphQLField<unknown, unknown>): string {
  const declarations = mutation.args.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
  const passed = mutation.args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  return `mutation${declarations ? `(${declarations})` : ''} { ${mutation.name}${passed ? `(${passed})` : ''}${leafSelection(mutation)} }`;
}

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
}

async function post(demo: DemoApi, query: string, variables: Record<string, unknown>, token = demo.admin): Promise<Answer> {
  const response = await fetch(`${demo.api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** Row counts of what a mutation writes, and of the audit trail, which records every stored change. */
async function countsOf(demo: DemoApi, writes: EntityName<object>[]): Promise<number[]> {
  const em = demo.api.orm.em.fork();
  return Promise.all(['AuditLogEntry', ...writes].map((entity) => em.count(entity as EntityName<object>, {})));
}

const fuzzed = MUTATIONS.filter((mutation) => !(mutation.name in EXEMPT));

describe('the bad-input table', () => {
  it('has a baseline for every mutation that is not exempt, and none for mutations that are gone', () => {
    const missing = fuzzed.map((mutation) => mutation.name).filter((name) => !(name in BASELINES));
    expect(missing, `mutations without a baseline in bad-input.test.ts: ${missing.join(', ')}`).toEqual([]);
    const names = new Set(MUTATIONS.map((mutation) => mutation.name));
    expect(Object.keys(BASELINES).filter((name) => !names.has(name))).toEqual([]);
  });
});

describe.each(databases.available)('hostile input to every mutation on $name', (database) => {
  const demo = useDemoApi(database);
  let counter = 0;
  const fixture: Fixture = {
    demo,
    serial: () => ++counter,
    async first(entity, where = {}) {
      const em = demo.api.orm.em.fork();
      const viewer = await demo.api.graphql<{ me: { organisation: { id: string } } }>('{ me { organisation { id } } }', {}, demo.admin);
      const organisation = viewer.data!.me.organisation.id;
      const scoped = demo.api.orm.getMetadata().find(entity as string)?.properties.organisation ? { organisation } : {};
      const [record] = await em.find(entity, { ...scoped, ...where } as never, { orderBy: { id: 'asc' } as never, limit: 1 });
      if (!record) throw new Error(`the demo organisation has no ${String(entity)} matching ${JSON.stringify(where)}`);
      return record as unknown as { id: string; version: number };
    },
    async make(query, variables = {}) {
      const answer = await demo.api.graphql(query, variables, demo.admin);
      if (answer.errors) throw new Error(`a baseline could not make its record: ${JSON.stringify(answer.errors)}`);
      return answer.data as never;
    },
  };

  it.each(fuzzed.filter((mutation) => mutation.name in BASELINES).map((mutation) => [mutation.name, mutation] as const))('%s', async (name, mutation) => {
    const baseline = BASELINES[name]!;
    const query = operationOf(mutation);

    // The baseline itself must succeed, or every case below would prove nothing.
    const sample = await baseline.variables(fixture);
    const plain = await post(demo, query, sample, await baseline.caller?.(fixture));
    expect(plain.body.errors, `the baseline of ${name} fails: ${JSON.stringify(plain.body.errors)}`).toBeUndefined();

    const slots = slotsOf(mutation, sample);
    expect(slots.length, `${name} has no field to fuzz; exempt it instead`).toBeGreaterThan(0);
    const cases = fc.constantFrom(...slots).chain((slot) => hostileValue(slot.type).map((value) => ({ path: slot.path, value })));

    await fc.assert(
      fc.asyncProperty(cases, async ({ path, value }) => {
        const variables = withValue(await baseline.variables(fixture), path, value);
        const caller = await baseline.caller?.(fixture);
        const before = await countsOf(demo, baseline.writes);
        const loggedBefore = demo.api.loggedErrors.length;
        const answer = await post(demo, query, variables, caller);
        const where = `${name} with ${path.join('.')} = ${JSON.stringify(value).slice(0, 80)}`;

        expect(demo.api.loggedErrors.slice(loggedBefore), `${where}: internal error`).toEqual([]);
        expect(answer.status, `${where}: HTTP status`).toBeLessThan(500);
        if (!answer.body.errors) {
          expect(answer.status).toBe(200);
          return;
        }
        const error = answer.body.errors[0]!;
        const code = error.extensions?.code;
        const field = path.filter((key) => typeof key === 'string').at(-1)!;
        if (code === 'BAD_USER_INPUT' && error.extensions?.field) {
          // Refused by the API: it names a field of the input.
        } else if (code === 'BAD_USER_INPUT' && error.message.startsWith('Variable "$') && error.message.includes(field)) {
          // Refused by GraphQL's own coercion (an Int beyond 32 bits): the message names the field.
        } else if (code === 'CONFLICT' && field === 'expectedVersion') {
          // A version that is not the current one is stale, as it should be.
        } else if (code === 'NOT_FOUND' && getNamedType(slotType(mutation, path)).name === 'ID') {
          // An id that names no record.
        } else {
          expect.fail(`${where}: answered ${answer.status} ${JSON.stringify(answer.body.errors)}`);
        }
        expect(await countsOf(demo, baseline.writes), `${where}: refused, yet stored something`).toEqual(before);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 60_000 + RUNS * 1_000);
});

/** The GraphQL type at a path of the mutation's arguments. */
function slotType(mutation: GraphQLField<unknown, unknown>, path: (string | number)[]): GraphQLInputType {
  let type: GraphQLInputType = mutation.args.find((argument) => argument.name === path[0])!.type;
  for (const key of path.slice(1)) {
    const unwrapped = isNonNullType(type) ? type.ofType : type;
    if (typeof key === 'number' && isListType(unwrapped)) type = unwrapped.ofType as GraphQLInputType;
    else if (isInputObjectType(unwrapped)) type = unwrapped.getFields()[key as string]!.type;
  }
  return type;
}
