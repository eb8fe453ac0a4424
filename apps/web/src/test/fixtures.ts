import type { ResultOf } from '@graphql-typed-document-node/core';
import type { Viewer } from '../features/auth/viewer.js';
import type { CertificationOutlookQuery, ReadinessQuery } from '../features/certification/certification.js';
import type { FairnessThresholdRow, FairnessTrend } from '../features/fairness/fairness.js';
import type { ReviewPack } from '../features/review/review-pack.js';
import type { RiskTrendPoint } from '../features/risks/exposure-trend.js';
import { riskExposure, riskHeatmap } from '@assay/risk-engine';
import { type HeatmapData, matrixFrom, type RiskMatrixData, type RiskOverviewData, type RiskRow } from '../features/risks/risks.js';

export const viewer: Viewer = {
  role: 'EXECUTIVE',
  sessionExpiresAt: '2026-11-29T08:00:00.000Z',
  user: { id: 'u1', name: 'Evan', email: 'exec@example.com' },
  organisation: { id: 'o1', name: 'Acme Insurance' },
};

/** The default 5 × 5 matrix: score = likelihood × impact, appetite 4. */
export const matrix: RiskMatrixData = {
  likelihood: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'].map((label, index) => ({ value: index + 1, label })),
  impact: ['Insignificant', 'Minor', 'Moderate', 'Major', 'Catastrophic'].map((label, index) => ({ value: index + 1, label })),
  grid: [1, 2, 3, 4, 5].map((likelihood) => [1, 2, 3, 4, 5].map((impact) => likelihood * impact)),
  bands: [
    { level: 'Low', min: 1, max: 4 },
    { level: 'Medium', min: 5, max: 9 },
    { level: 'High', min: 10, max: 16 },
    { level: 'Critical', min: 20, max: 25 },
  ],
  appetite: 4,
  maxScore: 25,
};

export function risk(id: string, likelihood: number, impact: number, level: string, residual: [number, number] | null = null): RiskRow {
  const score = likelihood * impact;
  return { id, title: `Risk ${id}`, likelihood, impact, score, level, withinAppetite: score <= 4, residualLikelihood: residual?.[0] ?? null, residualImpact: residual?.[1] ?? null };
}

/** A heatmap as the API answers it, counted here by the risk engine on the fixture matrix. */
export function heatmapOf(ratings: readonly { likelihood: number; impact: number }[]): HeatmapData {
  const engineMatrix = matrixFrom(matrix);
  const exposure = riskExposure(ratings, engineMatrix);
  return {
    total: ratings.length,
    cells: riskHeatmap(ratings, engineMatrix).cells.map((cell) => ({ ...cell })),
    exposure: { risks: exposure.total, totalScore: ratings.reduce((sum, rating) => sum + rating.likelihood * rating.impact, 0), byLevel: exposure.byLevel.map((entry) => ({ ...entry })), meanScore: exposure.meanScore, aboveAppetite: exposure.aboveAppetite },
  };
}

/** The overview's risk answer for a whole register of these risks (the API would send the top 12). */
export function overviewOf(risks: RiskRow[]): RiskOverviewData {
  return {
    risks: { totalCount: risks.length, nodes: risks.slice(0, 12) },
    // The fixtures' risks are all open.
    openHighAndCritical: { totalCount: risks.filter((risk) => risk.level === 'High' || risk.level === 'Critical').length },
    inherent: heatmapOf(risks),
    residual: heatmapOf(risks.map((entry) => ({ likelihood: entry.residualLikelihood ?? entry.likelihood, impact: entry.residualImpact ?? entry.impact }))),
    riskMatrix: matrix,
  };
}

export const threshold: FairnessThresholdRow = {
  id: 't1',
  aiSystem: { id: 's1', name: 'Credit scoring' },
  attribute: 'sex',
  metric: 'DISPARATE_IMPACT',
  value: 0.8,
  direction: 'BELOW',
  privilegedGroup: 'M',
  minGroupSize: 30,
};

/**
 * Four weekly windows drifting down through the four-fifths line: the last two (0.78, 0.74) are
 * below 0.8, so the breach started with the window of 15 March. CUSUM found one downward shift.
 */
