import { annexAControls, type AffectedLevel, type AiRole, type DueDiligenceStatus, type EuAiActTier, type ImpactAssessmentStatus, type ImpactKind, type ImplementationStatus, type KpiDirection, type LifeCycleStage, type ObjectiveStatus, type SupplyKind } from '@assay/schema';
import type { EntityManager } from '@mikro-orm/core';
import { type Actor, withActor } from '../audit/actor.js';
import { hashPassword } from '../auth/password.js';
import { Role } from '../auth/roles.js';
import { AiObjective } from '../entities/ai-objective.entity.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { Audit } from '../entities/audit.entity.js';
import { ContextIssue } from '../entities/context-issue.entity.js';
import { CorrectiveAction } from '../entities/corrective-action.entity.js';
import { Evidence } from '../entities/evidence.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { ImpactAssessment } from '../entities/impact-assessment.entity.js';
import { ImpactItem } from '../entities/impact-item.entity.js';
import { Incident } from '../entities/incident.entity.js';
import { InterestedParty } from '../entities/interested-party.entity.js';
import { KpiMeasurement } from '../entities/kpi-measurement.entity.js';
import { ManagementReview } from '../entities/management-review.entity.js';
import { Membership } from '../entities/membership.entity.js';
import { Organisation } from '../entities/organisation.entity.js';
import { Policy } from '../entities/policy.entity.js';
import { PolicyVersion } from '../entities/policy-version.entity.js';
import { ReviewAction } from '../entities/review-action.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { RiskCriteria } from '../entities/risk-criteria.entity.js';
import { SoaEntry } from '../entities/soa-entry.entity.js';
import { Supplier } from '../entities/supplier.entity.js';
import { TrainingRecord } from '../entities/training-record.entity.js';
import { User } from '../entities/user.entity.js';
import { addDays, mondayOnOrBefore, todayIso } from '../services/dates.js';
import { applyDetails, recordAssessment, rescore } from '../services/risk-register.js';
import { criteriaFrom } from '../services/risk-criteria.js';
import { CertificationBody } from '../entities/certification-body.entity.js';
import { FairnessThreshold } from '../entities/fairness-threshold.entity.js';
import { raiseBreachFindings, thresholdBreach } from '../services/fairness-thresholds.js';
import { CertificationStage } from '../entities/certification-stage.entity.js';
import { DEMO_FAIRNESS_WEEKS, seedDemoFairness } from './demo-fairness.js';
import { DEMO_HISTORY_WEEKS, DEMO_REFERENCE_DATE, DEMO_RISKS, demoWeekDate } from './demo-risks.js';

/** The sign-in printed at start-up. A demo account: change it before real use. */
export const DEMO_SIGN_IN = { email: 'demo@assay.local', password: 'assay-demo' } as const;
export const DEMO_EXECUTIVE = { email: 'exec@assay.local', password: 'assay-demo' } as const;

/** One demo account per role, all with the password `assay-demo`. */
export const DEMO_ACCOUNTS = [
  { email: 'demo@assay.local', name: 'Dana Demo', role: Role.ADMIN },
  { email: 'risk@assay.local', name: 'Rafael Risk', role: Role.RISK_MANAGER },
  { email: 'analyst@assay.local', name: 'Ana Analyst', role: Role.ANALYST },
  { email: 'auditor@assay.local', name: 'Aude Auditor', role: Role.AUDITOR },
  { email: 'exec@assay.local', name: 'Evan Executive', role: Role.EXECUTIVE },
] as const;

export interface DemoAiSystem {
  name: string;
  purpose: string;
  organisationRole: AiRole;
  lifeCycleStage: LifeCycleStage;
  euAiActTier: EuAiActTier;
  tierRationale: string;
  owner: string;
  supplier?: string;
  /** Weeks before the demo's reference date that the system entered the inventory. */
  inventoryWeeksAgo: number;
}

/**
 * The demo organisation's AI inventory. Four systems were listed when the AIMS started, 78 weeks
 * before the reference date; the CV screener was bought in about 62 weeks before it and went
 * live two weeks later, the customer assistant about 40 weeks before it (live at 36).
 */
export const DEMO_AI_SYSTEMS: readonly DemoAiSystem[] = [
  { name: 'Credit decisioning model', purpose: 'Scores consumer loan applications and recommends approve, refer or decline.', organisationRole: 'provider', lifeCycleStage: 'operation-monitoring', euAiActTier: 'high-risk', tierRationale: 'Annex III point 5(b): creditworthiness of natural persons.', owner: 'Head of Credit Risk', inventoryWeeksAgo: 78 },
  { name: 'Fraud detection model', purpose: 'Flags card and account transactions for fraud review.', organisationRole: 'provider', lifeCycleStage: 'operation-monitoring', euAiActTier: 'minimal', tierRationale: 'Annex III 5(b) excludes systems used to detect financial fraud.', owner: 'Fraud Operations Lead', inventoryWeeksAgo: 78 },
  { name: 'Customer assistant', purpose: 'Answers customer questions in the app and on the website.', organisationRole: 'customer', lifeCycleStage: 'deployment', euAiActTier: 'limited', tierRationale: 'Art. 50(1): people must be told they are talking to an AI system.', owner: 'Digital Channels Manager', supplier: 'General-purpose model provider', inventoryWeeksAgo: 40 },
  { name: 'Income document reader', purpose: 'Reads payslips and bank statements to verify declared income.', organisationRole: 'customer', lifeCycleStage: 'operation-monitoring', euAiActTier: 'minimal', tierRationale: 'A narrow procedural task under human review (Art. 6(3)).', owner: 'Model Risk Manager', supplier: 'Document OCR supplier', inventoryWeeksAgo: 78 },
  { name: 'CV screening model', purpose: 'Ranks job applications for the recruitment team and shortlists candidates for interview.', organisationRole: 'customer', lifeCycleStage: 'operation-monitoring', euAiActTier: 'high-risk', tierRationale: 'Annex III point 4(a): recruitment and selection of natural persons.', owner: 'Head of Talent Acquisition', supplier: 'HR software supplier', inventoryWeeksAgo: 62 },
  {
    name: 'Marketing propensity model',
    purpose: 'Predicts which existing customers are likely to take up a savings, card or loan offer, to choose whom to contact in a campaign.',
    organisationRole: 'provider',
    lifeCycleStage: 'operation-monitoring',
    euAiActTier: 'minimal',
    tierRationale:
      'Not in Annex III: it chooses whom to contact with an offer and takes no credit decision (any application it leads to is scored by the credit decisioning model), and it does not interact with people (Art. 50 does not apply). Customers in arrears or on hardship plans are excluded, to stay clear of exploiting an economic vulnerability (Art. 5(1)(b)); profiling for direct marketing falls under GDPR Art. 21.',
    owner: 'Head of Marketing',
    inventoryWeeksAgo: 78,
  },
];

