import type { ResultOf } from '@graphql-typed-document-node/core';
import type { AuditRegisterQuery } from '../features/audits/audits.js';
import type { CertificationBody, CertificationPlanQuery, PlanStage } from '../features/certification/certification-plan.js';
import type { AiSystemDetail, InventoryRow } from '../features/ai-systems/ai-systems.js';
import type { FairnessReport, GroupReport, SystemFairnessQuery } from '../features/ai-systems/system-fairness.js';
import type { SoaControl, SoaData } from '../features/soa/soa-register.js';
import { threshold } from './fixtures.js';

export const inventory: InventoryRow[] = [
  { id: 's2', name: 'Fraud detection', euAiActTier: 'MINIMAL', lifeCycleStage: 'OPERATION_MONITORING', owner: 'Fraud Operations Lead', risks: [] },
  {
    id: 's1',
    name: 'Credit scoring',
    euAiActTier: 'HIGH_RISK',
    lifeCycleStage: 'DEPLOYMENT',
    owner: null,
    risks: [
      { id: 'r1', level: 'Medium', score: 6 },
      { id: 'r2', level: 'Critical', score: 20 },
      { id: 'r3', level: 'High', score: 12 },
    ],
  },
];

export const system: AiSystemDetail = {
  id: 's1',
  name: 'Credit scoring',
  purpose: 'Scores consumer loan applications.',
  intendedUse: 'Recommends approve, refer or decline; officers decide referrals.',
  euAiActTier: 'HIGH_RISK',
  tierRationale: 'Annex III point 5(b): creditworthiness of natural persons.',
  lifeCycleStage: 'OPERATION_MONITORING',
  organisationRole: 'PROVIDER',
  owner: 'Head of Credit Risk',
  supplier: null,
  aiActClassification: {
    classifiedBy: 'Dana Demo',
    classifiedAt: '2026-05-04T09:00:00.000Z',
    overriddenByHand: false,
    obligations: [{ article: 'Art. 9', title: 'Risk management system', addressee: 'providers', appliesFrom: '2026-08-02', reportedAppliesFrom: '2027-12-02' }],
  },
  risks: [
    { id: 'r2', title: 'Under-approves applicants over 60', level: 'Critical', score: 20, residualLevel: 'High', residualScore: 10, status: 'TREATING', owner: 'Head of Credit Risk', withinAppetite: false },
    { id: 'r1', title: 'Generic decline reasons', level: 'Low', score: 3, residualLevel: null, residualScore: null, status: 'ASSESSED', owner: null, withinAppetite: true },
  ],
  impactAssessments: [
    {
      id: 'ia1',
      title: 'Credit scoring: impact assessment and FRIA',
      status: 'APPROVED',
      assessedOn: '2026-07-20',
      nextReviewOn: '2026-01-31',
      reviewOverdue: true,
      approvedOn: '2026-07-31',
      friaRequired: true,
      friaNotifiedOn: '2026-08-04',
      items: [
        { id: 'i1', kind: 'HARM' },
        { id: 'i2', kind: 'HARM' },
        { id: 'i3', kind: 'BENEFIT' },
      ],
    },
  ],
};

const estimate = (value: number | null, lower: number | null, upper: number | null) => ({ value, lower, upper });

function group(name: string | null, count: number, rate: number, lower: number, upper: number): GroupReport {
  return { group: name, count, suppressed: false, selectionRate: estimate(rate, lower, upper), truePositiveRate: estimate(0.8, 0.78, 0.82), falsePositiveRate: estimate(0.1, 0.09, 0.11), test: name === null ? null : { pValue: 0.0001, qValue: 0.0002 } };
}

/**
 * Three groups of sex: M (privileged) at 30%, F at 21% (21 / 30 = 0.7, below four fifths), and
 * X with 12 rows, under the minimum of 30, so its rates are withheld.
 */
