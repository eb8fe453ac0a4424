/**
 * Vocabularies shared by the API and the dashboard, as readonly arrays with their union types,
 * so both sides validate and display the same values.
 */

/** Risk treatment options (ISO 31000 §6.5.2). */
export const riskTreatmentOptions = ['avoid', 'mitigate', 'transfer', 'accept'] as const;
export type RiskTreatmentOption = (typeof riskTreatmentOptions)[number];

/** Where a risk stands in its handling. */
export const riskStatuses = ['identified', 'assessed', 'treating', 'monitoring', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];

/** The organisation's role for an AI system, after ISO/IEC 22989 (ISO/IEC 42001 clause 4.1). */
export const aiRoles = ['provider', 'producer', 'customer', 'partner', 'subject', 'relevant-authority'] as const;
export type AiRole = (typeof aiRoles)[number];

/** Stages of an AI system's life cycle. */
export const lifeCycleStages = [
  'inception',
  'design-development',
  'verification-validation',
  'deployment',
  'operation-monitoring',
  're-evaluation',
  'retirement',
] as const;
export type LifeCycleStage = (typeof lifeCycleStages)[number];

/**
 * Risk tiers of the EU AI Act (Regulation (EU) 2024/1689). "limited" and "minimal" are informal
 * labels (the Act does not use them); "unclassified" means the questionnaire is not done yet.
 */
export const euAiActTiers = ['prohibited', 'high-risk', 'limited', 'minimal', 'gpai', 'gpai-systemic', 'unclassified'] as const;
export type EuAiActTier = (typeof euAiActTiers)[number];

/** How far a control (or a clause's requirements) has been implemented. */
export const implementationStatuses = ['not-started', 'planned', 'in-progress', 'implemented', 'verified'] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];

/** How serious an incident is under Art. 73 of the EU AI Act; the case sets the reporting deadline. */
export const seriousIncidentCases = ['none', 'general', 'widespread-or-critical-infrastructure', 'death'] as const;
export type SeriousIncidentCase = (typeof seriousIncidentCases)[number];

/** Where an incident stands. */
export const incidentStatuses = ['open', 'investigating', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** Internal audit states. */
export const auditStatuses = ['planned', 'in-progress', 'completed'] as const;
export type AuditStatus = (typeof auditStatuses)[number];

/** Kinds of audit finding (clause 9.2 and 10.2). */
export const findingKinds = ['major-nonconformity', 'minor-nonconformity', 'observation', 'opportunity'] as const;
export type FindingKind = (typeof findingKinds)[number];

/** Whether a finding is still being dealt with. */
export const findingStatuses = ['open', 'closed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** Where an AI system impact assessment stands (ISO/IEC 42005 5.11: approval); only an administrator approves. */
export const impactAssessmentStatuses = ['draft', 'in-review', 'approved'] as const;
export type ImpactAssessmentStatus = (typeof impactAssessmentStatuses)[number];

/** Whether an assessed impact is a harm or a benefit (ISO/IEC 42005 6.8). */
export const impactKinds = ['harm', 'benefit'] as const;
export type ImpactKind = (typeof impactKinds)[number];

/** Whom an impact falls on: individuals, groups of individuals, or society (ISO/IEC 42005; 42001 clause 6.1.4). */
export const affectedLevels = ['individuals', 'groups', 'society'] as const;
export type AffectedLevel = (typeof affectedLevels)[number];
/** Where an AI objective (clause 6.2) stands; whether its KPI is on target is computed, not stored. */
export const objectiveStatuses = ['planned', 'active', 'achieved', 'missed', 'withdrawn'] as const;
export type ObjectiveStatus = (typeof objectiveStatuses)[number];

/** Which way a KPI improves: a higher value or a lower one is better. */
export const kpiDirections = ['higher-is-better', 'lower-is-better'] as const;
export type KpiDirection = (typeof kpiDirections)[number];

/** What a supplier provides for the organisation's AI systems (Annex A.10.3). */
export const supplyKinds = ['model', 'data', 'platform', 'service'] as const;
export type SupplyKind = (typeof supplyKinds)[number];

/** How far the due diligence on a supplier has gone (Annex A.10.3). */
export const dueDiligenceStatuses = ['not-assessed', 'assessed', 'approved', 'rejected'] as const;
export type DueDiligenceStatus = (typeof dueDiligenceStatuses)[number];
