export { aiRoles, euAiActTiers, implementationStatuses, lifeCycleStages, riskStatuses, riskTreatmentOptions } from './enums.js';
export type { AiRole, EuAiActTier, ImplementationStatus, LifeCycleStage, RiskStatus, RiskTreatmentOption } from './enums.js';
export { annexAControls, annexAObjectives, type AnnexAControl, type AnnexAObjective } from './iso42001/annex-a.js';
export { annexCObjectives, annexCRiskSources, type AnnexCObjective, type AnnexCRiskSource } from './iso42001/annex-c.js';
export { clauses, type Clause } from './iso42001/clauses.js';
export { controlsByObjective } from './iso42001/controls-by-objective.js';
export { findControl } from './iso42001/find-control.js';
