import type { EntityName } from '@mikro-orm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AiObjective } from '../src/entities/ai-objective.entity.js';
import { AiSystem } from '../src/entities/ai-system.entity.js';
import { Audit } from '../src/entities/audit.entity.js';
import { CertificationBody } from '../src/entities/certification-body.entity.js';
import { ContextIssue } from '../src/entities/context-issue.entity.js';
import { CorrectiveAction } from '../src/entities/corrective-action.entity.js';
import { Evidence } from '../src/entities/evidence.entity.js';
import { FairnessThreshold } from '../src/entities/fairness-threshold.entity.js';
import { FairnessWindow } from '../src/entities/fairness-window.entity.js';
import { Finding } from '../src/entities/finding.entity.js';
import { ImpactAssessment } from '../src/entities/impact-assessment.entity.js';
import { ImpactItem } from '../src/entities/impact-item.entity.js';
import { Incident } from '../src/entities/incident.entity.js';
import { InterestedParty } from '../src/entities/interested-party.entity.js';
import { KpiMeasurement } from '../src/entities/kpi-measurement.entity.js';
import { ManagementReview } from '../src/entities/management-review.entity.js';
import { Policy } from '../src/entities/policy.entity.js';
import { PolicyVersion } from '../src/entities/policy-version.entity.js';
import { ReviewAction } from '../src/entities/review-action.entity.js';
import { Risk } from '../src/entities/risk.entity.js';
import { RiskAssessment } from '../src/entities/risk-assessment.entity.js';
import { Supplier } from '../src/entities/supplier.entity.js';
import { TrainingRecord } from '../src/entities/training-record.entity.js';
import { DEMO_RISKS, DEMO_SIGN_IN, SECOND_TENANT_ADMIN } from '../src/seed/demo.js';
import { useDemoApi } from './support/api.js';
import { testDatabases } from './support/databases.js';

const databases = await testDatabases();

/** Records of one kind, by id: those that go with a deleted record, or that must stay. */
interface Group {
  entity: EntityName<object>;
  entityType: string;
  ids: string[];
}

/** A record made for one delete, with the records it owns and those that must outlive it. */
interface Made {
  id: string;
  version: number;
  children: Group[];
  survivors: Group[];
}

interface Case {
  mutation: string;
  /** The singular query that shows the record; null when there is none (review actions). */
  singular: string | null;
  entity: EntityName<object>;
  entityType: string;
  make: () => Promise<Made>;
}

interface LogEntry {
  entityType: string;
  operation: string;
  before: string | null;
  after: string | null;
}

