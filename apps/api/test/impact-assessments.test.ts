import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SIGN_IN } from '../src/seed/demo.js';
import { ImpactAssessment } from '../src/entities/impact-assessment.entity.js';
import { ImpactItem } from '../src/entities/impact-item.entity.js';
import { Organisation } from '../src/entities/organisation.entity.js';
import { Risk } from '../src/entities/risk.entity.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const FIELDS = `id title status assessedOn nextReviewOn reviewOverdue scope intendedUse foreseeableMisuse humanOversight
  friaRequired friaDeployerProcesses friaNotifiedOn riskIds risks { title } approvedBy approvedOn version
  aiSystem { name } items { id kind affected affectedParties description severity likelihood mitigation version }`;

interface Item {
  id: string;
  kind: string;
  affected: string;
  affectedParties: string | null;
  description: string;
  severity: number;
  likelihood: number;
  mitigation: string | null;
  version: number;
}

interface Assessment {
  id: string;
  title: string;
  status: string;
  assessedOn: string;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  friaRequired: boolean;
  friaNotifiedOn: string | null;
  riskIds: string[];
  risks: { title: string }[];
  approvedBy: string | null;
  approvedOn: string | null;
  version: number;
  aiSystem: { name: string };
  items: Item[];
}

const CREATE = `mutation($input: CreateImpactAssessmentInput!) { createImpactAssessment(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateImpactAssessmentInput!) { updateImpactAssessment(id: $id, input: $input) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $expected: Int!, $on: String, $next: String) { approveImpactAssessment(id: $id, expectedVersion: $expected, approvedOn: $on, nextReviewOn: $next) { ${FIELDS} } }`;
const ADD_ITEM = `mutation($id: ID!, $input: ImpactItemInput!) { addImpactItem(assessmentId: $id, input: $input) { id kind severity likelihood version assessment { version } } }`;
const UPDATE_ITEM = `mutation($id: ID!, $input: ImpactItemInput!) { updateImpactItem(id: $id, input: $input) { id severity mitigation version assessment { version } } }`;
const REMOVE_ITEM = `mutation($id: ID!) { removeImpactItem(id: $id) { version items { id } } }`;
const DELETE = `mutation($id: ID!) { deleteImpactAssessment(id: $id) }`;

/** A UUID that names nothing. */
const NOWHERE = '00000000-0000-4000-8000-000000000000';

const HARM = { kind: 'HARM', affected: 'GROUPS', affectedParties: 'Applicants over 60', description: 'Lower approval rates for older applicants.', severity: 4, likelihood: 3, mitigation: 'Monthly fairness monitoring.' };

describe.each(databases.available)('impact assessments on $name', (database) => {
  const demo = useDemoApi(database);
  const ids = { credit: '', cv: '', fraud: '', ageRisk: '', explanationRisk: '' };
  /** A risk manager of the demo organisation: edits, but neither approves nor deletes what is approved. */
  let riskManager = '';

  beforeAll(async () => {
    const systems = await demo.api.graphql<{ aiSystems: { nodes: { id: string; name: string }[] } }>(`{ aiSystems { nodes { id name } } }`, {}, demo.admin);
    const systemId = (name: string) => systems.data?.aiSystems.nodes.find((system) => system.name === name)?.id ?? '';
    ids.credit = systemId('Credit decisioning model');
    ids.cv = systemId('CV screening model');
    ids.fraud = systemId('Fraud detection model');
    const risks = await demo.api.graphql<{ risks: { nodes: { id: string; title: string }[] } }>(`{ risks { nodes { id title } } }`, {}, demo.admin);
    const riskId = (title: string) => risks.data?.risks.nodes.find((risk) => risk.title === title)?.id ?? '';
    ids.ageRisk = riskId('Credit model under-approves applicants over 60');
    ids.explanationRisk = riskId('Explanations for declined loans are incomplete');

    // The demo's risk manager.
    riskManager = await demo.api.signIn('risk@assay.local', DEMO_SIGN_IN.password);
  });

  async function create(input: Record<string, unknown>, token = demo.admin): Promise<Assessment> {
    const result = await demo.api.graphql<{ createImpactAssessment: Assessment }>(CREATE, { input: { aiSystemId: ids.fraud, title: 'Fraud model impact assessment', assessedOn: '2026-11-02', ...input } }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.createImpactAssessment;
  }

  it('shows the seeded assessments to every member: the approved credit FRIA and the CV screener in review', async () => {
    const result = await demo.api.graphql<{ impactAssessments: { nodes: Assessment[] } }>(`{ impactAssessments { nodes { ${FIELDS} } } }`, {}, demo.executive);
    expect(result.errors).toBeUndefined();
    const [cv, credit] = result.data?.impactAssessments.nodes ?? [];
    expect(cv).toMatchObject({ status: 'IN_REVIEW', friaRequired: false, approvedBy: null, aiSystem: { name: 'CV screening model' }, risks: [{ title: 'CV screener shortlists fewer women' }] });
    expect(credit).toMatchObject({
      status: 'APPROVED',
      assessedOn: '2026-07-20',
      approvedBy: 'Dana Demo',
      approvedOn: '2026-07-31',
      friaRequired: true,
      friaNotifiedOn: '2026-08-04',
      aiSystem: { name: 'Credit decisioning model' },
      risks: [{ title: 'Credit model under-approves applicants over 60' }, { title: 'Explanations for declined loans are incomplete' }],
    });
    // Harms first, the most severe first; then benefits.
    expect(credit?.items.map((item) => `${item.kind} ${item.severity}×${item.likelihood}`)).toEqual(['HARM 4×3', 'HARM 3×3', 'HARM 3×2', 'BENEFIT 3×5', 'BENEFIT 2×4']);
    expect(cv?.items).toHaveLength(3);
  });

  it('lists the assessments of one AI system, and on the AI system itself', async () => {
    const bySystem = await demo.api.graphql<{ impactAssessments: { nodes: { title: string }[] } }>(`query($id: ID) { impactAssessments(filter: { aiSystemId: $id }) { nodes { title } } }`, { id: ids.cv }, demo.executive);
    expect(bySystem.data?.impactAssessments.nodes).toEqual([{ title: 'CV screening model: impact assessment 2026' }]);
    const systems = await demo.api.graphql<{ aiSystems: { nodes: { name: string; impactAssessments: { status: string }[] }[] } }>(`{ aiSystems { nodes { name impactAssessments { status } } } }`, {}, demo.executive);
    const statuses = Object.fromEntries(systems.data?.aiSystems.nodes.map((system) => [system.name, system.impactAssessments.map((assessment) => assessment.status)]) ?? []);
    expect(statuses).toMatchObject({ 'Credit decisioning model': ['APPROVED'], 'CV screening model': ['IN_REVIEW'], 'Customer assistant': [] });
    const unknown = await demo.api.graphql(`query($id: ID) { impactAssessments(filter: { aiSystemId: $id }) { nodes { title } } }`, { id: NOWHERE }, demo.executive);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.aiSystemId' });
  });

  it('creates, reads, changes, submits and approves an assessment, then reopens and deletes it', async () => {
    const created = await create({ scope: 'Card fraud alerts', riskIds: [ids.explanationRisk, ids.ageRisk, ids.ageRisk] });
    expect(created).toMatchObject({ status: 'DRAFT', version: 1, aiSystem: { name: 'Fraud detection model' }, riskIds: [ids.explanationRisk, ids.ageRisk], items: [], reviewOverdue: false });
    expect(created.risks.map((risk) => risk.title)).toEqual(['Explanations for declined loans are incomplete', 'Credit model under-approves applicants over 60']);
    const read = await demo.api.graphql<{ impactAssessment: Assessment }>(`query($id: ID!) { impactAssessment(id: $id) { ${FIELDS} } }`, { id: created.id }, demo.executive);
    expect(read.data?.impactAssessment).toEqual(created);

    // Impacts: adding one moves the assessment's version on.
    const harm = await demo.api.graphql<{ addImpactItem: Item & { assessment: { version: number } } }>(ADD_ITEM, { id: created.id, input: HARM }, demo.admin);
    expect(harm.data?.addImpactItem).toMatchObject({ kind: 'HARM', severity: 4, likelihood: 3, version: 1, assessment: { version: 2 } });
    const benefit = await demo.api.graphql<{ addImpactItem: Item }>(ADD_ITEM, { id: created.id, input: { kind: 'BENEFIT', affected: 'SOCIETY', description: 'Less card fraud for everyone.', severity: 3, likelihood: 4 } }, demo.admin);
    expect(benefit.errors).toBeUndefined();
    const changedItem = await demo.api.graphql<{ updateImpactItem: Item & { assessment: { version: number } } }>(UPDATE_ITEM, { id: harm.data?.addImpactItem.id, input: { expectedVersion: 1, severity: 5, mitigation: null } }, demo.admin);
    expect(changedItem.data?.updateImpactItem).toMatchObject({ severity: 5, mitigation: null, version: 2, assessment: { version: 4 } });
    const staleItem = await demo.api.graphql(UPDATE_ITEM, { id: harm.data?.addImpactItem.id, input: { expectedVersion: 1, severity: 2 } }, demo.admin);
    expect(staleItem.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const updated = await demo.api.graphql<{ updateImpactAssessment: Assessment }>(
      UPDATE,
      { id: created.id, input: { expectedVersion: 4, title: 'Fraud model impact assessment 2026', status: 'IN_REVIEW', humanOversight: 'Analysts confirm every account closure.', riskIds: [] } },
      demo.admin,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateImpactAssessment).toMatchObject({ title: 'Fraud model impact assessment 2026', status: 'IN_REVIEW', scope: 'Card fraud alerts', riskIds: [], risks: [], version: 5 });
    expect(updated.data?.updateImpactAssessment.items.map((item) => item.kind)).toEqual(['HARM', 'BENEFIT']);
    const stale = await demo.api.graphql(UPDATE, { id: created.id, input: { expectedVersion: 4, scope: 'Racing edit' } }, demo.admin);
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(stale.errors?.[0]?.message).toContain('now version 5');

    // An approval based on a version read before someone changed the impacts is a conflict.
    await demo.api.graphql(ADD_ITEM, { id: created.id, input: { ...HARM, affected: 'INDIVIDUALS', description: 'Card blocked while travelling.' } }, demo.admin);
    const staleApproval = await demo.api.graphql(APPROVE, { id: created.id, expected: 5, next: '2027-11-02' }, demo.admin);
    expect(staleApproval.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const byRiskManager = await demo.api.graphql(APPROVE, { id: created.id, expected: 6, next: '2027-11-02' }, riskManager);
    expect(byRiskManager.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const approved = await demo.api.graphql<{ approveImpactAssessment: Assessment }>(APPROVE, { id: created.id, expected: 6, on: '2026-11-20', next: '2027-11-02' }, demo.admin);
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.approveImpactAssessment).toMatchObject({ status: 'APPROVED', approvedBy: 'Dana Demo', approvedOn: '2026-11-20', nextReviewOn: '2027-11-02', version: 7 });
    const again = await demo.api.graphql(APPROVE, { id: created.id, expected: 7 }, demo.admin);
    expect(again.errors?.[0]).toMatchObject({ message: 'id names an assessment that is already approved', extensions: { code: 'BAD_USER_INPUT', field: 'id' } });

    // Approved: frozen but for its review date, until reopened.
    const frozen = await demo.api.graphql(UPDATE, { id: created.id, input: { expectedVersion: 7, scope: 'Changed after approval' } }, demo.admin);
    expect(frozen.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'status' } });
    const frozenItem = await demo.api.graphql(ADD_ITEM, { id: created.id, input: HARM }, demo.admin);
    expect(frozenItem.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'assessmentId' } });
    const frozenRemoval = await demo.api.graphql(REMOVE_ITEM, { id: benefit.data?.addImpactItem.id }, demo.admin);
    expect(frozenRemoval.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    const beforeApproval = await demo.api.graphql(UPDATE, { id: created.id, input: { expectedVersion: 7, nextReviewOn: '2026-11-19' } }, demo.admin);
    expect(beforeApproval.errors?.[0]).toMatchObject({ message: 'nextReviewOn must be after approvedOn (2026-11-20), got 2026-11-19', extensions: { field: 'nextReviewOn' } });
    const reviewDate = await demo.api.graphql<{ updateImpactAssessment: Assessment }>(UPDATE, { id: created.id, input: { expectedVersion: 7, nextReviewOn: '2027-06-30' } }, demo.admin);
    expect(reviewDate.data?.updateImpactAssessment).toMatchObject({ status: 'APPROVED', nextReviewOn: '2027-06-30', version: 8 });
    const deniedDelete = await demo.api.graphql(DELETE, { id: created.id }, riskManager);
    expect(deniedDelete.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reopened = await demo.api.graphql<{ updateImpactAssessment: Assessment }>(UPDATE, { id: created.id, input: { expectedVersion: 8, status: 'DRAFT', scope: 'Card and account fraud alerts' } }, riskManager);
    expect(reopened.data?.updateImpactAssessment).toMatchObject({ status: 'DRAFT', approvedBy: null, approvedOn: null, scope: 'Card and account fraud alerts', version: 9 });

    const removed = await demo.api.graphql<{ removeImpactItem: { version: number; items: { id: string }[] } }>(REMOVE_ITEM, { id: benefit.data?.addImpactItem.id }, demo.admin);
    expect(removed.data?.removeImpactItem.version).toBe(10);
    expect(removed.data?.removeImpactItem.items).toHaveLength(2);
    expect(removed.data?.removeImpactItem.items.map((item) => item.id)).not.toContain(benefit.data?.addImpactItem.id);

    const deleted = await demo.api.graphql<{ deleteImpactAssessment: boolean }>(DELETE, { id: created.id }, riskManager);
    expect(deleted.data?.deleteImpactAssessment).toBe(true);
    const gone = await demo.api.graphql<{ impactAssessment: Assessment | null }>(`query($id: ID!) { impactAssessment(id: $id) { id } }`, { id: created.id }, demo.admin);
    expect(gone.data?.impactAssessment).toBeNull();
    // The impacts went with it.
    expect(await demo.api.orm.em.fork().count(ImpactItem, { assessment: created.id })).toBe(0);
  });

  it('approves only what is in review, with a review date after the approval and, for a FRIA, points (a)–(f)', async () => {
    const draft = await create({ title: 'Draft to approve' });
    const early = await demo.api.graphql(APPROVE, { id: draft.id, expected: 1, next: '2027-11-02' }, demo.admin);
    expect(early.errors?.[0]).toMatchObject({ message: 'id names an assessment that is a draft; submit it for review (status IN_REVIEW) first', extensions: { field: 'id' } });

    const fria = await create({ title: 'FRIA to approve', status: 'IN_REVIEW', friaRequired: true, friaDeployerProcesses: 'Loan origination.', humanOversight: 'Officers review referrals.' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ on: '2026-11-01', next: '2027-11-01' }, 'approvedOn', 'approvedOn must not be before assessedOn (2026-11-02), got 2026-11-01'],
      [{ on: '2026-11-20' }, 'nextReviewOn', 'nextReviewOn is required to approve: say when the assessment is next reviewed (ISO/IEC 42005 5.12)'],
      [{ on: '2026-11-20', next: '2026-11-20' }, 'nextReviewOn', 'nextReviewOn must be after approvedOn (2026-11-20), got 2026-11-20'],
      [{ on: '2026-11-31', next: '2027-11-01' }, 'approvedOn', 'approvedOn must be a date as YYYY-MM-DD, got "2026-11-31"'],
      [{ on: '2026-11-20', next: '2027-11-01' }, 'friaPeriodAndFrequency', 'friaPeriodAndFrequency is required to approve an assessment that includes a FRIA (Art. 27(1)(b) of the EU AI Act)'],
    ];
    for (const [variables, field, message] of cases) {
      const refused = await demo.api.graphql(APPROVE, { id: fria.id, expected: 1, ...variables }, demo.admin);
      expect(refused.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    const stored = await demo.api.orm.em.fork().findOneOrFail(ImpactAssessment, { id: fria.id });
    expect(stored).toMatchObject({ status: 'in-review', approvedOn: null, nextReviewOn: null, version: 1 });

    const completed = await demo.api.graphql<{ updateImpactAssessment: Assessment }>(
      UPDATE,
      {
        id: fria.id,
        input: { expectedVersion: 1, friaPeriodAndFrequency: 'Daily.', friaAffectedCategories: 'Applicants.', friaRisksOfHarm: 'Unjustified refusal.', friaMeasuresAndComplaints: 'Human review on request.', friaNotifiedOn: '2026-11-21' },
      },
      demo.admin,
    );
    expect(completed.errors).toBeUndefined();
    const approved = await demo.api.graphql<{ approveImpactAssessment: Assessment }>(APPROVE, { id: fria.id, expected: 2, on: '2026-11-20', next: '2027-11-01' }, demo.admin);
    expect(approved.data?.approveImpactAssessment).toMatchObject({ status: 'APPROVED', friaRequired: true, friaNotifiedOn: '2026-11-21' });
  });

  it.each([
    [{ title: '  ' }, 'title', 'title must not be empty'],
    [{ title: 'x'.repeat(201) }, 'title', 'title must be at most 200 characters, got 201'],
    [{ assessedOn: '2026-02-30' }, 'assessedOn', 'assessedOn must be a date as YYYY-MM-DD, got "2026-02-30"'],
    [{ aiSystemId: NOWHERE }, 'aiSystemId', `aiSystemId names no AI system of your organisation: ${NOWHERE}`],
    [{ status: 'APPROVED' }, 'status', 'status becomes APPROVED only through approveImpactAssessment, by an administrator'],
    [{ status: null }, 'status', 'status must not be null; leave it out to keep the current value'],
    [{ friaRequired: null }, 'friaRequired', 'friaRequired must not be null; leave it out to keep the current value'],
    [{ nextReviewOn: '2026-11-02' }, 'nextReviewOn', 'nextReviewOn must be after assessedOn (2026-11-02), got 2026-11-02'],
    [{ nextReviewOn: 'next year' }, 'nextReviewOn', 'nextReviewOn must be a date as YYYY-MM-DD, got "next year"'],
    [{ friaNotifiedOn: '2026-11-01' }, 'friaNotifiedOn', 'friaNotifiedOn must not be before assessedOn (2026-11-02), got 2026-11-01'],
    [{ scope: 'x'.repeat(10_001) }, 'scope', 'scope must be at most 10000 characters, got 10001'],
    [{ friaRisksOfHarm: 'x'.repeat(10_001) }, 'friaRisksOfHarm', 'friaRisksOfHarm must be at most 10000 characters, got 10001'],
    [{ riskIds: [NOWHERE] }, 'riskIds', `riskIds item 1 names no risk of your organisation: "${NOWHERE}"`],
    [{ riskIds: ['RISK-1'] }, 'riskIds', 'riskIds item 1 names no risk of your organisation: "RISK-1"'],
  ])('rejects %j naming the field, and stores nothing', async (override, field, message) => {
    const before = await demo.api.orm.em.fork().count(ImpactAssessment, {});
    const input = { aiSystemId: ids.fraud, title: 'Refused assessment', assessedOn: '2026-11-02', ...override };
    const result = await demo.api.graphql(CREATE, { input }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(await demo.api.orm.em.fork().count(ImpactAssessment, {})).toBe(before);
  });

  it("refuses a link to another organisation's risk, and a change that names one stores nothing", async () => {
    const em = demo.api.orm.em.fork();
    const other = em.create(Organisation, { name: 'Another lender' });
    const foreign = em.create(Risk, { organisation: other, title: 'Their risk', likelihood: 2, impact: 2, score: 4, level: 'Low', withinAppetite: true });
    await em.flush();
    const assessment = await create({ title: 'Links checked', riskIds: [ids.ageRisk] });
    const refused = await demo.api.graphql(UPDATE, { id: assessment.id, input: { expectedVersion: 1, title: 'Renamed', riskIds: [ids.ageRisk, foreign.id] } }, demo.admin);
    expect(refused.errors?.[0]).toMatchObject({ message: `riskIds item 2 names no risk of your organisation: "${foreign.id}"`, extensions: { code: 'BAD_USER_INPUT', field: 'riskIds' } });
    const stored = await demo.api.orm.em.fork().findOneOrFail(ImpactAssessment, { id: assessment.id });
    expect(stored).toMatchObject({ title: 'Links checked', riskIds: [ids.ageRisk], version: 1 });
  });

  it.each([
    [{ ...HARM, kind: undefined }, 'kind', 'kind is required'],
    [{ ...HARM, affected: undefined }, 'affected', 'affected is required'],
    [{ ...HARM, description: ' ' }, 'description', 'description must not be empty'],
    [{ ...HARM, severity: 0 }, 'severity', 'severity must be a whole number from 1 to 5, got 0'],
    [{ ...HARM, severity: undefined }, 'severity', 'severity is required'],
    [{ ...HARM, likelihood: 6 }, 'likelihood', 'likelihood must be a whole number from 1 to 5, got 6'],
    [{ ...HARM, affectedParties: 'x'.repeat(201) }, 'affectedParties', 'affectedParties must be at most 200 characters, got 201'],
    [{ ...HARM, mitigation: 'x'.repeat(10_001) }, 'mitigation', 'mitigation must be at most 10000 characters, got 10001'],
  ])('rejects the impact %j naming the field, and stores nothing', async (input, field, message) => {
    const assessment = await create({ title: `Impacts checked (${field})` });
    const result = await demo.api.graphql(ADD_ITEM, { id: assessment.id, input }, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    const em = demo.api.orm.em.fork();
    expect(await em.count(ImpactItem, { assessment: assessment.id })).toBe(0);
    expect((await em.findOneOrFail(ImpactAssessment, { id: assessment.id })).version).toBe(1);
  });

  it('refuses a change to an impact that clears a required field, and keeps it', async () => {
    const assessment = await create({ title: 'Impact changes checked' });
    const added = await demo.api.graphql<{ addImpactItem: Item }>(ADD_ITEM, { id: assessment.id, input: HARM }, demo.admin);
    const itemId = added.data?.addImpactItem.id;
    for (const [input, field] of [
      [{ expectedVersion: 1, severity: null }, 'severity'],
      [{ expectedVersion: 1, likelihood: 9 }, 'likelihood'],
      [{ severity: 2 }, 'expectedVersion'],
    ] as const) {
      const refused = await demo.api.graphql(UPDATE_ITEM, { id: itemId, input }, demo.admin);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    }
    const stored = await demo.api.orm.em.fork().findOneOrFail(ImpactItem, { id: itemId });
    expect(stored).toMatchObject({ severity: 4, likelihood: 3, version: 1 });
  });

  it('refuses every change by an executive', async () => {
    const assessment = await create({ title: 'Executive cannot touch' });
    const added = await demo.api.graphql<{ addImpactItem: Item }>(ADD_ITEM, { id: assessment.id, input: HARM }, demo.admin);
    const itemId = added.data?.addImpactItem.id;
    const attempts: [string, Record<string, unknown>][] = [
      [CREATE, { input: { aiSystemId: ids.fraud, title: 'By an executive', assessedOn: '2026-11-02' } }],
      [UPDATE, { id: assessment.id, input: { expectedVersion: 2, title: 'Renamed' } }],
      [APPROVE, { id: assessment.id, expected: 2, next: '2027-11-02' }],
      [DELETE, { id: assessment.id }],
      [ADD_ITEM, { id: assessment.id, input: HARM }],
      [UPDATE_ITEM, { id: itemId, input: { expectedVersion: 1, severity: 1 } }],
      [REMOVE_ITEM, { id: itemId }],
    ];
    for (const [mutation, variables] of attempts) {
      const result = await demo.api.graphql(mutation, variables, demo.executive);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const em = demo.api.orm.em.fork();
    expect(await em.findOneOrFail(ImpactAssessment, { id: assessment.id })).toMatchObject({ title: 'Executive cannot touch', version: 2 });
    expect(await em.count(ImpactItem, { assessment: assessment.id })).toBe(1);
  });
});