export { DEMO_REFERENCE_DATE, DEMO_HISTORY_WEEKS, DEMO_RISKS, type DemoRating, type DemoRisk } from './demo-risks.js';

export interface DemoEvidence {
  title: string;
  location: string;
  owner: string;
  collectedOn: string;
  validUntil: string | null;
  controlIds: string[];
  clauseIds: string[];
}

/** Evidence on file for the demo organisation; one item has expired, as happens in real AIMS. */
export const DEMO_EVIDENCE: readonly DemoEvidence[] = [
  { title: 'AI policy, version 2, approved by the board', location: 'policies/ai-policy-v2.pdf', owner: 'AI Governance Officer', collectedOn: '2026-03-12', validUntil: '2027-03-12', controlIds: ['A.2.2', 'A.2.4'], clauseIds: ['5.2'] },
  { title: 'Credit model validation report Q3', location: 'model-risk/credit-validation-q3.pdf', owner: 'Model Risk Manager', collectedOn: '2026-10-04', validUntil: '2027-01-04', controlIds: ['A.6.2.4', 'A.7.4'], clauseIds: ['9.1'] },
  { title: 'Inference event log retention settings', location: 'platform/log-retention.png', owner: 'Platform Engineering Lead', collectedOn: '2026-06-01', validUntil: '2026-09-01', controlIds: ['A.6.2.8'], clauseIds: [] },
  { title: 'Internal audit programme 2026', location: 'audit/programme-2026.xlsx', owner: 'Internal Audit', collectedOn: '2026-01-15', validUntil: null, controlIds: [], clauseIds: ['9.2.2'] },
];

/** The demo organisation's context: issues (clause 4.1) and interested parties (clause 4.2). */
export const DEMO_CONTEXT = {
  issues: [
    { external: true, description: 'The EU AI Act classes credit scoring of natural persons as high-risk (Annex III 5(b)).', effect: 'Provider duties for the credit model from the Annex III application date.', climateRelated: false, recordedOn: '2026-01-12' },
    { external: true, description: 'Supervisors expect explainable adverse credit decisions.', effect: 'Decline reasons must come from the model, not generic text.', climateRelated: false, recordedOn: '2026-01-12' },
    { external: true, description: 'Climate change: not a relevant issue for the AIMS beyond the energy use of model training.', effect: null, climateRelated: true, recordedOn: '2026-01-12' },
    { external: false, description: 'Model development is split between two teams with different tooling.', effect: 'Uneven documentation across the life cycle.', climateRelated: false, recordedOn: '2026-02-03' },
  ],
  parties: [
    { name: 'Loan applicants', needs: 'Fair, explainable decisions and a way to contest them.', recordedOn: '2026-01-12' },
    { name: 'National financial supervisor', needs: 'Evidence of model risk management and timely incident reports.', recordedOn: '2026-01-12' },
    { name: 'Board of directors', needs: 'A clear view of AI risk against appetite and of certification progress.', recordedOn: '2026-01-12' },
    { name: 'Document OCR supplier', needs: 'Clear contractual duties for model changes and incidents.', recordedOn: '2026-03-20' },
  ],
};

/** The demo organisation's last management review and the actions it decided. */
export const DEMO_REVIEW = {
  heldOn: '2026-06-24',
  attendees: ['Chief Executive', 'Chief Risk Officer', 'Head of Credit Risk', 'AI Governance Officer'],
  inputs: 'Status of actions, changes in context (EU AI Act dates), risk register, fairness monitoring of the credit model, audit programme.',
  decisions: 'Fund continuous fairness monitoring; bring the certification audit forward to Q1 2027.',
  actions: [
    { description: 'Set up monthly fairness monitoring of the credit model.', owner: 'Model Risk Manager', dueDate: '2026-09-30', completedOn: '2026-09-12' },
    { description: 'Select an accredited certification body for ISO/IEC 42001.', owner: 'AI Governance Officer', dueDate: '2026-10-31', completedOn: null },
  ],
};

