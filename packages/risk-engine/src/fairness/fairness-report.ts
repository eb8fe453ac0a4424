import { RiskEngineError } from '../errors/risk-engine-error.js';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
import { katzInterval } from '../stats/katz-interval.js';
import { newcombeInterval } from '../stats/newcombe-interval.js';
import { twoProportionPValue } from '../stats/two-proportion-test.js';
import { normalQuantile } from '../stats/normal-quantile.js';
import { wilsonIntervalAtZ } from '../stats/wilson-interval.js';
import { cellTotal, checkGroupCounts, describe, sumCells } from './cell.js';
import { generalizedEntropy } from './generalized-entropy.js';
import type {
  Cell,
  Comparison,
  Disparity,
  Estimate,
  FairnessReport,
  FairnessReportOptions,
  FourFifthsRule,
  GroupCounts,
  GroupMetrics,
  GroupReport,
  GroupTest,
  PrivilegedComparison,
  RateName,
} from './types.js';

/**
 * The fairness of a classifier from its confusion counts per group (as made by `groupCounts`):
 * every rate per group and overall with a Wilson interval, Fairlearn's disparities
 * (demographic parity, equalized odds, equal opportunity; differences and ratios, between
 * groups and to overall), AIF360's metrics against a privileged group (all other groups
 * pooled), the Theil and generalized entropy indices, the four-fifths rule, and each group's
 * selection rate tested against the rest with Benjamini–Hochberg q-values across groups.
 *
 * Definitions follow Fairlearn and AIF360. A rate with a zero denominator is null (or
 * `zeroDivision`, which with 0 reproduces scikit-learn and so Fairlearn); AIF360's metrics keep
 * null there, as AIF360 gives NaN. Groups without rows, or with fewer than `minGroupSize`,
 * take no part in the disparities or the four-fifths rule; the latter are reported as
 * `suppressed`, with their rates withheld. Cost: O(g log g) for g groups.
 *
 * @throws {RiskEngineError} when `counts` is not valid `GroupCounts`, `privilegedGroup` is not
 * one of its groups, or an option is out of range.
 * @example
 * const report = fairnessReport({
 *   groups: { a: { tp: 30, fp: 10, tn: 50, fn: 10, rows: 100 }, b: { tp: 15, fp: 5, tn: 70, fn: 10, rows: 100 } },
 *   missing: { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 },
 * }, { privilegedGroup: 'a' });
 * report.byGroup.a.selectionRate.value; // 0.4
 * report.demographicParityDifference.betweenGroups; // 0.2 (0.4 − 0.2)
 * report.demographicParityRatio.betweenGroups; // 0.5
 * report.equalizedOddsDifference.betweenGroups; // 0.15 (TPR 0.75 − 0.6)
 * report.privileged.disparateImpact.value; // 0.5
 * report.fourFifthsRule; // { passes: false, lowestRatio: 0.5, group: 'b', highestGroup: 'a' }
 */