export const trend: FairnessTrend = {
  threshold: 0.8,
  thresholdDirection: 'BELOW',
  breached: true,
  points: [
    { start: '2026-03-01', end: '2026-03-08', value: 0.86, lower: 0.8, upper: 0.92, n: 1200 },
    { start: '2026-03-08', end: '2026-03-15', value: 0.82, lower: 0.76, upper: 0.88, n: 1180 },
    { start: '2026-03-15', end: '2026-03-22', value: 0.78, lower: 0.72, upper: 0.84, n: 1210 },
    { start: '2026-03-22', end: '2026-03-29', value: 0.74, lower: 0.68, upper: 0.8, n: 1190 },
  ],
  trend: { direction: 'decreasing', slopePerDay: -0.0057 },
  changePoints: [{ date: '2026-03-22', startDate: '2026-03-15', direction: 'down', magnitude: 0.06 }],
  projectedBreach: null,
};

export const riskTrend: RiskTrendPoint[] = [
  { date: '2025-06-01', inherent: { risks: 3, totalScore: 38, meanScore: 12.7, aboveAppetite: 3 }, residual: { risks: 3, totalScore: 30, meanScore: 10, aboveAppetite: 2 } },
  { date: '2025-06-30', inherent: { risks: 4, totalScore: 40, meanScore: 10, aboveAppetite: 3 }, residual: { risks: 4, totalScore: 24, meanScore: 6, aboveAppetite: 2 } },
  { date: '2025-07-31', inherent: { risks: 4, totalScore: 40, meanScore: 10, aboveAppetite: 3 }, residual: { risks: 4, totalScore: 18, meanScore: 4.5, aboveAppetite: 1 } },
];

export const certificationOutlook: ResultOf<typeof CertificationOutlookQuery> = {
  certificationProjection: {
    asOf: '2026-04-01',
    basis: 'history',
    note: 'Projected from 12 weeks of completions.',
    criticalStage: 'IMPLEMENTATION',
    certificationDate: { p50: '2026-11-20', p80: '2027-01-15', p95: '2027-03-05' },
    stages: [
      { stage: 'GAP_ANALYSIS', status: 'DONE', plannedEnd: '2026-01-31', projected: { p50: '2026-02-06', p80: '2026-02-06', p95: '2026-02-06' } },
      { stage: 'IMPLEMENTATION', status: 'IN_PROGRESS', plannedEnd: '2026-07-31', projected: { p50: '2026-08-14', p80: '2026-09-25', p95: '2026-11-06' } },
      { stage: 'INTERNAL_AUDIT', status: 'NOT_STARTED', plannedEnd: null, projected: { p50: '2026-09-11', p80: '2026-10-23', p95: '2026-12-04' } },
      { stage: 'MANAGEMENT_REVIEW', status: 'NOT_STARTED', plannedEnd: null, projected: { p50: '2026-09-25', p80: '2026-11-06', p95: '2026-12-18' } },
      { stage: 'STAGE_1', status: 'NOT_STARTED', plannedEnd: '2026-10-15', projected: { p50: '2026-10-16', p80: '2026-11-27', p95: '2027-01-08' } },
      { stage: 'STAGE_2', status: 'NOT_STARTED', plannedEnd: null, projected: { p50: '2026-11-06', p80: '2026-12-18', p95: '2027-02-05' } },
      { stage: 'CERTIFICATION_DECISION', status: 'NOT_STARTED', plannedEnd: '2026-12-01', projected: { p50: '2026-11-20', p80: '2027-01-15', p95: '2027-03-05' } },
    ],
  },
  certificationPlan: {
    stages: [{ stage: 'GAP_ANALYSIS', actualEnd: '2026-02-06' }],
  },
};

export const readinessAnswer: ResultOf<typeof ReadinessQuery> = { readiness: { asOf: '2026-04-01', overall: 0.625, clauseShare: 0.7, controlShare: 0.55 } };

const exposure = (risks: number, totalScore: number, aboveAppetite: number) => ({ risks, totalScore, meanScore: risks === 0 ? null : totalScore / risks, aboveAppetite });

