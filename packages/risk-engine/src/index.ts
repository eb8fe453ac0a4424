export { RiskEngineError } from './errors/risk-engine-error.js';
export { createRiskMatrix } from './risk/create-risk-matrix.js';
export { residualRisk } from './risk/residual-risk.js';
export { riskExposure } from './risk/risk-exposure.js';
export { riskHeatmap } from './risk/risk-heatmap.js';
export { scoreRisk } from './risk/score-risk.js';
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