/** The demo internal audit, its findings and their corrective actions. */
export const DEMO_AUDIT = {
  title: 'Internal audit of the AIMS 2026',
  scope: 'Clauses 4–10 and the Annex A controls applied to credit decisioning and the customer assistant.',
  auditor: 'Internal Audit',
  plannedOn: '2026-10-05',
  completedOn: '2026-10-16',
  findings: [
    {
      kind: 'major-nonconformity' as const,
      controlId: 'A.6.2.8',
      clauseId: null,
      description: 'Inference event logs of two services are kept for 90 days, below the six months the organisation requires.',
      rootCause: 'The retention default of the logging platform was never changed.',
      raisedOn: '2026-10-14',
      actions: [{ description: 'Raise log retention to 13 months on every inference service.', owner: 'Platform Engineering Lead', dueDate: '2026-11-15', completedOn: null, effectivenessCheck: null, effective: null }],
    },
    {
      kind: 'minor-nonconformity' as const,
      controlId: null,
      clauseId: '8.2',
      description: 'The income document reader was not re-assessed after its supplier changed the model.',
      rootCause: 'Supplier changes did not trigger the risk assessment process.',
      raisedOn: '2026-10-15',
      actions: [
        { description: 'Add supplier model changes to the triggers of the risk assessment procedure.', owner: 'Model Risk Manager', dueDate: '2026-10-31', completedOn: '2026-10-28', effectivenessCheck: 'Sampled two supplier changes in November: both were re-assessed.', effective: true },
      ],
    },
    { kind: 'observation' as const, controlId: 'A.3.3', clauseId: null, description: 'Few staff know the route for reporting AI concerns.', rootCause: null, raisedOn: '2026-10-15', actions: [] },
    { kind: 'opportunity' as const, controlId: null, clauseId: '9.1', description: 'Fairness metrics could be monitored continuously instead of quarterly.', rootCause: null, raisedOn: '2026-10-16', actions: [] },
  ],
};

/**
 * The demo Statement of Applicability, as a pattern over the catalogue: most of A.2–A.5 is done,
 * the life-cycle and data controls are under way, and one control is excluded with its reason.
 */
export function demoSoaStatus(controlId: string, position: number): { implementationStatus: ImplementationStatus; applicable: boolean; justification: string | null } {
  if (controlId === 'A.10.4') {
    return { implementationStatus: 'not-started', applicable: false, justification: 'Northwind Lending supplies no AI system to customers; the risk assessment does not call for this control.' };
  }
  const cycle: readonly ImplementationStatus[] = ['verified', 'implemented', 'implemented', 'in-progress', 'planned', 'not-started'];
  const status = position < 12 ? (position % 3 === 2 ? 'implemented' : 'verified') : (cycle[position % cycle.length] ?? 'not-started');
  return { implementationStatus: status, applicable: true, justification: 'Needed to treat the risks in the AI risk register.' };
}

/** The demo's fairness thresholds: the four-fifths line for the two models that decide about people. */
export const DEMO_THRESHOLDS = [
  { system: 'CV screening model', attribute: 'sex', metric: 'disparateImpact', direction: 'below', value: 0.8, privilegedGroup: 'M', minGroupSize: 30, risk: 'CV screener shortlists fewer women' },
  { system: 'Credit decisioning model', attribute: 'age band', metric: 'disparateImpact', direction: 'below', value: 0.8, privilegedGroup: 'under 60', minGroupSize: 30, risk: 'Credit model under-approves applicants over 60' },
] as const;

export interface DemoImpactItem {
  kind: ImpactKind;
  affected: AffectedLevel;
  affectedParties: string;
  description: string;
  severity: number;
  likelihood: number;
  mitigation: string | null;
}

export interface DemoImpactAssessment {
  /** Name of the AI system in DEMO_AI_SYSTEMS. */
  system: string;
  title: string;
  status: ImpactAssessmentStatus;
  assessedOn: string;
  nextReviewOn: string;
  approvedBy?: string;
  approvedOn?: string;
  scope: string;
  intendedUse: string;
  foreseeableMisuse: string;
  dataConsiderations: string;
  modelConsiderations: string;
  humanOversight: string;
  fria?: {
    deployerProcesses: string;
    periodAndFrequency: string;
    affectedCategories: string;
    risksOfHarm: string;
    measuresAndComplaints: string;
    notifiedOn: string;
  };
  /** Titles of risks in DEMO_RISKS the assessment informs. */
  risks: string[];
  items: DemoImpactItem[];
}

/**
 * The demo's impact assessments (ISO/IEC 42005): the credit model's, approved and with the
 * Art. 27 FRIA that Annex III 5(b) calls for (Northwind builds the model and also deploys it on
 * its own loans); the CV screener's, in review, without a FRIA (a private employer's hiring is
 * not among the deployers of Art. 27).
 */