export const report: FairnessReport = {
  attribute: 'sex',
  from: '2026-01-05',
  to: '2026-03-30',
  windows: 12,
  confidenceLevel: 0.95,
  overall: group(null, 4212, 0.255, 0.242, 0.268),
  groups: [
    group('F', 2000, 0.21, 0.193, 0.228),
    group('M', 2200, 0.3, 0.281, 0.32),
    { group: 'X', count: 12, suppressed: true, selectionRate: estimate(null, null, null), truePositiveRate: estimate(null, null, null), falsePositiveRate: estimate(null, null, null), test: null },
  ],
  privileged: { privilegedGroup: 'M', disparateImpact: estimate(0.7, 0.63, 0.78), statisticalParityDifference: estimate(-0.09, -0.12, -0.06) },
  fourFifthsRule: { passes: false, lowestRatio: 0.7, group: 'F', highestGroup: 'M' },
};

export const systemFairness: ResultOf<typeof SystemFairnessQuery> = {
  fairnessAttributes: [{ attribute: 'sex', groups: ['F', 'M', 'X'], firstStart: '2025-01-06', lastEnd: '2026-03-30', windows: 64 }],
  fairnessThresholds: [threshold],
};

function soaControl(controlId: string, objectiveId: string, objectiveTitle: string, status: SoaControl['implementationStatus'], applicable = true, crosswalk: SoaControl['control']['crosswalk'] = []): SoaControl {
  return {
    controlId,
    applicable,
    justification: applicable ? 'Treats risks in the register.' : 'No AI system is supplied to customers.',
    implementationStatus: status,
    owner: 'AI Governance Officer',
    dueDate: status === 'IN_PROGRESS' ? '2026-12-31' : null,
    implementedDate: status === 'VERIFIED' ? '2026-03-12' : null,
    control: { title: `Control ${controlId}`, objectiveId, objectiveTitle, crosswalk },
  };
}

/** Four controls under two objectives: A.2.2 verified with links to all four frameworks, A.10.4 excluded. */
export const soa: SoaData = {
  controls: {
    totalCount: 4,
    nodes: [
      soaControl('A.2.2', 'A.2', 'Policies related to AI', 'VERIFIED', true, [
        { framework: 'iso27001', ref: 'A.5.1', basis: 'proposed', source: null },
        { framework: 'iso9001', ref: '5.2', basis: 'proposed', source: null },
        { framework: 'eu-ai-act', ref: 'Art 17(1)', basis: 'proposed', source: null },
        { framework: 'nist-ai-rmf', ref: 'GOVERN 1.1', basis: 'published', source: 'NIST AIRC crosswalk' },
        { framework: 'nist-ai-rmf', ref: 'GOVERN 1.2', basis: 'proposed', source: null },
      ]),
      soaControl('A.2.3', 'A.2', 'Policies related to AI', 'IN_PROGRESS'),
      soaControl('A.10.3', 'A.10', 'Third-party and customer relationships', 'NOT_STARTED'),
      soaControl('A.10.4', 'A.10', 'Third-party and customer relationships', 'NOT_STARTED', false),
    ],
  },
  evidence: {
    totalCount: 2,
    nodes: [
      { id: 'e1', title: 'AI policy v2', controlIds: ['A.2.2', 'A.2.3'], expired: false, validUntil: '2027-03-12' },
      { id: 'e2', title: 'Old policy review', controlIds: ['A.2.2'], expired: true, validUntil: '2026-01-01' },
    ],
  },
  clauses9001: [
    { from: { ref: '5.2' }, to: { ref: '5.2' }, basis: 'proposed', note: null },
    { from: { ref: '10.1' }, to: { ref: '10.3' }, basis: 'proposed', note: 'numbered differently' },
  ],
};

