import { annexAControls, annexAObjectives } from '@assay/schema';
import { describe, expect, it } from 'vitest';
import { demoSoaStatus } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

const PLAN = `{ certificationPlan {
  stages { stage plannedStart plannedEnd actualStart actualEnd status version }
  bodies { id name accreditationBody scopeCovers42001 accreditationBodyIsMlaSignatory accreditedFor42001 chosen version }
  chosenBody { name }
} }`;
const UPDATE_STAGE = `mutation($stage: CertificationStageName!, $input: CertificationStageInput!) {
  updateCertificationStage(stage: $stage, input: $input) { stage plannedStart plannedEnd actualStart actualEnd status version }
}`;
const PROJECTION = `query($asOf: String) { certificationProjection(asOf: $asOf) {
  asOf stages { stage status plannedEnd projected { p50 p80 p95 } } certificationDate { p50 p80 p95 } criticalStage
  cycle { decision firstSurveillanceBy secondSurveillanceBy recertificationBy expiry } basis note remainingControls simulations
} }`;

interface Plan {
  stages: { stage: string; status: string; version: number; plannedStart: string | null; actualEnd: string | null }[];
  bodies: { id: string; name: string; accreditedFor42001: boolean; accreditationBodyIsMlaSignatory: boolean | null; chosen: boolean; version: number }[];
  chosenBody: { name: string } | null;
}