export const DEMO_IMPACT_ASSESSMENTS: readonly DemoImpactAssessment[] = [
  {
    system: 'Credit decisioning model',
    title: 'Credit decisioning model: impact assessment and FRIA 2026',
    status: 'approved',
    assessedOn: '2026-07-20',
    nextReviewOn: '2027-07-31',
    approvedBy: 'Dana Demo',
    approvedOn: '2026-07-31',
    scope: 'Version 4 of the credit decisioning model as used on consumer loan applications up to EUR 50,000 in all EU operations, from application to decision notice.',
    intendedUse: 'Scores applications for repayment risk and recommends approve, refer or decline; credit officers decide every referral and may overturn any recommendation.',
    foreseeableMisuse: 'Using the score for pricing or marketing it was not validated for; treating a decline recommendation as final without review; applying it to business lending.',
    dataConsiderations: 'Trained on 2019–2025 applications and repayment outcomes; age is excluded as a feature but correlates with income history length. Declared income is verified by the income document reader.',
    modelConsiderations: 'Gradient-boosted trees with monotonic constraints; reason codes from feature contributions feed the decline notice. Revalidated quarterly by model risk.',
    humanOversight: 'Credit officers review every referral and a 5% sample of automated declines; they can overturn any recommendation and must record why. The model can be switched to refer-all within an hour.',
    fria: {
      deployerProcesses: 'Consumer loan origination: online and branch applications are scored at submission, and the recommendation goes to the credit officer queue or the automated decision notice.',
      periodAndFrequency: 'Continuously since March 2025, online around the clock and in branches during opening hours; about 4,000 applications a week.',
      affectedCategories: 'Applicants for consumer loans, including older applicants, self-employed people and recent arrivals with short credit histories.',
      risksOfHarm: 'Unjustified refusal of credit, indirect discrimination by age, and adverse decisions that applicants cannot understand or contest (Charter Arts. 21 and 47).',
      measuresAndComplaints: 'Monthly fairness monitoring against the four-fifths rule with a re-assessment trigger; decisions suspended to refer-all on a breach; applicants can ask for a human review and an explanation through the complaints desk, answered within 15 working days.',
      notifiedOn: '2026-08-04',
    },
    risks: ['Credit model under-approves applicants over 60', 'Explanations for declined loans are incomplete'],
    items: [
      { kind: 'harm', affected: 'groups', affectedParties: 'Applicants aged over 60', description: 'Lower approval rates for older applicants through proxies such as length of income history.', severity: 4, likelihood: 3, mitigation: 'Fairness threshold on disparate impact by age band; monotonic constraints reviewed; referrals instead of declines near the cut-off.' },
      { kind: 'harm', affected: 'individuals', affectedParties: 'Declined applicants', description: 'Generic decline reasons leave applicants unable to understand or contest the decision.', severity: 3, likelihood: 3, mitigation: 'Reason codes from the model in every decline notice; human review on request.' },
      { kind: 'harm', affected: 'society', affectedParties: 'Communities with thin credit files', description: 'Systematic exclusion from mainstream credit pushes people towards high-cost lenders.', severity: 3, likelihood: 2, mitigation: 'Alternative data (rent and utility payments) accepted with consent; approval rates by region reported to the board.' },
      { kind: 'benefit', affected: 'individuals', affectedParties: 'Loan applicants', description: 'Most applicants get a decision within minutes instead of days.', severity: 3, likelihood: 5, mitigation: null },
      { kind: 'benefit', affected: 'groups', affectedParties: 'Applicants with stable but informal income', description: 'Consistent scoring removes variation between branches and individual officers.', severity: 2, likelihood: 4, mitigation: 'Consistency checked in the quarterly validation.' },
    ],
  },
  {
    system: 'CV screening model',
    title: 'CV screening model: impact assessment 2026',
    status: 'in-review',
    assessedOn: '2026-11-02',
    nextReviewOn: '2027-11-02',
    scope: "The supplier's CV ranking service as configured for Northwind Lending's recruitment in all EU offices, from application to interview shortlist.",
    intendedUse: 'Ranks applications against the role profile so recruiters read the strongest first and shortlist for interview; recruiters see every application.',
    foreseeableMisuse: 'Rejecting applications unread below a rank; using the ranking for internal promotion or redundancy decisions.',
    dataConsiderations: "The supplier's model was trained on its customers' past hiring decisions, which may carry historical bias; Northwind's own outcomes are fed back monthly as a prediction log.",
    modelConsiderations: 'A supplier model updated quarterly under contract notice; no access to weights, so monitoring relies on outcomes by group.',
    humanOversight: 'Recruiters decide every shortlist and must review at least the top 30 applications regardless of rank; weekly fairness monitoring by sex.',
    risks: ['CV screener shortlists fewer women'],
    items: [
      { kind: 'harm', affected: 'groups', affectedParties: 'Women applying for technical roles', description: 'Women are shortlisted at a lower rate than men with similar experience.', severity: 4, likelihood: 3, mitigation: 'Weekly disparate-impact monitoring against the four-fifths rule; breaches raise a finding and a risk re-assessment.' },
      { kind: 'harm', affected: 'individuals', affectedParties: 'Applicants with career gaps', description: 'Career gaps for caring or illness lower the rank of otherwise suitable applicants.', severity: 3, likelihood: 3, mitigation: 'Gap length removed from the role profile; recruiters told to read beyond the rank.' },
      { kind: 'benefit', affected: 'individuals', affectedParties: 'Applicants', description: 'Applicants hear back within a week instead of a month.', severity: 2, likelihood: 4, mitigation: null },
    ],
  },
];


export interface DemoObjective {
  title: string;
  description: string;
  owner: string;
  targetDate: string;
  status: ObjectiveStatus;
  controlIds: string[];
  kpiName: string;
  kpiUnit: string;
  kpiDirection: KpiDirection;
  kpiTarget: number;
  /** One value a month, oldest first, for the last months before the seed day. */
  monthly: number[];
}

/**
 * The demo AI objectives (clause 6.2), each with a year of monthly KPI measurements (clause 9.1):
 * fairness reviews climb past their target, impact assessments rise but stay short of it, and
 * the time to close incidents falls below its ceiling.
 */
