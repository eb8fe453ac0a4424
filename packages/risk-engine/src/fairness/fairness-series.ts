import { RiskEngineError } from '../errors/risk-engine-error.js';
import { parseIsoDate } from '../time/parse-iso-date.js';
import { describe } from './cell.js';
import { fairnessReport } from './fairness-report.js';
import type { FairnessMetric, FairnessPoint, FairnessReport, FairnessSeriesOptions, FairnessWindow, Interval, RateName } from './types.js';

const disparities = new Set<FairnessMetric>([
  'demographicParityDifference',
  'demographicParityRatio',
  'equalizedOddsDifference',
  'equalizedOddsRatio',
  'equalOpportunityDifference',
  'equalOpportunityRatio',
]);
const againstPrivileged = new Set<FairnessMetric>(['disparateImpact', 'statisticalParityDifference', 'equalOpportunityGap', 'averageOddsDifference', 'averageAbsOddsDifference']);
const rates = new Set<FairnessMetric>(['selectionRate', 'truePositiveRate', 'falsePositiveRate', 'falseNegativeRate', 'trueNegativeRate', 'accuracy', 'precision']);

/**
 * Follows one fairness metric over time: each window's counts (as from `groupCounts`) become a
 * point with the metric's value, its confidence interval and the rows it rests on, sorted by
 * the window's start. Each point is computed as `fairnessReport` would for that window alone.
 * A window that cannot define the metric gives a null value, a gap that `trend`,
 * `detectChangePoints` and `projectBreach` skip. Cost: linear in windows × groups.
 *
 * `metric` is one of Fairlearn's disparities (with `method`), one of AIF360's comparisons (which
 * need `privilegedGroup`), `theilIndex`, or a rate such as `selectionRate` for one `group` or
 * for all rows.
 *
 * @throws {RiskEngineError} for an unknown metric, an AIF360 metric without `privilegedGroup`,
 * a window whose dates are not ISO 8601 or end before they start, or counts that are not valid.
 * @example
 * fairnessSeries([
 *   { start: '2026-01-12', end: '2026-01-19', counts: { groups: {
 *       a: { tp: 8, fp: 2, tn: 8, fn: 2, rows: 20 }, b: { tp: 4, fp: 1, tn: 13, fn: 2, rows: 20 } },
 *     missing: { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 } } },
 *   { start: '2026-01-05', end: '2026-01-12', counts: { groups: {
 *       a: { tp: 5, fp: 5, tn: 5, fn: 5, rows: 20 }, b: { tp: 5, fp: 5, tn: 5, fn: 5, rows: 20 } },
 *     missing: { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 } } },
 * ], 'demographicParityDifference').map((point) => [point.date, point.value, point.n]);
 * // [['2026-01-05', 0, 40], ['2026-01-12', 0.25, 40]]
 */
export function fairnessSeries(windows: readonly FairnessWindow[], metric: FairnessMetric, options: FairnessSeriesOptions = {}): FairnessPoint[] {
  if (!Array.isArray(windows)) throw new RiskEngineError(`fairnessSeries: windows must be an array of { start, end, counts }, got ${describe(windows)}`);
  if (!disparities.has(metric) && !againstPrivileged.has(metric) && !rates.has(metric) && metric !== 'theilIndex') {
    throw new RiskEngineError(`fairnessSeries: metric ${describe(metric)} is not one of ${[...disparities, ...againstPrivileged, 'theilIndex', ...rates].join(', ')}`);
  }
  const { method = 'betweenGroups', group, ...reportOptions } = options;
  if (method !== 'betweenGroups' && method !== 'toOverall') {
    throw new RiskEngineError(`fairnessSeries: method must be "betweenGroups" or "toOverall", got ${describe(method)}`);
  }
  if (againstPrivileged.has(metric) && reportOptions.privilegedGroup === undefined) {
    throw new RiskEngineError(`fairnessSeries: metric ${metric} compares with a privileged group, so options.privilegedGroup is required`);
  }
  const dated = windows.map((window, index) => {
    const start = parseIsoDate(window?.start);
    const end = parseIsoDate(window?.end);
    if (start === null) throw new RiskEngineError(`fairnessSeries: windows[${index}].start must be an ISO 8601 date, got ${describe(window?.start)}`);
    if (end === null) throw new RiskEngineError(`fairnessSeries: windows[${index}].end must be an ISO 8601 date, got ${describe(window?.end)}`);
    if (end < start) throw new RiskEngineError(`fairnessSeries: windows[${index}].end ${window.end} is before its start ${window.start}`);
    return { window, index, start };
  });
  dated.sort((a, b) => a.start - b.start || a.index - b.index);

  return dated.map(({ window, index }) => {
    let report: FairnessReport;
    try {
      // A privileged group absent from one window leaves a gap rather than failing the series.
      const hasPrivileged = reportOptions.privilegedGroup === undefined || Object.hasOwn(window.counts?.groups ?? {}, reportOptions.privilegedGroup);
      report = fairnessReport(window.counts, hasPrivileged ? reportOptions : { ...reportOptions, privilegedGroup: undefined });
    } catch (error) {
      if (error instanceof RiskEngineError) throw new RiskEngineError(error.message.replace('fairnessReport: counts', `fairnessSeries: windows[${index}].counts`));
      throw error;
    }
    const { value, interval, n } = pick(report, metric, method, group);
    return Object.freeze({ date: window.start, start: window.start, end: window.end, value, n, interval: interval === null ? null : Object.freeze({ ...interval }) });
  });
}

function pick(report: FairnessReport, metric: FairnessMetric, method: 'betweenGroups' | 'toOverall', group: string | undefined): { value: number | null; interval: Interval | null; n: number } {
  const n = report.overall.count;
  if (rates.has(metric)) {
    const source = group === undefined ? report.overall : report.byGroup[group];
    if (source === undefined) return { value: null, interval: null, n: 0 };
    const estimate = source[metric as RateName];
    const interval = estimate.lower === null || estimate.upper === null ? null : { lower: estimate.lower, upper: estimate.upper };
    return { value: estimate.value, interval, n: source.count };
  }
  if (metric === 'theilIndex') return { value: report.theilIndex, interval: null, n };
  if (againstPrivileged.has(metric)) {
    const privileged = report.privileged;
    if (privileged === null) return { value: null, interval: null, n };
    if (metric === 'averageOddsDifference' || metric === 'averageAbsOddsDifference') return { value: privileged[metric], interval: null, n };
    const comparison = privileged[metric as 'disparateImpact' | 'statisticalParityDifference' | 'equalOpportunityGap'];
    return { value: comparison.value, interval: comparison.interval, n };
  }
  const disparity = report[metric as 'demographicParityDifference'];
  return method === 'betweenGroups' ? { value: disparity.betweenGroups, interval: disparity.interval, n } : { value: disparity.toOverall, interval: null, n };
}