describe.each(databases.available)('certification on $name', (database) => {
  const demo = useDemoApi(database);

  it('shows the plan: seven stages in order with their status, and the bodies with their accreditation', async () => {
    const result = await demo.api.graphql<{ certificationPlan: Plan }>(PLAN, {}, demo.executive);
    expect(result.errors).toBeUndefined();
    const plan = result.data!.certificationPlan;
    expect(plan.stages.map((stage) => [stage.stage, stage.status])).toEqual([
      ['GAP_ANALYSIS', 'DONE'],
      ['IMPLEMENTATION', 'IN_PROGRESS'],
      ['INTERNAL_AUDIT', 'NOT_STARTED'],
      ['MANAGEMENT_REVIEW', 'NOT_STARTED'],
      ['STAGE_1', 'NOT_STARTED'],
      ['STAGE_2', 'NOT_STARTED'],
      ['CERTIFICATION_DECISION', 'NOT_STARTED'],
    ]);
    expect(plan.stages[2]!.version).toBe(0);
    expect(plan.chosenBody).toEqual({ name: 'Harbour Certification Services (demo)' });
    expect(plan.bodies.map((body) => [body.name, body.accreditedFor42001, body.accreditationBodyIsMlaSignatory, body.chosen])).toEqual([
      ['Harbour Certification Services (demo)', true, true, true],
      ['Quickcert Online (demo)', false, null, false],
    ]);
  });

  it('records stage dates with versions, and refuses stale versions and impossible dates without storing them', async () => {
    const planned = await demo.api.graphql<{ updateCertificationStage: { version: number; plannedStart: string; status: string } }>(
      UPDATE_STAGE,
      { stage: 'INTERNAL_AUDIT', input: { expectedVersion: 0, plannedStart: '2027-02-01', plannedEnd: '2027-02-12' } },
      demo.admin,
    );
    expect(planned.errors).toBeUndefined();
    expect(planned.data?.updateCertificationStage).toMatchObject({ version: 1, plannedStart: '2027-02-01', status: 'NOT_STARTED' });
    const stale = await demo.api.graphql(UPDATE_STAGE, { stage: 'INTERNAL_AUDIT', input: { expectedVersion: 0, plannedStart: '2027-03-01' } }, demo.admin);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    for (const [input, field, message] of [
      [{ plannedEnd: '2027-01-15' }, 'plannedEnd', 'plannedEnd must not be before plannedStart (2027-02-01), got 2027-01-15'],
      [{ actualEnd: '2026-01-15' }, 'actualEnd', 'actualEnd needs actualStart: a stage ends only after it started'],
      [{ actualStart: '2999-01-01' }, 'actualStart', 'actualStart must not be in the future (an actual date is one that has happened), got 2999-01-01'],
      [{ plannedStart: '2027-02-30' }, 'plannedStart', 'plannedStart must be a date as YYYY-MM-DD, got "2027-02-30"'],
    ] as const) {
      const result = await demo.api.graphql(UPDATE_STAGE, { stage: 'INTERNAL_AUDIT', input: { expectedVersion: 1, ...input } }, demo.admin);
      expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    const after = await demo.api.graphql<{ certificationPlan: Plan }>(PLAN, {}, demo.admin);
    expect(after.data?.certificationPlan.stages[2]).toMatchObject({ version: 1, plannedStart: '2027-02-01' });
    const forbidden = await demo.api.graphql(UPDATE_STAGE, { stage: 'STAGE_2', input: { expectedVersion: 0, plannedStart: '2027-05-01' } }, demo.executive);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('adds and chooses certification bodies, one chosen at a time, and refuses unknown accreditation bodies', async () => {
    const created = await demo.api.graphql<{ createCertificationBody: { id: string; accreditedFor42001: boolean } }>(
      `mutation($input: CertificationBodyInput!) { createCertificationBody(input: $input) { id accreditedFor42001 } }`,
      { input: { name: 'Rhine Audit GmbH', accreditationBody: 'DAkkS', accreditationNumber: 'D-ZM-00000', scopeCovers42001: true, verifiedOn: '2026-10-01' } },
      demo.admin,
    );
    expect(created.data?.createCertificationBody.accreditedFor42001).toBe(true);
    const chosen = await demo.api.graphql(`mutation($id: ID!) { chooseCertificationBody(id: $id) { chosen } }`, { id: created.data!.createCertificationBody.id }, demo.admin);
    expect(chosen.errors).toBeUndefined();
    const plan = await demo.api.graphql<{ certificationPlan: Plan }>(PLAN, {}, demo.admin);
    expect(plan.data?.certificationPlan.chosenBody).toEqual({ name: 'Rhine Audit GmbH' });
    expect(plan.data?.certificationPlan.bodies.filter((body) => body.chosen)).toHaveLength(1);
    const unknown = await demo.api.graphql(`mutation($input: CertificationBodyInput!) { createCertificationBody(input: $input) { id } }`, { input: { name: 'X', accreditationBody: 'ABC' } }, demo.admin);
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'accreditationBody' } });
    expect(unknown.errors?.[0]?.message).toMatch(/^accreditationBody must be the acronym of a known accreditation body \(UKAS, ANAB, /);
    const again = await demo.api.graphql<{ certificationPlan: Plan }>(PLAN, {}, demo.admin);
    expect(again.data?.certificationPlan.bodies).toHaveLength(3);
  });

  it('computes readiness per clause and per Annex A objective', async () => {
    const result = await demo.api.graphql<{
      readiness: {
        clauses: { clause: string; done: number; total: number; share: number | null; requirements: { id: string; done: boolean; basis: string | null }[] }[];
        objectives: { objective: string; title: string; done: number; total: number; excluded: number }[];
        controlShare: number;
        clauseShare: number;
        overall: number;
      };
    }>(`{ readiness { clauses { clause done total share requirements { id done basis } } objectives { objective title done total excluded } controlShare clauseShare overall } }`, {}, demo.executive);
    expect(result.errors).toBeUndefined();
    const readiness = result.data!.readiness;
    // Annex A from the seeded Statement of Applicability: count done and applicable controls per objective.
    const expected = annexAObjectives.map((objective) => {
      const decisions = annexAControls.flatMap((control, position) => (control.objectiveId === objective.id ? [demoSoaStatus(control.id, position)] : []));
      const applicable = decisions.filter((decision) => decision.applicable);
      return {
        objective: objective.id,
        title: objective.title,
        done: applicable.filter((decision) => ['implemented', 'verified'].includes(decision.implementationStatus)).length,
        total: applicable.length,
        excluded: decisions.length - applicable.length,
      };
    });
    expect(readiness.objectives).toEqual(expected);
    expect(readiness.controlShare).toBeCloseTo(25 / 37, 12);
    // Clause requirements: 4.1 from the context register, 5.2 from the policy evidence, 7.2 not shown anywhere.
    const requirement = (id: string) => readiness.clauses.flatMap((clause) => clause.requirements).find((entry) => entry.id === id);
    expect(requirement('4.1')).toEqual({ id: '4.1', done: true, basis: 'records' });
    expect(requirement('5.2')).toEqual({ id: '5.2', done: true, basis: 'evidence' });
    expect(requirement('7.2')).toEqual({ id: '7.2', done: false, basis: null });
    expect(readiness.clauses.map((clause) => clause.clause)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    const met = readiness.clauses.reduce((sum, clause) => sum + clause.done, 0);
    const total = readiness.clauses.reduce((sum, clause) => sum + clause.total, 0);
    expect(readiness.clauseShare).toBeCloseTo(met / total, 12);
    expect(readiness.overall).toBeCloseTo((met / total + 25 / 37) / 2, 12);
  });

  it('projects the certification date from the weekly pace of the Statement of Applicability, the same on every call', async () => {
    const first = await demo.api.graphql<{ certificationProjection: any }>(PROJECTION, {}, demo.executive);
    expect(first.errors).toBeUndefined();
    const projection = first.data!.certificationProjection;
    expect(projection).toMatchObject({ basis: 'history', remainingControls: 12, simulations: 10000 });
    expect(projection.stages.map((stage: { status: string }) => stage.status)).toEqual(['DONE', 'IN_PROGRESS', 'NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED']);
    const { p50, p80, p95 } = projection.certificationDate;
    expect(p50 <= p80 && p80 <= p95).toBe(true);
    expect(p50 > projection.asOf).toBe(true);
    expect(projection.cycle.decision).toBe(p50);
    expect(projection.cycle.expiry).toBe(`${Number(p50.slice(0, 4)) + 3}${p50.slice(4)}`);
    const second = await demo.api.graphql<{ certificationProjection: any }>(PROJECTION, {}, demo.executive);
    expect(second.data?.certificationProjection).toEqual(projection);
    const early = await demo.api.graphql(PROJECTION, { asOf: '2020-01-01' }, demo.executive);
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' } });
    expect(early.errors?.[0]?.message).toMatch(/^asOf must not be before \d{4}-\d{2}-\d{2}, the latest actual date recorded in the certification plan, got 2020-01-01$/);
  });
});