export const DEMO_OBJECTIVES: readonly DemoObjective[] = [
  {
    title: 'Review the fairness of every high-risk AI system on time',
    description: 'Each high-risk system gets its monthly fairness review by the fifth working day.',
    owner: 'Model Risk Manager',
    targetDate: '2027-03-31',
    status: 'active',
    controlIds: ['A.5.4', 'A.6.2.6'],
    kpiName: 'Fairness reviews completed on time',
    kpiUnit: '%',
    kpiDirection: 'higher-is-better',
    kpiTarget: 95,
    monthly: [72, 75, 74, 80, 83, 82, 87, 90, 88, 92, 94, 96],
  },
  {
    title: 'An approved impact assessment for every AI system',
    description: 'Every AI system in the inventory has an AI system impact assessment approved under A.5.2.',
    owner: 'AI Governance Officer',
    targetDate: '2027-06-30',
    status: 'active',
    controlIds: ['A.5.2', 'A.5.3'],
    kpiName: 'Share of AI systems with an approved impact assessment',
    kpiUnit: '%',
    kpiDirection: 'higher-is-better',
    kpiTarget: 100,
    monthly: [20, 20, 40, 40, 40, 60, 60, 60, 60, 80, 80, 80],
  },
  {
    title: 'Close AI incidents quickly',
    description: 'Incidents affecting AI systems are investigated and closed within ten days at the median.',
    owner: 'Head of Operations',
    targetDate: '2026-12-31',
    status: 'active',
    controlIds: ['A.8.4', 'A.3.3'],
    kpiName: 'Median days to close an AI incident',
    kpiUnit: 'days',
    kpiDirection: 'lower-is-better',
    kpiTarget: 10,
    monthly: [18, 16, 17, 15, 14, 14, 12, 13, 11, 10, 9, 9],
  },
];

/** Training and competence records (clauses 7.2, 7.3); days are counted from the seed day, and one has expired. */
export const DEMO_TRAINING = [
  { person: 'Dana Demo', role: 'AI Governance Officer', competence: 'ISO/IEC 42001 Lead Implementer', completedDaysAgo: 400, validForDays: 1095, evidenceLocation: 'hr/certificates/dana-demo-42001-li.pdf' },
  { person: 'Priya Raman', role: 'Model Risk Manager', competence: 'Fairness metrics and bias testing', completedDaysAgo: 345, validForDays: 365, evidenceLocation: 'hr/training/fairness-metrics-2025.pdf' },
  { person: 'Tomás Alvarez', role: 'Head of Credit Risk', competence: 'EU AI Act duties of high-risk providers', completedDaysAgo: 420, validForDays: 365, evidenceLocation: 'hr/training/eu-ai-act-providers.pdf' },
  { person: 'Mei Chen', role: 'Platform Engineering Lead', competence: 'Secure ML operations and event logging', completedDaysAgo: 90, validForDays: 730, evidenceLocation: 'hr/training/secure-mlops.pdf' },
  { person: 'Jonas Berg', role: 'Internal Auditor', competence: 'ISO/IEC 42001 Lead Auditor', completedDaysAgo: 300, validForDays: null, evidenceLocation: 'hr/certificates/jonas-berg-42001-la.pdf' },
  { person: 'Amara Okafor', role: 'Digital Channels Manager', competence: 'Human oversight of the customer assistant', completedDaysAgo: 30, validForDays: 365, evidenceLocation: null },
] as const;

export interface DemoSupplier {
  name: string;
  supplies: SupplyKind[];
  /** Names of AI systems in DEMO_AI_SYSTEMS. */
  systems: string[];
  contractReference: string;
  dueDiligenceStatus: DueDiligenceStatus;
  /** Days before the seed day of the last due diligence, and after it of the next review (negative: overdue). */
  assessedDaysAgo: number;
  nextReviewInDays: number;
  responsibilities: string;
  notes: string | null;
}

/** The suppliers behind the demo's bought-in AI systems (Annex A.10.2–A.10.3). */
export const DEMO_SUPPLIERS: readonly DemoSupplier[] = [
  {
    name: 'Document OCR supplier',
    supplies: ['model', 'service'],
    systems: ['Income document reader'],
    contractReference: 'PRC-2025-017',
    dueDiligenceStatus: 'approved',
    assessedDaysAgo: 40,
    nextReviewInDays: 325,
    responsibilities: 'The supplier announces model changes 30 days ahead with a change log and reports incidents within 24 hours; Northwind validates each new model before it goes live.',
    notes: 'Shipped new weights without notice in 2026; the contract was amended after the internal audit.',
  },
  {
    name: 'General-purpose model provider',
    supplies: ['model', 'platform'],
    systems: ['Customer assistant'],
    contractReference: 'MSA-GPAI-2026-03',
    dueDiligenceStatus: 'assessed',
    assessedDaysAgo: 75,
    nextReviewInDays: 105,
    responsibilities: 'The provider supplies the Art. 53(1)(b) information for downstream providers and its acceptable-use policy; Northwind is responsible for prompts, retrieval content and the Art. 50(1) notice.',
    notes: 'Approval waits for the copyright policy summary (Art. 53(1)(c)).',
  },
  {
    name: 'HR software supplier',
    supplies: ['model', 'service'],
    systems: ['CV screening model'],
    contractReference: 'HR-SaaS-2024-112',
    dueDiligenceStatus: 'assessed',
    assessedDaysAgo: 400,
    nextReviewInDays: -35,
    responsibilities: 'The supplier is the provider of a high-risk system (Annex III 4(a)) and keeps its technical documentation; Northwind as deployer assigns human oversight and monitors fairness (Art. 26).',
    notes: null,
  },
];

/** The last day of each of the `count` months before the month of `today`, oldest first. */
export function monthEndsBefore(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  // Day 0 of a month is the last day of the month before it.
  return Array.from({ length: count }, (_, index) => new Date(Date.UTC(year, month - count + 1 + index, 0)).toISOString().slice(0, 10));
}

function isDone(status: ImplementationStatus): boolean {
  return status === 'implemented' || status === 'verified';
}

