import {
  affectedLevels,
  aiRoles,
  auditStatuses,
  dueDiligenceStatuses,
  euAiActTiers,
  findingKinds,
  findingStatuses,
  impactAssessmentStatuses,
  impactKinds,
  implementationStatuses,
  incidentStatuses,
  kpiDirections,
  lifeCycleStages,
  objectiveStatuses,
  riskStatuses,
  riskTreatmentOptions,
  seriousIncidentCases,
  type AffectedLevel,
  supplyKinds,
  type AiRole,
  type AuditStatus,
  type DueDiligenceStatus,
  type EuAiActTier,
  type FindingKind,
  type FindingStatus,
  type ImpactAssessmentStatus,
  type ImpactKind,
  type ImplementationStatus,
  type IncidentStatus,
  type KpiDirection,
  type LifeCycleStage,
  type ObjectiveStatus,
  type RiskStatus,
  type RiskTreatmentOption,
  type SeriousIncidentCase,
  type SupplyKind,
} from '@assay/schema';
import { registerEnumType } from 'type-graphql';

/** `['design-development']` → `{ DESIGN_DEVELOPMENT: 'design-development' }`: GraphQL names, stored values. */
function enumOf<Value extends string>(values: readonly Value[]): Record<string, Value> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase().replace(/-/g, '_'), value]));
}

/** The shared vocabularies of @assay/schema as GraphQL enums. */
export const RiskTreatmentEnum = enumOf<RiskTreatmentOption>(riskTreatmentOptions);
registerEnumType(RiskTreatmentEnum, { name: 'RiskTreatment', description: 'How a risk is treated (ISO 31000 §6.5.2).' });

export const RiskStatusEnum = enumOf<RiskStatus>(riskStatuses);
registerEnumType(RiskStatusEnum, { name: 'RiskStatus', description: 'Where a risk stands in its handling.' });

export const AiRoleEnum = enumOf<AiRole>(aiRoles);
registerEnumType(AiRoleEnum, { name: 'AiRole', description: "The organisation's role for an AI system (ISO/IEC 22989)." });

export const LifeCycleStageEnum = enumOf<LifeCycleStage>(lifeCycleStages);
registerEnumType(LifeCycleStageEnum, { name: 'LifeCycleStage', description: 'Stage of an AI system in its life cycle.' });

export const EuAiActTierEnum = enumOf<EuAiActTier>(euAiActTiers);
registerEnumType(EuAiActTierEnum, { name: 'EuAiActTier', description: 'Risk tier under the EU AI Act (Regulation (EU) 2024/1689); UNCLASSIFIED until assessed.' });

export const ImplementationStatusEnum = enumOf<ImplementationStatus>(implementationStatuses);
registerEnumType(ImplementationStatusEnum, { name: 'ImplementationStatus', description: 'How far a control has been implemented.' });

export const SeriousIncidentCaseEnum = enumOf<SeriousIncidentCase>(seriousIncidentCases);
registerEnumType(SeriousIncidentCaseEnum, {
  name: 'SeriousIncidentCase',
  description: 'Seriousness under Art. 73 of the EU AI Act: NONE, GENERAL (15 days to report), WIDESPREAD_OR_CRITICAL_INFRASTRUCTURE (2 days), DEATH (10 days).',
});

export const IncidentStatusEnum = enumOf<IncidentStatus>(incidentStatuses);
registerEnumType(IncidentStatusEnum, { name: 'IncidentStatus' });

export const AuditStatusEnum = enumOf<AuditStatus>(auditStatuses);
registerEnumType(AuditStatusEnum, { name: 'AuditStatus' });

export const FindingKindEnum = enumOf<FindingKind>(findingKinds);
registerEnumType(FindingKindEnum, { name: 'FindingKind', description: 'Major or minor nonconformity, observation, or opportunity for improvement.' });

export const FindingStatusEnum = enumOf<FindingStatus>(findingStatuses);
registerEnumType(FindingStatusEnum, { name: 'FindingStatus' });

export const ImpactAssessmentStatusEnum = enumOf<ImpactAssessmentStatus>(impactAssessmentStatuses);
registerEnumType(ImpactAssessmentStatusEnum, { name: 'ImpactAssessmentStatus', description: 'DRAFT while being written, IN_REVIEW once submitted, APPROVED by an administrator (ISO/IEC 42005 5.11).' });

export const ImpactKindEnum = enumOf<ImpactKind>(impactKinds);
registerEnumType(ImpactKindEnum, { name: 'ImpactKind', description: 'Whether an impact is a HARM or a BENEFIT (ISO/IEC 42005 6.8).' });

export const AffectedLevelEnum = enumOf<AffectedLevel>(affectedLevels);
registerEnumType(AffectedLevelEnum, { name: 'AffectedLevel', description: 'Whom an impact falls on: INDIVIDUALS, GROUPS of individuals, or SOCIETY.' });

export const ObjectiveStatusEnum = enumOf<ObjectiveStatus>(objectiveStatuses);
registerEnumType(ObjectiveStatusEnum, { name: 'ObjectiveStatus', description: 'Where an AI objective (clause 6.2) stands; whether its KPI is on target is computed.' });

export const KpiDirectionEnum = enumOf<KpiDirection>(kpiDirections);
registerEnumType(KpiDirectionEnum, { name: 'KpiDirection', description: 'Which way a KPI improves: HIGHER_IS_BETTER or LOWER_IS_BETTER.' });

export const SupplyKindEnum = enumOf<SupplyKind>(supplyKinds);
registerEnumType(SupplyKindEnum, { name: 'SupplyKind', description: 'What a supplier provides for AI systems (Annex A.10.3).' });

export const DueDiligenceStatusEnum = enumOf<DueDiligenceStatus>(dueDiligenceStatuses);
registerEnumType(DueDiligenceStatusEnum, { name: 'DueDiligenceStatus', description: 'How far the due diligence on a supplier has gone (Annex A.10.3).' });
