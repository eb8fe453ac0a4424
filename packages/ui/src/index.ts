export { BarChart, type BarChartProps, type BarChartReference } from './charts/BarChart/BarChart.js';
export { ChartCard, type ChartCardProps } from './layout/ChartCard.js';
export { formatNumber } from './format/format-number.js';
export { palette, riskLevelColors } from './palette.js';