describe.each(databases.available)('deletes and singular queries on $name', (database) => {
  const demo = useDemoApi(database);
  let other: string;
  let riskManager: string;

  beforeAll(async () => {
    other = await demo.api.signIn(SECOND_TENANT_ADMIN.email, SECOND_TENANT_ADMIN.password);
    riskManager = await demo.api.signIn('risk@assay.local', DEMO_SIGN_IN.password);
  });

  /** Runs an operation that must succeed, and answers its data. */
  async function ok<Data = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token: string = demo.admin): Promise<Data> {
    const result = await demo.api.graphql<Data>(query, variables, token);
    expect(result.errors, query).toBeUndefined();
    return result.data!;
  }

  async function stored(entity: EntityName<object>, ids: readonly string[]): Promise<number> {
    return demo.api.orm.em.fork().count(entity, { id: { $in: [...ids] } });
  }

  async function latestEntry(id: string): Promise<LogEntry | undefined> {
    const data = await ok<{ auditLog: { nodes: LogEntry[] } }>(`query($id: String!) { auditLog(filter: { entityId: $id }, first: 1) { nodes { entityType operation before after } } }`, { id });
    return data.auditLog.nodes[0];
  }

  async function systemId(name: string): Promise<string> {
    const data = await ok<{ aiSystems: { nodes: { id: string; name: string }[] } }>(`{ aiSystems { nodes { id name } } }`);
    return data.aiSystems.nodes.find((system) => system.name === name)!.id;
  }

  async function newAudit(title: string): Promise<string> {
    return (await ok(`mutation($title: String!) { createAudit(input: { title: $title, plannedOn: "2026-11-02" }) { id } }`, { title })).createAudit.id;
  }

  async function newFinding(auditId: string, description: string): Promise<{ id: string; version: number }> {
    const data = await ok(`mutation($audit: ID!, $text: String!) { addFinding(auditId: $audit, input: { kind: OBSERVATION, description: $text, raisedOn: "2026-11-03" }) { id version } }`, {
      audit: auditId,
      text: description,
    });
    return data.addFinding;
  }

  async function newCorrectiveAction(findingId: string, description: string): Promise<{ id: string; version: number }> {
    const data = await ok(`mutation($finding: ID!, $text: String!) { addCorrectiveAction(findingId: $finding, input: { description: $text, dueDate: "2026-12-01" }) { id version } }`, {
      finding: findingId,
      text: description,
    });
    return data.addCorrectiveAction;
  }

  async function newReview(): Promise<string> {
    return (await ok(`mutation { createManagementReview(input: { heldOn: "2026-11-20", decisions: "Fund the fairness dashboard." }) { id } }`)).createManagementReview.id;
  }

  async function newReviewAction(reviewId: string, description: string): Promise<{ id: string; version: number }> {
    const data = await ok(`mutation($review: ID!, $text: String!) { addReviewAction(reviewId: $review, input: { description: $text, dueDate: "2027-01-31" }) { id version } }`, {
      review: reviewId,
      text: description,
    });
    return data.addReviewAction;
  }

  const cases: Case[] = [
    {
      mutation: 'deleteAiSystem',
      singular: 'aiSystem',
      entity: AiSystem,
      entityType: 'AiSystem',
      make: async () => {
        const { createAiSystem } = await ok(`mutation { createAiSystem(input: { name: "Churn prediction model", organisationRole: PROVIDER }) { id version } }`);
        return { ...createAiSystem, children: [], survivors: [] };
      },
    },
    {
      mutation: 'deleteRisk',
      singular: 'risk',
      entity: Risk,
      entityType: 'Risk',
      make: async () => {
        const { createRisk } = await ok(`mutation { createRisk(input: { title: "Churn model leaks tenure data", likelihood: 2, impact: 3 }) { id version } }`);
        // A second assessment, so the history has more than one entry to take along.
        const { updateRisk } = await ok(`mutation($id: ID!) { updateRisk(id: $id, input: { expectedVersion: 1, likelihood: 4 }) { version assessments { id } } }`, { id: createRisk.id });
        expect(updateRisk.assessments).toHaveLength(2);
        return {
          id: createRisk.id,
          version: updateRisk.version,
          children: [{ entity: RiskAssessment, entityType: 'RiskAssessment', ids: updateRisk.assessments.map((entry: { id: string }) => entry.id) }],
          survivors: [],
        };
      },
    },
    {
      mutation: 'deleteEvidence',
      singular: 'evidenceItem',
      entity: Evidence,
      entityType: 'Evidence',
      make: async () => {
        const { createEvidence } = await ok(`mutation { createEvidence(input: { title: "Churn model validation", controlIds: ["A.6.2.4"] }) { id version } }`);
        return { ...createEvidence, children: [], survivors: [] };
      },
    },
    {
      mutation: 'deletePolicy',
      singular: 'policy',
      entity: Policy,
      entityType: 'Policy',
      make: async () => {
        const { createPolicy } = await ok(`mutation { createPolicy(title: "Model retirement policy", text: "First text.") { id } }`);
        const { revisePolicy } = await ok(`mutation($id: ID!) { revisePolicy(id: $id, text: "Second text.", expectedVersion: 1) { id version versions { id } } }`, { id: createPolicy.id });
        expect(revisePolicy.versions).toHaveLength(2);
        return {
          id: revisePolicy.id,
          version: revisePolicy.version,
          children: [{ entity: PolicyVersion, entityType: 'PolicyVersion', ids: revisePolicy.versions.map((entry: { id: string }) => entry.id) }],
          survivors: [],
        };
      },
    },
    {
      mutation: 'deleteIncident',
      singular: 'incident',
      entity: Incident,
      entityType: 'Incident',
      make: async () => {
        const aiSystemId = await systemId('Fraud detection model');
        const { createIncident } = await ok(`mutation($system: ID) { createIncident(input: { title: "Fraud alerts stopped for an hour", awareOn: "2026-11-04", aiSystemId: $system }) { id version } }`, {
          system: aiSystemId,
        });
        // The AI system it concerned stays.
        return { ...createIncident, children: [], survivors: [{ entity: AiSystem, entityType: 'AiSystem', ids: [aiSystemId] }] };
      },
    },
    {
      mutation: 'deleteAudit',
      singular: 'audit',
      entity: Audit,
      entityType: 'Audit',
      make: async () => {
        const auditId = await newAudit('Supplier audit 2026');
        const first = await newFinding(auditId, 'Supplier contracts lack model change notice.');
        const second = await newFinding(auditId, 'No exit plan for the OCR supplier.');
        const actions = [await newCorrectiveAction(first.id, 'Add a change notice clause.'), await newCorrectiveAction(first.id, 'Review the other contracts.')];
        const { audit } = await ok(`query($id: ID!) { audit(id: $id) { version } }`, { id: auditId });
        return {
          id: auditId,
          version: audit.version,
          children: [
            { entity: Finding, entityType: 'Finding', ids: [first.id, second.id] },
            { entity: CorrectiveAction, entityType: 'CorrectiveAction', ids: actions.map((action) => action.id) },
          ],
          survivors: [],
        };
      },
    },
    {
      mutation: 'deleteFinding',
      singular: 'finding',
      entity: Finding,
      entityType: 'Finding',
      make: async () => {
        const auditId = await newAudit('Data audit 2026');
        const finding = await newFinding(auditId, 'Lineage of two feeds is missing.');
        const sibling = await newFinding(auditId, 'Retention of training data is undocumented.');
        const action = await newCorrectiveAction(finding.id, 'Record lineage at ingestion.');
        return {
          ...finding,
          children: [{ entity: CorrectiveAction, entityType: 'CorrectiveAction', ids: [action.id] }],
          // The audit and its other findings stay.
          survivors: [
            { entity: Audit, entityType: 'Audit', ids: [auditId] },
            { entity: Finding, entityType: 'Finding', ids: [sibling.id] },
          ],
        };
      },
    },
    {
      mutation: 'deleteCorrectiveAction',
      singular: 'correctiveAction',
      entity: CorrectiveAction,
      entityType: 'CorrectiveAction',
      make: async () => {
        const auditId = await newAudit('Logging audit 2026');
        const finding = await newFinding(auditId, 'Logs rotate too early.');
        const action = await newCorrectiveAction(finding.id, 'Raise retention.');
        const sibling = await newCorrectiveAction(finding.id, 'Alert on rotation.');
        return {
          ...action,
          children: [],
          survivors: [
            { entity: Finding, entityType: 'Finding', ids: [finding.id] },
            { entity: CorrectiveAction, entityType: 'CorrectiveAction', ids: [sibling.id] },
          ],
        };
      },
    },
    {
      mutation: 'deleteManagementReview',
      singular: 'managementReview',
      entity: ManagementReview,
      entityType: 'ManagementReview',
      make: async () => {
        const reviewId = await newReview();
        const actions = [await newReviewAction(reviewId, 'Commission the dashboard.'), await newReviewAction(reviewId, 'Report on it at the next review.')];
        const { managementReview } = await ok(`query($id: ID!) { managementReview(id: $id) { version } }`, { id: reviewId });
        return { id: reviewId, version: managementReview.version, children: [{ entity: ReviewAction, entityType: 'ReviewAction', ids: actions.map((action) => action.id) }], survivors: [] };
      },
    },
    {
      mutation: 'deleteReviewAction',
      singular: null,
      entity: ReviewAction,
      entityType: 'ReviewAction',
      make: async () => {
        const reviewId = await newReview();
        const action = await newReviewAction(reviewId, 'Commission the dashboard.');
        const sibling = await newReviewAction(reviewId, 'Brief the board.');
        return {
          ...action,
          children: [],
          survivors: [
            { entity: ManagementReview, entityType: 'ManagementReview', ids: [reviewId] },
            { entity: ReviewAction, entityType: 'ReviewAction', ids: [sibling.id] },
          ],
        };
      },
    },
    {
      mutation: 'deleteCertificationBody',
      singular: 'certificationBody',
      entity: CertificationBody,
      entityType: 'CertificationBody',
      make: async () => {
        const { createCertificationBody } = await ok(`mutation { createCertificationBody(input: { name: "Northern Assurance (demo)" }) { id version } }`);
        return { ...createCertificationBody, children: [], survivors: [] };
      },
    },
    {
      mutation: 'deleteContextIssue',
      singular: 'contextIssue',
      entity: ContextIssue,
      entityType: 'ContextIssue',
      make: async () => {
        const { addContextIssue } = await ok(`mutation { addContextIssue(input: { external: true, description: "Typed into the wrong register.", recordedOn: "2026-11-05" }) { id version } }`);
        return { ...addContextIssue, children: [], survivors: [] };
      },
    },
    {
      mutation: 'deleteInterestedParty',
      singular: 'interestedParty',
      entity: InterestedParty,
      entityType: 'InterestedParty',
      make: async () => {
        const { addInterestedParty } = await ok(`mutation { addInterestedParty(input: { name: "Duplicate entry", needs: "None: recorded twice.", recordedOn: "2026-11-05" }) { id version } }`);
        return { ...addInterestedParty, children: [], survivors: [] };
      },
    },
    // The deletes that came before these, now with expectedVersion and with what they own in the audit log too.
    {
      mutation: 'deleteAiObjective',
      singular: 'objective',
      entity: AiObjective,
      entityType: 'AiObjective',
      make: async () => {
        const { createAiObjective } = await ok(
          `mutation { createAiObjective(input: { title: "Cut review backlog", targetDate: "2027-06-30", kpiName: "Open reviews", kpiDirection: LOWER_IS_BETTER, kpiTarget: 5 }) { id version } }`,
        );
        const measurements = [];
        for (const [measuredOn, value] of [['2026-10-31', 12], ['2026-11-30', 9]] as const) {
          const { addKpiMeasurement } = await ok(`mutation($id: ID!, $on: String!, $value: Float!) { addKpiMeasurement(objectiveId: $id, input: { measuredOn: $on, value: $value }) { id } }`, {
            id: createAiObjective.id,
            on: measuredOn,
            value,
          });
          measurements.push(addKpiMeasurement.id as string);
        }
        return { ...createAiObjective, children: [{ entity: KpiMeasurement, entityType: 'KpiMeasurement', ids: measurements }], survivors: [] };
      },
    },
    {
      mutation: 'deleteKpiMeasurement',
      singular: null,
      entity: KpiMeasurement,
      entityType: 'KpiMeasurement',
      make: async () => {
        const { createAiObjective } = await ok(
          `mutation { createAiObjective(input: { title: "Raise model card coverage", targetDate: "2027-06-30", kpiName: "Coverage", kpiDirection: HIGHER_IS_BETTER, kpiTarget: 100 }) { id } }`,
        );
        const { addKpiMeasurement } = await ok(`mutation($id: ID!) { addKpiMeasurement(objectiveId: $id, input: { measuredOn: "2026-11-30", value: 60 }) { id version } }`, { id: createAiObjective.id });
        return { ...addKpiMeasurement, children: [], survivors: [{ entity: AiObjective, entityType: 'AiObjective', ids: [createAiObjective.id] }] };
      },
    },
    {
      mutation: 'deleteTrainingRecord',
      singular: 'trainingRecord',
      entity: TrainingRecord,
      entityType: 'TrainingRecord',
      make: async () => {
        const { createTrainingRecord } = await ok(
          `mutation { createTrainingRecord(input: { person: "Sam Sample", role: "Analyst", competence: "Fairness metrics", completedOn: "2026-10-01" }) { id version } }`,
        );
        return { ...createTrainingRecord, children: [], survivors: [] };
      },
    },
    {
      mutation: 'deleteSupplier',
      singular: 'supplier',
      entity: Supplier,
      entityType: 'Supplier',
      make: async () => {
        const fraud = await systemId('Fraud detection model');
        const { createSupplier } = await ok(`mutation($system: ID!) { createSupplier(input: { name: "Card data bureau", supplies: [DATA], aiSystemIds: [$system] }) { id version } }`, { system: fraud });
        return { ...createSupplier, children: [], survivors: [{ entity: AiSystem, entityType: 'AiSystem', ids: [fraud] }] };
      },
    },
    {
      mutation: 'deleteImpactAssessment',
      singular: 'impactAssessment',
      entity: ImpactAssessment,
      entityType: 'ImpactAssessment',
      make: async () => {
        const fraud = await systemId('Fraud detection model');
        const { createImpactAssessment } = await ok(`mutation($system: ID!) { createImpactAssessment(input: { aiSystemId: $system, title: "Fraud model reassessment", assessedOn: "2026-11-02" }) { id } }`, {
          system: fraud,
        });
        const items = [];
        for (const kind of ['HARM', 'BENEFIT']) {
          const { addImpactItem } = await ok(
            `mutation($id: ID!, $kind: ImpactKind) { addImpactItem(assessmentId: $id, input: { kind: $kind, affected: INDIVIDUALS, description: "Account holders", severity: 2, likelihood: 2 }) { id } }`,
            { id: createImpactAssessment.id, kind },
          );
          items.push(addImpactItem.id as string);
        }
        const { impactAssessment } = await ok(`query($id: ID!) { impactAssessment(id: $id) { version } }`, { id: createImpactAssessment.id });
        return {
          id: createImpactAssessment.id,
          version: impactAssessment.version,
          children: [{ entity: ImpactItem, entityType: 'ImpactItem', ids: items }],
          survivors: [{ entity: AiSystem, entityType: 'AiSystem', ids: [fraud] }],
        };
      },
    },
    {
      mutation: 'deleteFairnessThreshold',
      singular: 'fairnessThreshold',
      entity: FairnessThreshold,
      entityType: 'FairnessThreshold',
      make: async () => {
        const fraud = await systemId('Fraud detection model');
        const { setFairnessThreshold } = await ok(
          `mutation($system: ID!) { setFairnessThreshold(input: { aiSystemId: $system, attribute: "region", metric: DEMOGRAPHIC_PARITY_DIFFERENCE, value: 0.1 }) { id version } }`,
          { system: fraud },
        );
        return { ...setFairnessThreshold, children: [], survivors: [{ entity: AiSystem, entityType: 'AiSystem', ids: [fraud] }] };
      },
    },
  ];

  it.each(cases)('$mutation deletes the record with what it owns, refusing a stale version and another organisation', async ({ mutation, singular, entity, entityType, make }) => {
    const made = await make();
    const { id, version } = made;
    const remove = (token: string, expectedVersion?: number) =>
      demo.api.graphql<Record<string, boolean>>(`mutation($id: ID!, $expected: Int) { ${mutation}(id: $id, expectedVersion: $expected) }`, { id, expected: expectedVersion }, token);
    const everything = [{ entity, entityType, ids: [id] }, ...made.children];
    const allStored = async () => Promise.all(everything.map((group) => stored(group.entity, group.ids)));
    const counts = everything.map((group) => group.ids.length);
    expect(await allStored()).toEqual(counts);

    if (singular !== null) {
      const query = `query($id: ID!) { ${singular}(id: $id) { id version } }`;
      expect(await ok(query, { id })).toEqual({ [singular]: { id, version } });
      // Another organisation's id answers null, exactly like an unknown one.
      expect(await ok(query, { id }, other)).toEqual({ [singular]: null });
    }

    // Another organisation cannot delete it, nor learn that it exists.
    const foreign = await remove(other);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await allStored()).toEqual(counts);

    // A version someone has since moved past is a conflict, as for an update.
    const stale = await remove(demo.admin, version - 1);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain(`was changed by someone else (now version ${version}, your edit is based on ${version - 1})`);
    expect(await allStored()).toEqual(counts);

    expect(await remove(demo.admin, version)).toEqual({ data: { [mutation]: true } });
    expect(await allStored()).toEqual(everything.map(() => 0));
    for (const survivor of made.survivors) expect(await stored(survivor.entity, survivor.ids), survivor.entityType).toBe(survivor.ids.length);
    if (singular !== null) expect(await ok(`query($id: ID!) { ${singular}(id: $id) { id } }`, { id })).toEqual({ [singular]: null });

    // The audit log keeps each removed record as it stood, the owned ones too.
    const entry = await latestEntry(id);
    expect(entry).toMatchObject({ entityType, operation: 'delete', after: null });
    expect(JSON.parse(entry!.before!)).toMatchObject({ id, version });
    for (const group of made.children) {
      for (const childId of group.ids) {
        const childEntry = await latestEntry(childId);
        expect(childEntry, `${group.entityType} ${childId}`).toMatchObject({ entityType: group.entityType, operation: 'delete', after: null });
        expect(JSON.parse(childEntry!.before!)).toMatchObject({ id: childId });
      }
    }

    // Gone is gone: a second delete finds nothing.
    expect((await remove(demo.admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('deletes without expectedVersion, and keeps the audit log chain intact', async () => {
    const { addContextIssue } = await ok(`mutation { addContextIssue(input: { external: false, description: "Recorded in error.", recordedOn: "2026-11-05" }) { id } }`);
    // A retired issue can be deleted too: retiring is for issues that stopped mattering, deleting for mistakes.
    await ok(`mutation($id: ID!) { updateContextIssue(id: $id, input: { expectedVersion: 1, retiredOn: "2026-11-06" }) { id } }`, { id: addContextIssue.id });
    expect(await ok(`mutation($id: ID!) { deleteContextIssue(id: $id) }`, { id: addContextIssue.id })).toEqual({ deleteContextIssue: true });
    expect(await stored(ContextIssue, [addContextIssue.id])).toBe(0);
    // The log keeps the whole record as it stood before the delete, in the same form as for an update.
    const entry = await latestEntry(addContextIssue.id);
    expect(JSON.parse(entry!.before!)).toEqual({
      id: addContextIssue.id,
      organisation: expect.any(String),
      external: false,
      description: 'Recorded in error.',
      effect: null,
      climateRelated: false,
      recordedOn: '2026-11-05',
      retiredOn: '2026-11-06',
      version: 2,
    });
    expect(await ok(`{ verifyAuditLog { intact problem } }`)).toEqual({ verifyAuditLog: { intact: true, problem: null } });
  });

  it('answers an id that is no UUID as not found, on both databases', async () => {
    expect(await ok(`{ policy(id: "AI-POLICY") { id } evidenceItem(id: "1") { id } incident(id: "x") { id } }`)).toEqual({ policy: null, evidenceItem: null, incident: null });
    const result = await demo.api.graphql(`mutation { deleteRisk(id: "R-1") }`, {}, demo.admin);
    expect(result.errors?.[0]).toMatchObject({ message: 'Risk R-1 was not found', extensions: { code: 'NOT_FOUND' } });
    expect(demo.api.loggedErrors).toEqual([]);
  });

  it('refuses to delete an AI system that records still refer to, naming id and what refers to it', async () => {
    const { createAiSystem } = await ok(`mutation { createAiSystem(input: { name: "Collections prioritiser", organisationRole: PROVIDER }) { id } }`);
    const system = createAiSystem.id;
    const { createRisk } = await ok(`mutation($system: ID) { createRisk(input: { title: "Prioritiser targets vulnerable debtors", likelihood: 3, impact: 4, aiSystemId: $system }) { id } }`, { system });
    const { createIncident } = await ok(`mutation($system: ID) { createIncident(input: { title: "Calls placed at night", awareOn: "2026-11-06", aiSystemId: $system }) { id } }`, { system });
    const { createSupplier } = await ok(`mutation($system: ID!) { createSupplier(input: { name: "Dialler vendor", supplies: [SERVICE], aiSystemIds: [$system] }) { id } }`, { system });

    const refused = await demo.api.graphql(`mutation($id: ID!) { deleteAiSystem(id: $id, expectedVersion: 1) }`, { id: system }, demo.admin);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'id names an AI system that 1 risk, 1 incident and 1 supplier still refer to; delete them or move them to another AI system first',
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
    // Nothing changed: the system is there, and the risk still points at it (no foreign key set it to null).
    expect(await stored(AiSystem, [system])).toBe(1);
    expect(await ok(`query($id: ID!) { risk(id: $id) { aiSystem { id } } }`, { id: createRisk.id })).toEqual({ risk: { aiSystem: { id: system } } });

    await ok(`mutation($risk: ID!, $incident: ID!, $supplier: ID!) { deleteRisk(id: $risk) deleteIncident(id: $incident) deleteSupplier(id: $supplier) }`, {
      risk: createRisk.id,
      incident: createIncident.id,
      supplier: createSupplier.id,
    });
    expect(await ok(`mutation($id: ID!) { deleteAiSystem(id: $id, expectedVersion: 1) }`, { id: system })).toEqual({ deleteAiSystem: true });
  });

  it('refuses to delete a seeded AI system with risks, an impact assessment and fairness data', async () => {
    const credit = await systemId('Credit decisioning model');
    const windows = await demo.api.orm.em.fork().count(FairnessWindow, { aiSystem: credit });
    expect(windows).toBeGreaterThan(1);
    const refused = await demo.api.graphql(`mutation($id: ID!) { deleteAiSystem(id: $id) }`, { id: credit }, demo.admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    // The seed gives it seven risks, one impact assessment, one threshold with its weekly windows, and an incident.
    expect(DEMO_RISKS.filter((risk) => risk.system === 'Credit decisioning model')).toHaveLength(7);
    expect(refused.errors?.[0]?.message).toBe(
      `id names an AI system that 7 risks, 1 impact assessment, 1 fairness threshold, ${windows} fairness windows and 1 incident still refer to; delete them or move them to another AI system first`,
    );
    expect(await stored(AiSystem, [credit])).toBe(1);
    expect(await demo.api.orm.em.fork().count(FairnessWindow, { aiSystem: credit })).toBe(windows);
  });

  it('refuses to delete a risk that an impact assessment or a fairness threshold names', async () => {
    const credit = await systemId('Credit decisioning model');
    const { createRisk } = await ok(`mutation { createRisk(input: { title: "Age proxies in income history", likelihood: 3, impact: 4 }) { id } }`);
    const risk = createRisk.id;
    const { createImpactAssessment } = await ok(
      `mutation($system: ID!, $risk: ID!) { createImpactAssessment(input: { aiSystemId: $system, title: "Proxy review", assessedOn: "2026-11-01", riskIds: [$risk] }) { id } }`,
      { system: credit, risk },
    );
    const { setFairnessThreshold } = await ok(
      `mutation($system: ID!, $risk: ID!) { setFairnessThreshold(input: { aiSystemId: $system, attribute: "income history", metric: DISPARATE_IMPACT, value: 0.8, privilegedGroup: "long", riskId: $risk }) { id } }`,
      { system: credit, risk },
    );
    const refused = await demo.api.graphql(`mutation($id: ID!) { deleteRisk(id: $id) }`, { id: risk }, demo.admin);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'id names a risk that 1 impact assessment and 1 fairness threshold still refer to; remove the risk from them first',
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
    // The risk keeps its history, and the threshold its risk.
    expect(await demo.api.orm.em.fork().count(RiskAssessment, { risk })).toBe(1);
    expect((await demo.api.orm.em.fork().findOneOrFail(FairnessThreshold, { id: setFairnessThreshold.id })).risk?.id).toBe(risk);

    await ok(`mutation($threshold: ID!, $assessment: ID!) { deleteFairnessThreshold(id: $threshold) deleteImpactAssessment(id: $assessment) }`, {
      threshold: setFairnessThreshold.id,
      assessment: createImpactAssessment.id,
    });
    expect(await ok(`mutation($id: ID!) { deleteRisk(id: $id) }`, { id: risk })).toEqual({ deleteRisk: true });
    expect(await demo.api.orm.em.fork().count(RiskAssessment, { risk })).toBe(0);
  });

  it('refuses to delete the certification body the plan has chosen', async () => {
    const plan = await ok(`{ certificationPlan { chosenBody { id name } } }`);
    const chosen = plan.certificationPlan.chosenBody;
    expect(chosen.name).toBe('Harbour Certification Services (demo)');
    const refused = await demo.api.graphql(`mutation($id: ID!) { deleteCertificationBody(id: $id) }`, { id: chosen.id }, demo.admin);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'id names the certification body the certification plan has chosen; choose another body first (chooseCertificationBody)',
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
    expect(await stored(CertificationBody, [chosen.id])).toBe(1);
  });

  it('lets only an administrator delete a policy that has been approved', async () => {
    const { policies } = await ok(`{ policies { nodes { id title versions { id } } } }`);
    const seeded = policies.nodes.find((policy: { title: string }) => policy.title === 'AI policy');
    const refused = await demo.api.graphql(`mutation($id: ID!) { deletePolicy(id: $id) }`, { id: seeded.id }, riskManager);
    expect(refused.errors?.[0]).toMatchObject({ message: 'Your role (risk_manager) may not delete a policy that has been approved; it needs: admin', extensions: { code: 'FORBIDDEN' } });
    expect(await stored(PolicyVersion, seeded.versions.map((version: { id: string }) => version.id))).toBe(2);

    // A draft is the risk manager's to remove.
    const { createPolicy } = await ok(`mutation { createPolicy(title: "Draft policy", text: "Draft.") { id } }`, {}, riskManager);
    expect(await ok(`mutation($id: ID!) { deletePolicy(id: $id) }`, { id: createPolicy.id }, riskManager)).toEqual({ deletePolicy: true });
    expect(await ok(`mutation($id: ID!) { deletePolicy(id: $id) }`, { id: seeded.id })).toEqual({ deletePolicy: true });
    expect(await stored(PolicyVersion, seeded.versions.map((version: { id: string }) => version.id))).toBe(0);
  });

  it('answers each singular query with the record its list shows, and null for another organisation', async () => {
    const lists = await ok(`{
      incidents { nodes { id title aiSystem { name } reportingDeadline version } }
      audits { nodes { id title findings { id description correctiveActions { id description overdue } } } }
      managementReviews { nodes { id heldOn actions { id description } } }
      certificationPlan { bodies { id name chosen accreditedFor42001 version } }
      contextIssues { id description retiredOn }
      interestedParties { id name needs }
      evidence { nodes { id title alsoServes { framework ref } expired } }
      fairnessThresholds { id attribute aiSystem { name } risk { title } }
    }`);
    type AuditRow = { findings: { correctiveActions: unknown[] }[] };
    const finding = lists.audits.nodes.flatMap((audit: AuditRow) => audit.findings).find((entry: { correctiveActions: unknown[] }) => entry.correctiveActions.length > 0);
    const expectations: [string, string, Record<string, unknown>][] = [
      ['incident', 'id title aiSystem { name } reportingDeadline version', lists.incidents.nodes[0]],
      ['audit', 'id title findings { id description correctiveActions { id description overdue } }', lists.audits.nodes[0]],
      ['finding', 'id description correctiveActions { id description overdue }', finding],
      ['correctiveAction', 'id description overdue', finding.correctiveActions[0]],
      ['managementReview', 'id heldOn actions { id description }', lists.managementReviews.nodes[0]],
      ['certificationBody', 'id name chosen accreditedFor42001 version', lists.certificationPlan.bodies[0]],
      ['contextIssue', 'id description retiredOn', lists.contextIssues[0]],
      ['interestedParty', 'id name needs', lists.interestedParties[0]],
      ['evidenceItem', 'id title alsoServes { framework ref } expired', lists.evidence.nodes[0]],
      ['fairnessThreshold', 'id attribute aiSystem { name } risk { title }', lists.fairnessThresholds[0]],
    ];
    for (const [field, selection, expected] of expectations) {
      expect(expected, field).toBeDefined();
      const query = `query($id: ID!) { ${field}(id: $id) { ${selection} } }`;
      expect(await ok(query, { id: expected.id }, demo.executive), field).toEqual({ [field]: expected });
      expect(await ok(query, { id: expected.id }, other), field).toEqual({ [field]: null });
    }
    // A retired issue is still found by its id, though the list leaves it out by default.
    const { addInterestedParty } = await ok(`mutation { addInterestedParty(input: { name: "Former supplier", needs: "None any more.", recordedOn: "2026-01-01", retiredOn: "2026-06-01" }) { id } }`);
    expect(await ok(`query($id: ID!) { interestedParty(id: $id) { name retiredOn } }`, { id: addInterestedParty.id })).toEqual({ interestedParty: { name: 'Former supplier', retiredOn: '2026-06-01' } });
  });

  it('answers control(id) with the Statement of Applicability entry of that control, for the organisation asking', async () => {
    const selection = 'controlId control { id title objectiveId } applicable justification implementationStatus owner dueDate implementedDate version';
    const { controls } = await ok(`{ controls { nodes { ${selection} } } }`);
    const listed = controls.nodes.find((entry: { controlId: string }) => entry.controlId === 'A.6.2.4');
    expect(await ok(`{ control(id: "A.6.2.4") { ${selection} } }`, {}, demo.executive)).toEqual({ control: listed });
    expect(listed).toMatchObject({ control: { id: 'A.6.2.4', title: 'AI system verification and validation', objectiveId: 'A.6' }, owner: 'AI Governance Officer' });
    // Contoso sees its own decision on the same control, never Northwind's.
    expect(await ok(`{ control(id: "A.6.2.4") { controlId implementationStatus owner justification } }`, {}, other)).toEqual({
      control: { controlId: 'A.6.2.4', implementationStatus: 'PLANNED', owner: null, justification: 'Needed to treat the clinical AI risks.' },
    });
    for (const unknown of ['A.5.1.1', 'A.11.2', '']) {
      const result = await demo.api.graphql(`query($id: String!) { control(id: $id) { controlId } }`, { id: unknown }, demo.admin);
      expect(result.errors?.[0], unknown).toMatchObject({ message: `id names no Annex A control: "${unknown}" (expected an id such as A.6.2.4)`, extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    }
  });

  it('keeps deletes to the roles that create and change the register', async () => {
    const { createEvidence } = await ok(`mutation { createEvidence(input: { title: "Auditor's working paper" }) { id } }`);
    const { createAiSystem } = await ok(`mutation { createAiSystem(input: { name: "Spare system", organisationRole: CUSTOMER }) { id } }`);
    const auditor = await demo.api.signIn('auditor@assay.local', DEMO_SIGN_IN.password);
    // Auditors record evidence, so they may delete it; the AI inventory is not theirs to change.
    expect(await ok(`mutation($id: ID!) { deleteEvidence(id: $id) }`, { id: createEvidence.id }, auditor)).toEqual({ deleteEvidence: true });
    const refused = await demo.api.graphql(`mutation($id: ID!) { deleteAiSystem(id: $id) }`, { id: createAiSystem.id }, auditor);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await demo.api.graphql(`mutation($id: ID!) { deleteAiSystem(id: $id) }`, { id: createAiSystem.id }, demo.executive)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stored(AiSystem, [createAiSystem.id])).toBe(1);
  });
});
