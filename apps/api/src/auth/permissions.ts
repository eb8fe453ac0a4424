import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';
import { AUDIT_EDITORS, MONITORING_WRITERS, RISK_EDITORS, Role } from './roles.js';

/** Who may call a root field: anyone, any signed-in member, or members with one of the roles. */
export type Rule = 'public' | 'signed-in' | readonly Role[];

const ADMIN_ONLY: readonly Role[] = [Role.ADMIN];

/**
 * The permission of every query and mutation, in one table. Every root field must have a row:
 * a field without one is refused (and a test fails), so no operation ships unguarded. Reads are
 * open to every member of the organisation (each query is scoped to it); writes name their roles.
 */
export const permissions: { readonly Query: Readonly<Record<string, Rule>>; readonly Mutation: Readonly<Record<string, Rule>> } = {
  Query: {
    me: 'public',
    apiTokens: 'signed-in',
    aiSystem: 'signed-in',
    aiSystems: 'signed-in',
    audits: 'signed-in',
    certificationPlan: 'signed-in',
    certificationProjection: 'signed-in',
    contextIssues: 'signed-in',
    evidence: 'signed-in',
    fairnessAttributes: 'signed-in',
    fairnessReport: 'signed-in',
    fairnessThresholds: 'signed-in',
    fairnessTrend: 'signed-in',
    findings: 'signed-in',
    incidents: 'signed-in',
    interestedParties: 'signed-in',
    managementReviewPack: 'signed-in',
    managementReviews: 'signed-in',
    policies: 'signed-in',
    readiness: 'signed-in',
    risk: 'signed-in',
    riskMatrix: 'signed-in',
    riskTrend: 'signed-in',
    risks: 'signed-in',
    controls: 'signed-in',
    auditLog: 'signed-in',
    verifyAuditLog: [Role.ADMIN, Role.AUDITOR],
    riskHeatmap: 'signed-in',
    trainingRecords: 'signed-in',
    trainingRecord: 'signed-in',
    suppliers: 'signed-in',
    supplier: 'signed-in',
    objectives: 'signed-in',
    objective: 'signed-in',
    impactAssessments: 'signed-in',
    impactAssessment: 'signed-in',
    correctiveActions: 'signed-in',
    certificationBodies: 'signed-in',
    crosswalk: 'signed-in',
    aiActQuestionnaire: 'signed-in',
    members: 'signed-in',
    member: 'signed-in',
    policy: 'signed-in',
    incident: 'signed-in',
    audit: 'signed-in',
    finding: 'signed-in',
    correctiveAction: 'signed-in',
    managementReview: 'signed-in',
    certificationBody: 'signed-in',
    contextIssue: 'signed-in',
    interestedParty: 'signed-in',
    evidenceItem: 'signed-in',
    control: 'signed-in',
    fairnessThreshold: 'signed-in',
  },
  Mutation: {
    login: 'public',
    signIn: 'public',
    signOut: 'signed-in',
    createApiToken: 'signed-in',
    revokeApiToken: 'signed-in',
    updateOrganisation: ADMIN_ONLY,
    addContextIssue: RISK_EDITORS,
    updateContextIssue: RISK_EDITORS,
    addInterestedParty: RISK_EDITORS,
    updateInterestedParty: RISK_EDITORS,
    createAiSystem: RISK_EDITORS,
    updateAiSystem: RISK_EDITORS,
    createRisk: RISK_EDITORS,
    updateRisk: RISK_EDITORS,
    updateSoaEntry: RISK_EDITORS,
    createEvidence: AUDIT_EDITORS,
    updateEvidence: AUDIT_EDITORS,
    createIncident: RISK_EDITORS,
    updateIncident: RISK_EDITORS,
    createAudit: AUDIT_EDITORS,
    updateAudit: AUDIT_EDITORS,
    addFinding: AUDIT_EDITORS,
    updateFinding: AUDIT_EDITORS,
    addCorrectiveAction: AUDIT_EDITORS,
    updateCorrectiveAction: AUDIT_EDITORS,
    createPolicy: RISK_EDITORS,
    revisePolicy: RISK_EDITORS,
    approvePolicy: ADMIN_ONLY,
    createManagementReview: RISK_EDITORS,
    updateManagementReview: RISK_EDITORS,
    addReviewAction: RISK_EDITORS,
    updateReviewAction: RISK_EDITORS,
    recordFairnessWindow: MONITORING_WRITERS,
    setFairnessThreshold: RISK_EDITORS,
    deleteFairnessThreshold: RISK_EDITORS,
    updateCertificationStage: RISK_EDITORS,
    createCertificationBody: ADMIN_ONLY,
    updateCertificationBody: ADMIN_ONLY,
    chooseCertificationBody: ADMIN_ONLY,
    createTrainingRecord: RISK_EDITORS,
    updateTrainingRecord: RISK_EDITORS,
    deleteTrainingRecord: RISK_EDITORS,
    createSupplier: RISK_EDITORS,
    updateSupplier: RISK_EDITORS,
    deleteSupplier: RISK_EDITORS,
    createAiObjective: RISK_EDITORS,
    updateAiObjective: RISK_EDITORS,
    deleteAiObjective: RISK_EDITORS,
    addKpiMeasurement: RISK_EDITORS,
    updateKpiMeasurement: RISK_EDITORS,
    deleteKpiMeasurement: RISK_EDITORS,
    createImpactAssessment: RISK_EDITORS,
    updateImpactAssessment: RISK_EDITORS,
    approveImpactAssessment: ADMIN_ONLY,
    deleteImpactAssessment: RISK_EDITORS,
    addImpactItem: RISK_EDITORS,
    updateImpactItem: RISK_EDITORS,
    removeImpactItem: RISK_EDITORS,
    updateRiskCriteria: RISK_EDITORS,
    classifyAiSystem: RISK_EDITORS,
    addMember: ADMIN_ONLY,
    changeMemberRole: ADMIN_ONLY,
    removeMember: ADMIN_ONLY,
    changePassword: 'signed-in',
    deleteAiSystem: RISK_EDITORS,
    deleteRisk: RISK_EDITORS,
    deleteEvidence: AUDIT_EDITORS,
    deletePolicy: RISK_EDITORS,
    deleteIncident: RISK_EDITORS,
    deleteAudit: AUDIT_EDITORS,
    deleteFinding: AUDIT_EDITORS,
    deleteCorrectiveAction: AUDIT_EDITORS,
    deleteManagementReview: RISK_EDITORS,
    deleteReviewAction: RISK_EDITORS,
    deleteCertificationBody: ADMIN_ONLY,
    deleteContextIssue: RISK_EDITORS,
    deleteInterestedParty: RISK_EDITORS,
  },
};

/** Refuses a call the rule does not allow, naming the roles it needs. */
export function checkRule(rule: Rule, context: Context): void {
  if (rule === 'public') return;
  if (!context.viewer) throw unauthenticated();
  const role = context.viewer.membership.role;
  if (rule !== 'signed-in' && !rule.includes(role)) throw forbidden(`Your role (${role}) may not do this; it needs one of: ${rule.join(', ')}`);
}

/** Enforces the table on a root field (src/schema.ts calls it for each); nested fields are reached only through a checked root. */
export function authorize(info: GraphQLResolveInfo, context: Context): void {
  const root = info.parentType.name;
  if (root !== 'Query' && root !== 'Mutation') return;
  const rule = permissions[root][info.fieldName];
  // A field without a rule is a defect: refuse it rather than guess (the message stays on the server).
  if (rule === undefined) throw new Error(`${root}.${info.fieldName} has no row in the permission table (src/auth/permissions.ts)`);
  checkRule(rule, context);
}