export function fairnessReport(counts: GroupCounts, options: FairnessReportOptions = {}): FairnessReport {
  checkGroupCounts('fairnessReport', 'counts', counts);
  const settings = readReportOptions(options, counts);
  const overallCell = overallCellOf(counts);

  const compared = comparedGroups(counts, settings);
  const tests = groupTests(counts, compared);
  const byGroup: Record<string, GroupReport> = {};
  for (const key of Object.keys(counts.groups)) {
    const cell = counts.groups[key]!;
    const suppressed = isSuppressed(cell, settings);
    byGroup[key] = Object.freeze({
      ...(suppressed ? withheldMetrics(cell.rows) : groupMetrics(cell, settings)),
      suppressed,
      test: tests.get(key) ?? null,
    });
  }
  // Each rate's disparities are measured once: equalized odds and equal opportunity share the
  // true positive rate's.
  const disparity = (rate: DisparityRate) => ({
    difference: disparityOf(counts, compared, overallCell, rate, 'difference', settings),
    ratio: disparityOf(counts, compared, overallCell, rate, 'ratio', settings),
  });
  const measured = { selectionRate: disparity('selectionRate'), truePositiveRate: disparity('truePositiveRate'), falsePositiveRate: disparity('falsePositiveRate') };
  const measure = (rate: DisparityRate, kind: DisparityKind): Disparity => measured[rate][kind];

  return Object.freeze({
    confidenceLevel: settings.confidenceLevel,
    overall: groupMetrics(overallCell, settings),
    byGroup: Object.freeze(byGroup),
    demographicParityDifference: namedDisparity('demographicParityDifference', measure),
    demographicParityRatio: namedDisparity('demographicParityRatio', measure),
    equalizedOddsDifference: namedDisparity('equalizedOddsDifference', measure),
    equalizedOddsRatio: namedDisparity('equalizedOddsRatio', measure),
    equalOpportunityDifference: namedDisparity('equalOpportunityDifference', measure),
    equalOpportunityRatio: namedDisparity('equalOpportunityRatio', measure),
    privileged: settings.privilegedGroup === undefined ? null : privilegedComparison(counts, settings.privilegedGroup, settings.confidenceLevel),
    fourFifthsRule: fourFifthsRule(counts, compared),
    theilIndex: generalizedEntropy(overallCell, 1),
    generalizedEntropyIndex: Object.freeze({ alpha: settings.entropyAlpha, value: generalizedEntropy(overallCell, settings.entropyAlpha) }),
  });
}

/*
 * The building blocks below are also used one metric at a time by `fairnessSeries`, so that a
 * series computes only what its metric needs, with the same definitions (internal: not
 * re-exported by the package).
 */

/** The report's options, checked, with their defaults (internal). */
export interface ReportSettings {
  readonly privilegedGroup: string | undefined;
  readonly confidenceLevel: number;
  readonly minGroupSize: number;
  readonly zeroDivision: null | 0 | 1;
  readonly entropyAlpha: number;
  /** The normal quantile of the confidence level, computed once for every interval. */
  readonly z: number;
}

