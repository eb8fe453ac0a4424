import { detectChangePoints, fairnessSeries, projectBreach, trend, type FairnessPoint, type FairnessWindow } from '@assay/risk-engine';
import type { FairnessMetricName } from '../resolvers/fairness.type.js';

export interface FairnessTrendComputation {
  readonly points: FairnessPoint[];
  readonly trend: { slopePerDay: number | null; tau: number | null; pValue: number | null; direction: string };
  readonly changePoints: { date: string; startDate: string; direction: string; magnitude: number }[];
  readonly latest: number | null;
  readonly breached: boolean;
  readonly projectedBreach: { date: string; earliest: string | null; latest: string | null } | null;
}

/**
 * A metric over the windows, with its trend (least squares and Mann–Kendall), shifts found by
 * CUSUM (h = 5 standard deviations on a 12-window baseline, which keeps false alarms rare on
 * weekly data), whether the latest value is beyond the threshold, and when the trend line would
 * cross it. Engine errors (an AIF360 metric without a privileged group) reach the caller.
 */
export function computeFairnessTrend(
  windows: readonly FairnessWindow[],
  metric: FairnessMetricName,
  options: { privilegedGroup?: string; group?: string; minGroupSize?: number; threshold: number | null; direction: 'above' | 'below' },
): FairnessTrendComputation {
  const { threshold, direction, ...seriesOptions } = options;
  const points = fairnessSeries(windows, metric, seriesOptions);
  const line = trend(points);
  const defined = points.filter((point) => point.value !== null);
  const changes = defined.length >= 16 ? detectChangePoints(points, { method: 'cusum', threshold: 5, baseline: 12 }) : [];
  const latest = defined.at(-1)?.value ?? null;
  const breached = threshold !== null && latest !== null && (direction === 'below' ? latest < threshold : latest > threshold);
  const projection = threshold !== null && !breached && defined.length >= 3 ? projectBreach(points, threshold, { direction }) : null;
  return {
    points,
    trend: {
      slopePerDay: line.slopePerDay,
      tau: line.mannKendall?.tau ?? null,
      pValue: line.mannKendall?.pValue ?? null,
      direction: line.mannKendall?.direction ?? 'no trend',
    },
    changePoints: changes.map((change) => ({ date: change.date, startDate: change.startDate, direction: change.direction, magnitude: change.magnitude })),
    latest,
    breached,
    projectedBreach: projection === null ? null : { date: projection.date, earliest: projection.interval.earliest, latest: projection.interval.latest },
  };
}
