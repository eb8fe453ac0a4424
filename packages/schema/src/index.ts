export {
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
  supplyKinds,
} from './enums.js';
export type {
  AffectedLevel,
  AiRole,
  AuditStatus,
  DueDiligenceStatus,
  EuAiActTier,
  FindingKind,
  FindingStatus,
  ImpactAssessmentStatus,
  ImpactKind,
  ImplementationStatus,
  IncidentStatus,
  KpiDirection,
  LifeCycleStage,
  ObjectiveStatus,
  RiskStatus,
  RiskTreatmentOption,
  SeriousIncidentCase,
  SupplyKind,
} from './enums.js';
export { annexAControls, annexAObjectives, type AnnexAControl, type AnnexAObjective } from './iso42001/annex-a.js';
export { annexCObjectives, annexCRiskSources, type AnnexCObjective, type AnnexCRiskSource } from './iso42001/annex-c.js';
export { clauses, type Clause } from './iso42001/clauses.js';
export { controlsByObjective } from './iso42001/controls-by-objective.js';
export { findControl } from './iso42001/find-control.js';
export { accreditationBodies, type AccreditationBody } from './frameworks/accreditation-bodies.js';
export { crosswalk, type CrosswalkEnd, type CrosswalkLink, type Framework } from './frameworks/crosswalk.js';
export { crosswalkFor } from './frameworks/crosswalk-for.js';
export {
  aiActApplicationDates,
  aiActObligations,
  annexIIIAreas,
  highRiskDerogations,
  prohibitedPractices,
  seriousIncidentDeadlines,
  transparencyCases,
  type AiActAddressee,
  type AiActObligation,
  type AiActObligationGroup,
  type AnnexIIIArea,
  type ApplicationDate,
  type HighRiskDerogation,
  type ProhibitedPractice,
  type TransparencyCase,
} from './frameworks/eu-ai-act.js';
export { iso27001AiControls, iso27001Themes, type Iso27001Control, type Iso27001Theme } from './frameworks/iso27001.js';
export { iso9001Clauses, type Iso9001Clause } from './frameworks/iso9001.js';
export { nistCategories, nistFunctions, nistSubcategoryIds, type NistCategory, type NistFunctionId } from './frameworks/nist-ai-rmf.js';
export { AiActAnswerError } from './frameworks/ai-act-answer-error.js';
export { aiActQuestionnaire, type AiActAnswers, type AiActQuestion, type AiActQuestionId, type AiActQuestionOption } from './frameworks/ai-act-questionnaire.js';
export { classifyUnderAiAct, type AiActClassification, type AiActClassificationTier, type TriggeredObligation } from './frameworks/classify-under-ai-act.js';