/** Checks the options against `counts` and fills in the defaults (internal). */
export function readReportOptions(options: FairnessReportOptions, counts: GroupCounts): ReportSettings {
  const { privilegedGroup, confidenceLevel = 0.95, minGroupSize = 0, zeroDivision = null, entropyAlpha = 2 } = options;
  if (typeof confidenceLevel !== 'number' || !(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RiskEngineError(`fairnessReport: confidenceLevel must be a number between 0 and 1 (exclusive), got ${describe(confidenceLevel)}`);
  }
  if (typeof minGroupSize !== 'number' || !Number.isFinite(minGroupSize) || minGroupSize < 0) {
    throw new RiskEngineError(`fairnessReport: minGroupSize must be a finite number ≥ 0, got ${describe(minGroupSize)}`);
  }
  if (zeroDivision !== null && zeroDivision !== 0 && zeroDivision !== 1) {
    throw new RiskEngineError(`fairnessReport: zeroDivision must be null, 0 or 1, got ${describe(zeroDivision)}`);
  }
  if (typeof entropyAlpha !== 'number' || !Number.isFinite(entropyAlpha)) {
    throw new RiskEngineError(`fairnessReport: entropyAlpha must be a finite number, got ${describe(entropyAlpha)}`);
  }
  if (privilegedGroup !== undefined && !Object.hasOwn(counts.groups, privilegedGroup)) {
    const known = Object.keys(counts.groups).map((key) => JSON.stringify(key)).join(', ');
    throw new RiskEngineError(`fairnessReport: privilegedGroup ${describe(privilegedGroup)} is not one of the groups (${known || 'none'})`);
  }
  return { privilegedGroup, confidenceLevel, minGroupSize, zeroDivision, entropyAlpha, z: normalQuantile(1 - (1 - confidenceLevel) / 2) };
}

/** Every row: the groups' cells and the cell of rows without a group value (internal). */
export function overallCellOf(counts: GroupCounts): Cell {
  return sumCells([...Object.values(counts.groups), counts.missing]);
}

/** A group with fewer rows than `minGroupSize`: its rates are withheld (internal). */
export function isSuppressed(cell: Cell, settings: ReportSettings): boolean {
  return cell.rows < settings.minGroupSize;
}

/** The groups that take part in the disparities and the four-fifths rule, in key order (internal). */
export function comparedGroups(counts: GroupCounts, settings: ReportSettings): string[] {
  return Object.keys(counts.groups).filter((key) => {
    const cell = counts.groups[key]!;
    return cell.rows > 0 && cell.rows >= settings.minGroupSize && cellTotal(cell) > 0;
  });
}

/** The numerator of a rate, with `denominatorOf` (a switch rather than tuples: reports of many groups call these often). */
function numeratorOf(cell: Cell, rate: RateName): number {
  switch (rate) {
    case 'selectionRate':
      return cell.tp + cell.fp;
    case 'truePositiveRate':
    case 'precision':
      return cell.tp;
    case 'falsePositiveRate':
      return cell.fp;
    case 'falseNegativeRate':
      return cell.fn;
    case 'trueNegativeRate':
      return cell.tn;
    case 'accuracy':
      return cell.tp + cell.tn;
  }
}

function denominatorOf(cell: Cell, rate: RateName): number {
  switch (rate) {
    case 'selectionRate':
    case 'accuracy':
      return cell.tp + cell.fp + cell.tn + cell.fn;
    case 'truePositiveRate':
    case 'falseNegativeRate':
      return cell.tp + cell.fn;
    case 'falsePositiveRate':
    case 'trueNegativeRate':
      return cell.fp + cell.tn;
    case 'precision':
      return cell.tp + cell.fp;
  }
}

/** Numerator and denominator of a rate, as a pair. */
function rateParts(rate: RateName, cell: Cell): readonly [number, number] {
  return [numeratorOf(cell, rate), denominatorOf(cell, rate)];
}

const rateNames: readonly RateName[] = ['selectionRate', 'truePositiveRate', 'falsePositiveRate', 'falseNegativeRate', 'trueNegativeRate', 'accuracy', 'precision'];

/** A rate, or null (or the zero-division value) when its denominator is zero. */
function rateOf(cell: Cell, rate: RateName, zeroDivision: null | 0 | 1): number | null {
  const denominator = denominatorOf(cell, rate);
  return denominator > 0 ? numeratorOf(cell, rate) / denominator : zeroDivision;
}

/** One rate of a cell with its Wilson interval, as in `GroupMetrics` (internal). */
export function rateEstimate(cell: Cell, rate: RateName, settings: ReportSettings): Estimate {
  const interval = wilsonIntervalAtZ(numeratorOf(cell, rate), denominatorOf(cell, rate), settings.z);
  return Object.freeze({ value: rateOf(cell, rate, settings.zeroDivision), lower: interval?.lower ?? null, upper: interval?.upper ?? null });
}

function groupMetrics(cell: Cell, settings: ReportSettings): GroupMetrics {
  const metrics: Record<string, unknown> = { count: cell.rows };
  for (const rate of rateNames) metrics[rate] = rateEstimate(cell, rate, settings);
  return Object.freeze(metrics) as unknown as GroupMetrics;
}

/** The estimate of a withheld rate: a suppressed group's (internal). */
export const withheld: Estimate = Object.freeze({ value: null, lower: null, upper: null });

function withheldMetrics(count: number): GroupMetrics {
  const metrics: Record<string, unknown> = { count };
  for (const rate of rateNames) metrics[rate] = withheld;
  return metrics as unknown as GroupMetrics;
}

/** Fairlearn's disparities, as `fairnessSeries` names them (internal). */
export type DisparityName = Extract<
  keyof FairnessReport,
  'demographicParityDifference' | 'demographicParityRatio' | 'equalizedOddsDifference' | 'equalizedOddsRatio' | 'equalOpportunityDifference' | 'equalOpportunityRatio'
>;

/** A disparity as a difference (Newcombe interval) or a ratio (Katz interval) (internal). */
export type DisparityKind = 'difference' | 'ratio';

/** The rates that Fairlearn's disparities compare (internal). */
export type DisparityRate = 'selectionRate' | 'truePositiveRate' | 'falsePositiveRate';

/**
 * Which rates each of Fairlearn's disparities compares (internal): demographic parity the
 * selection rate, equal opportunity the true positive rate, and equalized odds the worse of the
 * true and false positive rates. `measure` gives one rate's disparity of one kind.
 */
export function namedDisparity(name: DisparityName, measure: (rate: DisparityRate, kind: DisparityKind) => Disparity): Disparity {
  switch (name) {
    case 'demographicParityDifference':
      return measure('selectionRate', 'difference');
    case 'demographicParityRatio':
      return measure('selectionRate', 'ratio');
    case 'equalizedOddsDifference':
      return worse(measure('truePositiveRate', 'difference'), measure('falsePositiveRate', 'difference'), 'larger');
    case 'equalizedOddsRatio':
      return worse(measure('truePositiveRate', 'ratio'), measure('falsePositiveRate', 'ratio'), 'smaller');
    case 'equalOpportunityDifference':
      return measure('truePositiveRate', 'difference');
    case 'equalOpportunityRatio':
      return measure('truePositiveRate', 'ratio');
  }
}

/**
 * Fairlearn's difference or ratio of one rate across the compared groups: between groups
 * (max − min, or min / max) and to overall (the largest |m_g − m_all|, or the smallest of
 * min(m_g / m_all, m_all / m_g)). Groups whose rate is undefined are skipped, as pandas skips NaN
 * (internal).
 */
export function disparityOf(
  counts: GroupCounts,
  compared: readonly string[],
  overallCell: Cell,
  rate: RateName,
  kind: DisparityKind,
  settings: ReportSettings,
): Disparity {
  let highestGroup: string | null = null;
  let lowestGroup: string | null = null;
  let highest = -Infinity;
  let lowest = Infinity;
  const values: number[] = [];
  for (const key of compared) {
    const value = rateOf(counts.groups[key]!, rate, settings.zeroDivision);
    if (value === null) continue;
    values.push(value);
    if (value > highest) [highest, highestGroup] = [value, key];
    if (value < lowest) [lowest, lowestGroup] = [value, key];
  }
  if (highestGroup === null || lowestGroup === null) return noDisparity;
  const overallValue = rateOf(overallCell, rate, settings.zeroDivision);
  const highCell = rateParts(rate, counts.groups[highestGroup]!);
  const lowCell = rateParts(rate, counts.groups[lowestGroup]!);

  if (kind === 'difference') {
    const toOverall = overallValue === null ? null : Math.max(...values.map((value) => Math.abs(value - overallValue)));
    return Object.freeze({
      betweenGroups: highest - lowest,
      toOverall,
      interval: newcombeInterval(highCell[0], highCell[1], lowCell[0], lowCell[1], settings.confidenceLevel),
      highestGroup,
      lowestGroup,
    });
  }
  const betweenGroups = highest > 0 ? lowest / highest : null;
  let toOverall: number | null = null;
  if (overallValue !== null && overallValue > 0) {
    toOverall = Math.min(...values.map((value) => (value === 0 ? 0 : Math.min(value / overallValue, overallValue / value))));
  }
  return Object.freeze({
    betweenGroups,
    toOverall,
    interval: betweenGroups === null ? null : katzInterval(lowCell[0], lowCell[1], highCell[0], highCell[1], settings.confidenceLevel),
    highestGroup,
    lowestGroup,
  });
}

const noDisparity: Disparity = Object.freeze({ betweenGroups: null, toOverall: null, interval: null, highestGroup: null, lowestGroup: null });

/**
 * Equalized odds: the worse of the true and false positive rate disparities, the larger
 * difference or the smaller ratio, each figure taken on its own as Fairlearn does; the interval
 * and groups are those of the rate that is worse between groups. Null when either is undefined.
 */
function worse(truePositive: Disparity, falsePositive: Disparity, which: 'larger' | 'smaller'): Disparity {
  const pick = (a: number | null, b: number | null) => {
    if (a === null || b === null) return null;
    return which === 'larger' ? Math.max(a, b) : Math.min(a, b);
  };
  const betweenGroups = pick(truePositive.betweenGroups, falsePositive.betweenGroups);
  if (betweenGroups === null) return noDisparity;
  const source = betweenGroups === truePositive.betweenGroups ? truePositive : falsePositive;
  return Object.freeze({
    betweenGroups,
    toOverall: pick(truePositive.toOverall, falsePositive.toOverall),
    interval: source.interval,
    highestGroup: source.highestGroup,
    lowestGroup: source.lowestGroup,
  });
}

/** AIF360's ClassificationMetric with the privileged group against every other group pooled. */
function privilegedComparison(counts: GroupCounts, privilegedGroup: string, confidenceLevel: number): PrivilegedComparison {
  const pools = privilegedPools(counts, privilegedGroup);
  return Object.freeze({
    privilegedGroup,
    disparateImpact: privilegedMetric('disparateImpact', pools, confidenceLevel),
    statisticalParityDifference: privilegedMetric('statisticalParityDifference', pools, confidenceLevel),
    equalOpportunityGap: privilegedMetric('equalOpportunityGap', pools, confidenceLevel),
    averageOddsDifference: privilegedMetric('averageOddsDifference', pools, confidenceLevel).value,
    averageAbsOddsDifference: privilegedMetric('averageAbsOddsDifference', pools, confidenceLevel).value,
  });
}

/** AIF360's metrics against the privileged group, as `fairnessSeries` names them (internal). */
export type PrivilegedMetricName = Exclude<keyof PrivilegedComparison, 'privilegedGroup'>;

/** The privileged group's cell and the pooled cell of every other group (internal). */
export interface PrivilegedPools {
  readonly privileged: Cell;
  readonly unprivileged: Cell;
}

/** Pools the groups for AIF360's metrics; `privilegedGroup` must be one of the groups (internal). */
export function privilegedPools(counts: GroupCounts, privilegedGroup: string): PrivilegedPools {
  const privileged = counts.groups[privilegedGroup]!;
  return { privileged, unprivileged: subtractCell(sumCells(Object.values(counts.groups)), privileged) };
}

/**
 * One of AIF360's metrics (internal): the disparate impact with a Katz interval, a difference of
 * rates with a Newcombe interval, or an average of the odds gaps, which has no interval.
 */
export function privilegedMetric(name: PrivilegedMetricName, pools: PrivilegedPools, confidenceLevel: number): Comparison {
  const { privileged, unprivileged } = pools;
  switch (name) {
    case 'disparateImpact': {
      const selectionU = rateOf(unprivileged, 'selectionRate', null);
      const selectionP = rateOf(privileged, 'selectionRate', null);
      const [selectedU, sizeU] = rateParts('selectionRate', unprivileged);
      const [selectedP, sizeP] = rateParts('selectionRate', privileged);
      return Object.freeze({
        value: selectionU === null || selectionP === null || selectionP === 0 ? null : selectionU / selectionP,
        interval: katzInterval(selectedU, sizeU, selectedP, sizeP, confidenceLevel),
      });
    }
    case 'statisticalParityDifference':
      return privilegedDifference(pools, 'selectionRate', confidenceLevel);
    case 'equalOpportunityGap':
      return privilegedDifference(pools, 'truePositiveRate', confidenceLevel);
    case 'averageOddsDifference':
    case 'averageAbsOddsDifference': {
      const truePositiveGap = privilegedGap(pools, 'truePositiveRate');
      const falsePositiveGap = privilegedGap(pools, 'falsePositiveRate');
      if (truePositiveGap === null || falsePositiveGap === null) return noComparison;
      // ½(FPR gap + TPR gap), or ½(|FPR gap| + |TPR gap|).
      const average = name === 'averageOddsDifference' ? (falsePositiveGap + truePositiveGap) / 2 : (Math.abs(falsePositiveGap) + Math.abs(truePositiveGap)) / 2;
      return Object.freeze({ value: average, interval: null });
    }
  }
}

const noComparison: Comparison = Object.freeze({ value: null, interval: null });

/** rate(unprivileged) − rate(privileged); null when either is undefined, as AIF360 gives NaN. */
function privilegedGap(pools: PrivilegedPools, rate: RateName): number | null {
  const unprivileged = rateOf(pools.unprivileged, rate, null);
  const privileged = rateOf(pools.privileged, rate, null);
  return unprivileged === null || privileged === null ? null : unprivileged - privileged;
}

/** The gap of a rate with its Newcombe interval. */
function privilegedDifference(pools: PrivilegedPools, rate: RateName, confidenceLevel: number): Comparison {
  const [successesU, trialsU] = rateParts(rate, pools.unprivileged);
  const [successesP, trialsP] = rateParts(rate, pools.privileged);
  return Object.freeze({ value: privilegedGap(pools, rate), interval: newcombeInterval(successesU, trialsU, successesP, trialsP, confidenceLevel) });
}

/** Each compared group's selection rate over the highest; adverse impact below 4/5. */
function fourFifthsRule(counts: GroupCounts, compared: readonly string[]): FourFifthsRule {
  const rates = compared.map((key) => [key, rateOf(counts.groups[key]!, 'selectionRate', null)!] as const);
  let highestGroup: string | null = null;
  let highest = 0;
  for (const [key, value] of rates) if (highestGroup === null || value > highest) [highestGroup, highest] = [key, value];
  if (highestGroup === null || highest === 0) return Object.freeze({ passes: null, lowestRatio: null, group: null, highestGroup });
  let group = highestGroup;
  let lowestRatio = 1;
  for (const [key, value] of rates) if (value / highest < lowestRatio) [group, lowestRatio] = [key, value / highest];
  return Object.freeze({ passes: lowestRatio >= 0.8, lowestRatio, group, highestGroup });
}

/**
 * Each compared group's selection rate against every other group pooled (rows with a missing
 * group value are left out, as from AIF360's unprivileged pool): a two-proportion z-test, then
 * Benjamini–Hochberg across the compared groups.
 */
function groupTests(counts: GroupCounts, compared: readonly string[]): Map<string, GroupTest> {
  const tests = new Map<string, GroupTest>();
  const allGroups = sumCells(Object.values(counts.groups));
  const tested: { key: string; difference: number; pValue: number }[] = [];
  for (const key of compared) {
    const cell = counts.groups[key]!;
    const rest = subtractCell(allGroups, cell);
    const [selected, size] = rateParts('selectionRate', cell);
    const [selectedRest, sizeRest] = rateParts('selectionRate', rest);
    const pValue = twoProportionPValue(selected, size, selectedRest, sizeRest);
    if (pValue !== null) tested.push({ key, difference: selected / size - selectedRest / sizeRest, pValue });
  }
  const qValues = benjaminiHochberg(tested.map((test) => test.pValue));
  tested.forEach((test, index) => {
    tests.set(test.key, Object.freeze({ selectionRateDifference: test.difference, pValue: test.pValue, qValue: qValues[index]! }));
  });
  return tests;
}

function subtractCell(whole: Cell, part: Cell): Cell {
  // Clamp at zero: the sums of floating-point weights need not cancel exactly.
  const less = (a: number, b: number) => Math.max(0, a - b);
  return { tp: less(whole.tp, part.tp), fp: less(whole.fp, part.fp), tn: less(whole.tn, part.tn), fn: less(whole.fn, part.fn), rows: whole.rows - part.rows };
}
