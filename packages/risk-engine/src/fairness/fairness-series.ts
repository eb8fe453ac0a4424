import { RiskEngineError } from '../errors/risk-engine-error.js';
import { parseIsoDate } from '../time/parse-iso-date.js';
import { checkGroupCounts, describe } from './cell.js';
import {
  comparedGroups,
  disparityOf,
  isSuppressed,
  namedDisparity,
  overallCellOf,
  privilegedMetric,
  privilegedPools,
  rateEstimate,
  readReportOptions,
  withheld,
  type DisparityName,
  type PrivilegedMetricName,
  type ReportSettings,
} from './fairness-report.js';
import { generalizedEntropy } from './generalized-entropy.js';
import type { Estimate, FairnessMetric, FairnessPoint, FairnessSeriesOptions, FairnessWindow, GroupCounts, Interval, RateName } from './types.js';

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
    const counts = checkGroupCounts('fairnessSeries', `windows[${index}].counts`, window.counts);
    // A privileged group absent from one window leaves a gap rather than failing the series.
    const hasPrivileged = reportOptions.privilegedGroup === undefined || Object.hasOwn(counts.groups, reportOptions.privilegedGroup);
    const settings = readReportOptions(hasPrivileged ? reportOptions : { ...reportOptions, privilegedGroup: undefined }, counts);
    const { value, interval, n } = measure(counts, settings, metric, method, group);
    return Object.freeze({ date: window.start, start: window.start, end: window.end, value, n, interval: interval === null ? null : Object.freeze({ ...interval }) });
  });
}

interface Measurement {
  readonly value: number | null;
  readonly interval: Interval | null;
  readonly n: number;
}

/**
 * The metric of one window's counts, from the same building blocks as `fairnessReport` and
 * equal to the figure its report gives, computing only what the metric needs.
 */
function measure(counts: GroupCounts, settings: ReportSettings, metric: FairnessMetric, method: 'betweenGroups' | 'toOverall', group: string | undefined): Measurement {
  if (rates.has(metric)) return measureRate(counts, settings, metric as RateName, group);
  const overallCell = overallCellOf(counts);
  const n = overallCell.rows;
  if (metric === 'theilIndex') return { value: generalizedEntropy(overallCell, 1), interval: null, n };
  if (againstPrivileged.has(metric)) {
    if (settings.privilegedGroup === undefined) return { value: null, interval: null, n };
    const comparison = privilegedMetric(metric as PrivilegedMetricName, privilegedPools(counts, settings.privilegedGroup), settings.confidenceLevel);
    return { value: comparison.value, interval: comparison.interval, n };
  }
  const compared = comparedGroups(counts, settings);
  const disparity = namedDisparity(metric as DisparityName, (rate, kind) => disparityOf(counts, compared, overallCell, rate, kind, settings));
  if (method === 'toOverall') return { value: disparity.toOverall, interval: null, n };
  return { value: disparity.betweenGroups, interval: disparity.interval, n };
}

/** A rate of one group (withheld when the group is suppressed, absent when it has no cell) or of every row. */
function measureRate(counts: GroupCounts, settings: ReportSettings, rate: RateName, group: string | undefined): Measurement {
  let estimate: Estimate;
  let n: number;
  if (group === undefined) {
    const overallCell = overallCellOf(counts);
    estimate = rateEstimate(overallCell, rate, settings);
    n = overallCell.rows;
  } else {
    if (!Object.hasOwn(counts.groups, group)) return { value: null, interval: null, n: 0 };
    const cell = counts.groups[group]!;
    estimate = isSuppressed(cell, settings) ? withheld : rateEstimate(cell, rate, settings);
    n = cell.rows;
  }
  const interval = estimate.lower === null || estimate.upper === null ? null : { lower: estimate.lower, upper: estimate.upper };
  return { value: estimate.value, interval, n };
}