/**
 * Seeds the demo organisation when the database holds no organisation at all; otherwise does
 * nothing. Returns whether it seeded. Runs in one transaction.
 */
export async function seedDemoIfEmpty(em: EntityManager, log: (line: string) => void = () => undefined, today = todayIso()): Promise<boolean> {
  const existing = await em.count(Organisation, {});
  if (existing > 0) return false;
  const actor: Actor = { id: null, label: 'Assay demo seed' };
  await withActor(actor, () =>
    em.transactional(async (tx) => {
      await seedIn(tx, log, today, actor);
      await seedSecondTenant(tx, log);
    }),
  );
  return true;
}

/** The second demo organisation's administrator; its records must never show to Northwind, nor Northwind's to it. */
export const SECOND_TENANT_ADMIN = { email: 'admin@contoso-health.local', password: 'assay-demo' } as const;

/**
 * The second demo organisation's own risk criteria (clause 6.1.1): four likelihood levels, five
 * clinical impact levels and a low appetite. Northwind keeps the default 5×5 matrix.
 */
export const SECOND_TENANT_CRITERIA = {
  likelihood: ['Rare', 'Possible', 'Likely', 'Almost certain'],
  impact: ['No harm', 'Minor harm', 'Moderate harm', 'Severe harm', 'Death'],
  // Likelihood × impact on 4×5 gives 1–6, 8–10, 12, 15, 16 and 20.
  bands: [
    { level: 'Low', min: 1, max: 3 },
    { level: 'Medium', min: 4, max: 6 },
    { level: 'High', min: 8, max: 12 },
    { level: 'Extreme', min: 15, max: 20 },
  ],
  appetite: 3,
};

/** A small second organisation, so that tenant isolation can be seen and tested. */
async function seedSecondTenant(tx: EntityManager, log: (line: string) => void): Promise<void> {
  const organisation = tx.create(Organisation, { name: 'Contoso Health (demo)', aimsScope: 'Clinical triage support in two hospitals.' });
  const user = tx.create(User, { email: SECOND_TENANT_ADMIN.email, name: 'Casey Contoso', passwordHash: await hashPassword(SECOND_TENANT_ADMIN.password) });
  tx.create(Membership, { user, organisation, role: Role.ADMIN });
  const { matrix } = criteriaFrom(tx.create(RiskCriteria, { organisation, ...structuredClone(SECOND_TENANT_CRITERIA) }));
  const triage = tx.create(AiSystem, {
    organisation,
    name: 'Emergency triage assistant',
    purpose: 'Suggests a triage category for patients arriving at the emergency department.',
    organisationRole: 'customer',
    lifeCycleStage: 'operation-monitoring',
    euAiActTier: 'high-risk',
    tierRationale: 'Annex III point 5(d): triage of patients in emergency healthcare.',
  });
  for (const [title, likelihood, impact] of [
    ['Triage assistant under-triages older patients', 3, 5],
    ['Clinicians over-rely on the suggested category', 3, 4],
  ] as const) {
    const risk = tx.create(Risk, { organisation, aiSystem: triage, title, likelihood, impact, score: 0, level: '', withinAppetite: false });
    rescore(risk, matrix);
    recordAssessment(tx, risk, user);
  }
  annexAControls.forEach((control) => tx.create(SoaEntry, { organisation, controlId: control.id, applicable: true, implementationStatus: 'planned', justification: 'Needed to treat the clinical AI risks.' }));
  log('Seeded a second demo organisation, Contoso Health, to show tenant isolation.');
}

/** The demo organisation, its members and AI systems, and the risks with their history. */
interface DemoHistory {
  organisation: Organisation;
  users: User[];
  systems: Map<string, AiSystem>;
  risks: Map<string, Risk>;
}

/**
 * Writes the first 18 months of the demo organisation week by week, oldest first: the
 * organisation, its members and AI systems as they entered the inventory, and every assessment
 * of every risk. Each week is flushed with the audit log's clock set to that week, so the log
 * holds the register as it stood (`risks(asOf:)`, `riskHeatmap(asOf:)`) as well as the assessment
 * history (`riskTrend`, the review pack).
 */