/** A pack with something in every section. */
export const pack: ReviewPack = {
  asOf: '2026-04-01',
  since: '2025-10-01',
  organisation: 'Acme Insurance',
  lastReview: { id: 'r1', heldOn: '2025-10-01' },
  previousActions: {
    total: 2,
    open: 1,
    completed: 1,
    overdue: 1,
    actions: [
      { id: 'a1', description: 'Publish the AI policy', owner: 'CEO', dueDate: '2026-01-31', completedOn: null, overdue: true },
      { id: 'a2', description: 'Train the risk owners', owner: null, dueDate: '2026-02-28', completedOn: '2026-02-20', overdue: false },
    ],
  },
  contextChanges: {
    issuesAdded: [{ id: 'i1', description: 'EU AI Act obligations for high-risk systems', external: true, recordedOn: '2025-11-03', retiredOn: null }],
    issuesRetired: [{ id: 'i2', description: 'Legacy scoring vendor', external: false, recordedOn: '2024-05-01', retiredOn: '2026-01-10' }],
    partiesAdded: [{ id: 'p1', name: 'Consumer ombudsman', needs: 'Explanations of declined applications', recordedOn: '2025-12-01', retiredOn: null }],
    partiesRetired: [],
  },
  nonconformities: {
    raised: 3,
    raisedByAudit: 2,
    raisedByMonitoring: 1,
    open: 2,
    actionsDue: 4,
    actionsOnTime: 3,
    actionsOverdue: 1,
    actionsEffective: 2,
    actionsIneffective: 0,
    actionsUnchecked: 1,
    lateActions: {
      measure: 'late corrective actions',
      centreLine: 0.25,
      runs: [],
      points: [
        { label: '2026-02', inspected: 2, defects: 0, proportion: 0, outOfControl: false },
        { label: '2026-03', inspected: 2, defects: 1, proportion: 0.5, outOfControl: false },
      ],
    },
  },
  kpis: [{ objective: 'Fairness reviews on time', kpi: 'Share of reviews on time', unit: '%', target: 90, direction: 'higher-is-better', latest: 92, latestOn: '2026-11-01', onTarget: true, trend: 'increasing' }],
  monitoring: [
    {
      aiSystem: { id: 's1', name: 'Credit scoring' },
      attribute: 'sex',
      metric: 'DISPARATE_IMPACT',
      threshold: 0.8,
      direction: 'BELOW',
      latest: 0.74,
      latestEnd: '2026-03-29',
      breached: true,
      trend: 'decreasing',
      projectedBreach: null,
      latestShift: '2026-03-15',
      openFinding: { id: 'f9', raisedOn: '2026-03-29' },
    },
  ],
  audits: {
    completed: [{ id: 'au1', title: 'AIMS internal audit 2026', plannedOn: '2026-02-01', completedOn: '2026-02-15', findings: [{ id: 'f1', kind: 'MINOR_NONCONFORMITY' }, { id: 'f2', kind: 'OPPORTUNITY' }] }],
    majorNonconformities: 0,
    minorNonconformities: 1,
    observations: 0,
    opportunities: 1,
  },
  opportunities: [{ id: 'f2', description: 'Automate the model inventory', raisedOn: '2026-02-15', source: 'audit', clauseId: null, controlId: 'A.4.2', aiSystem: null }],
  risks: {
    inherentThen: exposure(3, 38, 3),
    inherentNow: exposure(4, 40, 3),
    residualThen: exposure(3, 30, 2),
    residualNow: exposure(4, 18, 1),
    awaitingReassessment: [{ id: 'k1', title: 'Bias in credit model', score: 20, level: 'Critical', reassessmentReason: 'Disparate impact by sex fell below 0.8' }],
  },
  certification: {
    readiness: 0.625,
    clauseShare: 0.7,
    controlShare: 0.55,
    projection: { p50: '2026-11-20', p80: '2027-01-15', p95: '2027-03-05', criticalStage: 'implementation', note: 'Projected from 12 weeks of completions.' },
  },
};

/** A pack of an organisation that has recorded nothing yet. */
export const emptyPack: ReviewPack = {
  ...pack,
  lastReview: null,
  previousActions: { total: 0, open: 0, completed: 0, overdue: 0, actions: [] },
  contextChanges: { issuesAdded: [], issuesRetired: [], partiesAdded: [], partiesRetired: [] },
  nonconformities: {
    raised: 0,
    raisedByAudit: 0,
    raisedByMonitoring: 0,
    open: 0,
    actionsDue: 0,
    actionsOnTime: 0,
    actionsOverdue: 0,
    actionsEffective: 0,
    actionsIneffective: 0,
    actionsUnchecked: 0,
    lateActions: { measure: 'late corrective actions', centreLine: null, runs: [], points: [] },
  },
  kpis: [],
  monitoring: [],
  audits: { completed: [], majorNonconformities: 0, minorNonconformities: 0, observations: 0, opportunities: 0 },
  opportunities: [],
  risks: { inherentThen: exposure(0, 0, 0), inherentNow: exposure(0, 0, 0), residualThen: exposure(0, 0, 0), residualNow: exposure(0, 0, 0), awaitingReassessment: [] },
  certification: { readiness: null, clauseShare: null, controlShare: null, projection: null },
};
