export { projectCertification } from './certification/project-certification.js';
export { readiness } from './certification/readiness.js';
export type {
  CertificationCycle,
  CertificationProfile,
  CertificationProjection,
  CertificationStage,
  CertificationStagePlan,
  CertificationStageProjection,
  CertificationStageStatus,
  ClauseReadiness,
  DatePercentiles,
  ObjectiveReadiness,
  ProjectCertificationOptions,
  Readiness,
  ReadinessClause,
  ReadinessControl,
  ReadinessInput,
  ReadinessStatus,
  WeeklyCompletions,
} from './certification/types.js';
export { RiskEngineError } from './errors/risk-engine-error.js';
export { fairnessReport } from './fairness/fairness-report.js';
export { fairnessSeries } from './fairness/fairness-series.js';
export { groupCounts } from './fairness/group-counts.js';
export { mergeGroupCounts } from './fairness/merge-group-counts.js';
export type {
  Cell,
  Column,
  Comparison,
  Disparity,
  Estimate,
  FairnessMetric,
  FairnessPoint,
  FairnessReport,
  FairnessReportOptions,
  FairnessSeriesOptions,
  FairnessWindow,
  FourFifthsRule,
  GroupCounts,
  GroupCountsInput,
  GroupMetrics,
  GroupReport,
  GroupTest,
  GroupValue,
  Interval,
  Label,
  PrivilegedComparison,
  RateName,
} from './fairness/types.js';
export { createRiskMatrix } from './risk/create-risk-matrix.js';
export { assessorAgreement } from './risk/assessor-agreement.js';
export { residualRisk } from './risk/residual-risk.js';
export { riskExposure } from './risk/risk-exposure.js';
export { riskHeatmap } from './risk/risk-heatmap.js';
export { scoreRisk } from './risk/score-risk.js';
export { scoreRiskRange } from './risk/score-risk-range.js';
export type {
  AgreementLevel,
  AssessorAgreement,
  AssessorAgreementOptions,
  ReliabilityData,
  RiskRange,
  RiskRangeEstimate,
  RiskRangeSamples,
  ScaleProbability,
  ScoreProbability,
  ScoreRiskRangeOptions,
  ThreePointEstimate,
} from './risk/range-types.js';
export type {
  ExposureRisk,
  HeatmapCell,
  ResidualRisk,
  RiskBand,
  RiskExposure,
  RiskExposureOptions,
  RiskHeatmap,
  RiskMatrix,
  RiskMatrixOptions,
  RiskRating,
  RiskScore,
  RiskTreatment,
  ScaleStep,
  ScoredRisk,
} from './risk/types.js';
export { controlChart } from './time/control-chart.js';
export { detectChangePoints } from './time/detect-change-points.js';
export { projectBreach } from './time/project-breach.js';
export { trend } from './time/trend.js';
export type {
  BreachProjection,
  ChangePoint,
  ChangePointOptions,
  ControlChart,
  ControlChartPeriod,
  ControlChartPoint,
  ControlChartRun,
  MannKendall,
  ProjectBreachOptions,
  Series,
  SeriesPoint,
  Trend,
  TrendDirection,
} from './time/types.js';
