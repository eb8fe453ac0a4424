export { BarChart, type BarChartProps, type BarChartReference } from './charts/BarChart/BarChart.js';
export { ChartCard, type ChartCardProps } from './layout/ChartCard.js';
export { formatNumber } from './format/format-number.js';
export { niceTicks, type NiceTicksOptions } from './axis/nice-ticks.js';
export { palette, riskLevelColors } from './palette.js';
export { LineChart, type LineChartBand, type LineChartMarker, type LineChartProps, type LineChartReference } from './charts/LineChart/LineChart.js';
export { RiskHeatmap, type RiskHeatmapCell, type RiskHeatmapProps } from './charts/RiskHeatmap/RiskHeatmap.js';
export { ScoreHistoryChart, type ScoreHistoryChartProps, type ScoreHistoryReference } from './charts/ScoreHistoryChart/ScoreHistoryChart.js';