async function seedHistory(tx: EntityManager, log: (line: string) => void, reference: string, actor: Actor): Promise<DemoHistory> {
  const moment = (weeksAgo: number, time: string) => new Date(`${demoWeekDate(reference, weeksAgo)}T${time}Z`);
  const start = moment(DEMO_HISTORY_WEEKS, '08:00:00');
  actor.recordedAt = start;
  const organisation = tx.create(Organisation, {
    name: 'Northwind Lending (demo)',
    aimsScope: 'Consumer lending: credit decisioning, fraud detection, income verification, marketing, recruitment and the customer assistant, in all EU operations.',
    createdAt: start,
  });
  // Every demo account has the same published password; the hashes still get salts of their own.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_SIGN_IN.password)));
  const users = DEMO_ACCOUNTS.map((account, index) => {
    const user = tx.create(User, { email: account.email, name: account.name, passwordHash: hashes[index]!, createdAt: start });
    tx.create(Membership, { user, organisation, role: account.role, createdAt: start });
    return user;
  });
  const assessor = users.find((_, index) => DEMO_ACCOUNTS[index]!.role === Role.RISK_MANAGER) ?? null;
  // Northwind has not set criteria of its own: its risks are scored on the default matrix.
  const { matrix } = criteriaFrom(null);
  const systems = new Map<string, AiSystem>();
  const risks = new Map<string, Risk>();
  const weeks = [...new Set([...DEMO_AI_SYSTEMS.map((system) => system.inventoryWeeksAgo), ...DEMO_RISKS.flatMap((demo) => demo.history.map(([weeksAgo]) => weeksAgo))])].sort((x, y) => y - x);
  for (const week of weeks) {
    for (const { inventoryWeeksAgo, ...fields } of DEMO_AI_SYSTEMS) {
      if (inventoryWeeksAgo !== week) continue;
      const createdAt = moment(week, '09:00:00');
      systems.set(fields.name, tx.create(AiSystem, { organisation, ...fields, createdAt, updatedAt: createdAt }));
    }
    const assessedAt = moment(week, '10:00:00');
    actor.recordedAt = assessedAt;
    for (const demo of DEMO_RISKS) {
      const step = demo.history.findIndex(([weeksAgo]) => weeksAgo === week);
      if (step < 0) continue;
      const [, likelihood, impact, residualLikelihood = null, residualImpact = null] = demo.history[step]!;
      const last = step === demo.history.length - 1;
      let risk = risks.get(demo.title);
      if (risk === undefined) {
        const aiSystem = demo.system === undefined ? null : systems.get(demo.system);
        if (aiSystem === undefined) throw new Error(`demo risk "${demo.title}" is assessed before its AI system ${demo.system} is in the inventory`);
        risk = tx.create(Risk, { organisation, aiSystem, title: demo.title, likelihood, impact, score: 0, level: '', withinAppetite: false, createdAt: assessedAt, updatedAt: assessedAt });
        applyDetails(risk, { description: demo.description, source: demo.source, objective: demo.objective, controlIds: demo.controlIds, owner: demo.owner });
        risks.set(demo.title, risk);
      }
      Object.assign(risk, { likelihood, impact });
      applyDetails(risk, {
        residualLikelihood,
        residualImpact,
        // Assessed first; treating once a residual rating is set; the status of today at the last step.
        status: last ? demo.status : residualLikelihood === null ? 'assessed' : 'treating',
        treatment: last || residualLikelihood !== null ? (demo.treatment ?? null) : null,
        reviewDate: demo.status === 'closed' && last ? null : addDays(demoWeekDate(reference, week), 7 * 26),
      });
      rescore(risk, matrix);
      recordAssessment(tx, risk, assessor).assessedAt = assessedAt;
    }
    await tx.flush();
  }
  log(`  ${systems.size} AI systems`);
  log(`  ${risks.size} risks, ${DEMO_RISKS.reduce((sum, demo) => sum + demo.history.length, 0)} assessments over ${weeks.length} weeks`);
  return { organisation, users, systems, risks };
}