/** One completed audit: a major nonconformity with an overdue action, a minor one whose action proved effective, an observation. */
export const auditRegister: ResultOf<typeof AuditRegisterQuery> = {
  audits: {
    totalCount: 1,
    nodes: [
      {
        id: 'au1',
        title: 'Internal audit of the AIMS 2026',
        scope: 'Clauses 4–10 and Annex A.',
        auditor: 'Internal Audit',
        status: 'COMPLETED',
        plannedOn: '2026-10-05',
        completedOn: '2026-10-16',
        findings: [
          {
            id: 'f1',
            kind: 'MAJOR_NONCONFORMITY',
            clauseId: null,
            controlId: 'A.6.2.8',
            description: 'Event logs kept for 90 days.',
            rootCause: 'Platform default never changed.',
            raisedOn: '2026-10-14',
            status: 'OPEN',
            correctiveActions: [{ id: 'c1', description: 'Raise log retention to 13 months.', owner: 'Platform Engineering Lead', dueDate: '2026-11-15', completedOn: null, overdue: true, effective: null, effectivenessCheck: null }],
          },
          {
            id: 'f2',
            kind: 'MINOR_NONCONFORMITY',
            clauseId: '8.2',
            controlId: null,
            description: 'Supplier change not re-assessed.',
            rootCause: 'No trigger for supplier changes.',
            raisedOn: '2026-10-15',
            status: 'CLOSED',
            correctiveActions: [{ id: 'c2', description: 'Add supplier changes to the triggers.', owner: 'Model Risk Manager', dueDate: '2026-10-31', completedOn: '2026-10-28', overdue: false, effective: true, effectivenessCheck: 'Two changes sampled, both re-assessed.' }],
          },
          { id: 'f3', kind: 'OBSERVATION', clauseId: null, controlId: 'A.3.3', description: 'Few staff know the reporting route.', rootCause: null, raisedOn: '2026-10-15', status: 'OPEN', correctiveActions: [] },
        ],
      },
    ],
  },
  findings: {
    totalCount: 1,
    nodes: [
      {
        id: 'f9',
        kind: 'MINOR_NONCONFORMITY',
        clauseId: null,
        controlId: null,
        description: 'Disparate impact by sex fell below 0.8.',
        rootCause: null,
        raisedOn: '2026-03-29',
        status: 'OPEN',
        correctiveActions: [{ id: 'c9', description: 'Retrain with reweighted data.', owner: null, dueDate: '2026-05-01', completedOn: '2026-04-20', overdue: false, effective: null, effectivenessCheck: null }],
        aiSystem: { id: 's1', name: 'Credit scoring' },
      },
    ],
  },
};

const planStage = (stage: PlanStage['stage'], status: PlanStage['status'], dates: Partial<PlanStage> = {}): PlanStage => ({ stage, status, plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null, notes: null, ...dates });

const harbour: CertificationBody = {
  id: 'b1',
  name: 'Harbour Certification',
  accreditationBody: 'UKAS',
  accreditationBodyIsMlaSignatory: true,
  accreditationNumber: '1234',
  accreditedFor42001: true,
  scopeCovers42001: true,
  verifiedOn: '2026-03-02',
  chosen: true,
  notes: 'Its UKAS schedule lists ISO/IEC 42001.',
};

/** Gap analysis done a week late, implementation under way, the rest planned or not; one body chosen, one rejected. */
export const plan: ResultOf<typeof CertificationPlanQuery> = {
  certificationPlan: {
    stages: [
      planStage('GAP_ANALYSIS', 'DONE', { plannedStart: '2026-01-05', plannedEnd: '2026-01-31', actualStart: '2026-01-05', actualEnd: '2026-02-06' }),
      planStage('IMPLEMENTATION', 'IN_PROGRESS', { plannedStart: '2026-02-01', plannedEnd: '2026-07-31', actualStart: '2026-02-09', notes: 'Controls first, then evidence.' }),
      planStage('INTERNAL_AUDIT', 'NOT_STARTED'),
      planStage('MANAGEMENT_REVIEW', 'NOT_STARTED'),
      planStage('STAGE_1', 'NOT_STARTED', { plannedEnd: '2026-10-15' }),
      planStage('STAGE_2', 'NOT_STARTED'),
      planStage('CERTIFICATION_DECISION', 'NOT_STARTED', { plannedEnd: '2026-12-01' }),
    ],
    chosenBody: harbour,
    bodies: [harbour, { ...harbour, id: 'b2', name: 'Quickcert Online', accreditationBody: null, accreditationBodyIsMlaSignatory: null, accreditationNumber: null, accreditedFor42001: false, scopeCovers42001: false, verifiedOn: null, chosen: false, notes: 'No accreditation; rejected.' }],
  },
};