async function seedIn(tx: EntityManager, log: (line: string) => void, today: string, actor: Actor): Promise<void> {
  log('Seeding the demo organisation…');
  // The history ends on the reference date; a clock behind it moves the history back, never into the future.
  const reference = today < DEMO_REFERENCE_DATE ? today : DEMO_REFERENCE_DATE;
  const { organisation, systems, risks } = await seedHistory(tx, log, reference, actor);
  // Everything else is recorded as of now.
  delete actor.recordedAt;
  // Controls were implemented about one a week, so the certification forecast has a pace to resample.
  let completed = 0;
  const weeksOfWork = annexAControls.filter((control, position) => isDone(demoSoaStatus(control.id, position).implementationStatus)).length;
  // The controls still to do are due one a fortnight from next month, ahead of the stage 2 audit.
  let planned = 0;
  annexAControls.forEach((control, position) => {
    const decision = demoSoaStatus(control.id, position);
    const done = isDone(decision.implementationStatus);
    const implementedDate = done ? addDays(mondayOnOrBefore(today), -7 * Math.ceil((weeksOfWork - completed++) * 1.2) + (position % 5)) : null;
    const dueDate = !done && decision.applicable ? addDays(mondayOnOrBefore(today), 28 + 14 * planned++) : null;
    tx.create(SoaEntry, { organisation, controlId: control.id, ...decision, owner: 'AI Governance Officer', implementedDate, dueDate });
  });
  log(`  Statement of Applicability: ${annexAControls.length} controls`);
  for (const evidence of DEMO_EVIDENCE) tx.create(Evidence, { organisation, ...evidence });
  log(`  ${DEMO_EVIDENCE.length} pieces of evidence`);
  const { findings, ...auditFields } = DEMO_AUDIT;
  const audit = tx.create(Audit, { organisation, ...auditFields, status: 'completed' });
  for (const { actions, ...findingFields } of findings) {
    const finding = tx.create(Finding, { organisation, audit, ...findingFields, status: actions.length > 0 && actions.every((action) => action.effective) ? 'closed' : 'open' });
    for (const action of actions) tx.create(CorrectiveAction, { organisation, finding, ...action });
  }
  log(`  1 internal audit with ${findings.length} findings`);
  for (const issue of DEMO_CONTEXT.issues) tx.create(ContextIssue, { organisation, ...issue });
  for (const party of DEMO_CONTEXT.parties) tx.create(InterestedParty, { organisation, ...party });
  const policy = tx.create(Policy, { organisation, title: 'AI policy', owner: 'AI Governance Officer', nextReviewOn: '2027-03-12', latestVersionNumber: 2 });
  tx.create(PolicyVersion, { policy, number: 1, text: 'Northwind Lending develops and uses AI only within its risk appetite, with human oversight of every credit decision.', approvedBy: 'Board of directors', approvedOn: '2025-03-10' });
  tx.create(PolicyVersion, { policy, number: 2, text: 'Version 2 adds fairness monitoring, supplier duties and the incident reporting route.', approvedBy: 'Board of directors', approvedOn: '2026-03-12' });
  const { actions: reviewActions, ...reviewFields } = DEMO_REVIEW;
  const review = tx.create(ManagementReview, { organisation, ...reviewFields });
  for (const action of reviewActions) tx.create(ReviewAction, { organisation, review, ...action });
  tx.create(Incident, {
    organisation,
    aiSystem: systems.get('Credit decisioning model') ?? null,
    title: 'Declines spiked after a broken income feature',
    description: 'A pipeline fault set declared income to zero for six hours; 1,240 applications were declined.',
    awareOn: '2026-08-18',
    seriousCase: 'general',
    reportedOn: '2026-08-27',
    status: 'closed',
  });
  for (const { monthly, ...fields } of DEMO_OBJECTIVES) {
    const objective = tx.create(AiObjective, { organisation, ...fields });
    monthEndsBefore(today, monthly.length).forEach((measuredOn, index) => tx.create(KpiMeasurement, { objective, measuredOn, value: monthly[index]! }));
  }
  log(`  ${DEMO_OBJECTIVES.length} AI objectives with monthly KPI measurements`);
  for (const { completedDaysAgo, validForDays, ...fields } of DEMO_TRAINING) {
    const completedOn = addDays(today, -completedDaysAgo);
    tx.create(TrainingRecord, { organisation, ...fields, completedOn, expiresOn: validForDays === null ? null : addDays(completedOn, validForDays) });
  }
  log(`  ${DEMO_TRAINING.length} training records`);
  for (const { systems: names, assessedDaysAgo, nextReviewInDays, ...fields } of DEMO_SUPPLIERS) {
    const supplier = tx.create(Supplier, { organisation, ...fields, lastAssessedOn: addDays(today, -assessedDaysAgo), nextReviewOn: addDays(today, nextReviewInDays) });
    supplier.aiSystems.set(
      names.map((name) => {
        const aiSystem = systems.get(name);
        if (aiSystem === undefined) throw new Error(`demo supplier ${fields.name} names an unknown AI system: ${name}`);
        return aiSystem;
      }),
    );
  }
  log(`  ${DEMO_SUPPLIERS.length} suppliers`);
  const gapAnalysisStart = addDays(mondayOnOrBefore(today), -7 * 40);
  tx.create(CertificationStage, { organisation, stage: 'gap-analysis', actualStart: gapAnalysisStart, actualEnd: addDays(gapAnalysisStart, 25) });
  tx.create(CertificationStage, { organisation, stage: 'implementation', actualStart: addDays(gapAnalysisStart, 28), plannedEnd: addDays(mondayOnOrBefore(today), 7 * 10) });
  tx.create(CertificationStage, { organisation, stage: 'stage-1', plannedStart: addDays(mondayOnOrBefore(today), 7 * 18), plannedEnd: addDays(mondayOnOrBefore(today), 7 * 18 + 2) });
  tx.create(CertificationBody, { organisation, name: 'Harbour Certification Services (demo)', accreditationBody: 'UKAS', accreditationNumber: '0000 (demo)', scopeCovers42001: true, verifiedOn: addDays(today, -30), chosen: true, notes: 'Chosen after comparing two bodies; its UKAS schedule lists ISO/IEC 42001.' });
  tx.create(CertificationBody, { organisation, name: 'Quickcert Online (demo)', scopeCovers42001: false, notes: 'Offers a certificate in three weeks without accreditation; rejected.' });
  log('  certification plan with 2 certification bodies');
  for (const demo of DEMO_IMPACT_ASSESSMENTS) {
    const { system, fria, risks: riskTitles, items, approvedBy, approvedOn, ...fields } = demo;
    const assessment = tx.create(ImpactAssessment, {
      organisation,
      aiSystem: systems.get(system)!,
      ...fields,
      approvedBy: approvedBy ?? null,
      approvedOn: approvedOn ?? null,
      friaRequired: fria !== undefined,
      friaDeployerProcesses: fria?.deployerProcesses ?? null,
      friaPeriodAndFrequency: fria?.periodAndFrequency ?? null,
      friaAffectedCategories: fria?.affectedCategories ?? null,
      friaRisksOfHarm: fria?.risksOfHarm ?? null,
      friaMeasuresAndComplaints: fria?.measuresAndComplaints ?? null,
      friaNotifiedOn: fria?.notifiedOn ?? null,
      riskIds: riskTitles.map((title) => risks.get(title)!.id),
    });
    for (const item of items) tx.create(ImpactItem, { organisation, assessment, ...item });
  }
  log(`  ${DEMO_IMPACT_ASSESSMENTS.length} impact assessments`);
  const thresholds = DEMO_THRESHOLDS.map((threshold) => {
    const { system, risk, ...fields } = threshold;
    return tx.create(FairnessThreshold, { organisation, aiSystem: systems.get(system)!, risk: risks.get(risk) ?? null, ...fields });
  });
  let breaches = 0;
  const windows = await seedDemoFairness(tx, organisation, systems, today, async (window, counts) => {
    // Checked here first, so that only a breaching window pays for the queries of raiseBreachFindings.
    const breached = thresholds.some(
      (threshold) => threshold.aiSystem === window.aiSystem && threshold.attribute === window.attribute && thresholdBreach(threshold, { start: window.startsOn, end: window.endsOn, counts })?.breached === true,
    );
    if (breached) breaches += (await raiseBreachFindings(tx, window, counts, today)).length;
  });
  log(`  ${windows} weekly fairness windows (${DEMO_FAIRNESS_WEEKS} weeks per monitored model), ${DEMO_THRESHOLDS.length} thresholds, ${breaches} breach finding(s)`);
}
