import type { Interval } from '../stats/wilson-interval.js';

/** A label in `yTrue` or `yPred`: a number (0/1, ±1, class codes), a boolean or a string. */
export type Label = number | boolean | string;

/** A value of a sensitive column. `null`, `undefined` and `NaN` mean the value is missing. */
export type GroupValue = string | number | boolean | null | undefined;

/** A column of values: a plain array or a typed array (`Uint8Array`, `Uint16Array`, …). */
export type Column<T> = ArrayLike<T>;

export interface GroupCountsInput {
  /** The observed outcomes, one per row. */
  readonly yTrue: Column<Label>;
  /** The model's decisions, one per row. */
  readonly yPred: Column<Label>;
  /**
   * One sensitive column, or several: with several, a row's group is the intersection of its
   * values, joined with `|` in column order (`F|over-60`).
   */
  readonly groups: Column<GroupValue> | readonly Column<GroupValue>[];
  /** The favourable label (default 1; `true` counts as 1 and `false` as 0). */
  readonly positiveLabel?: Label;
  /** Non-negative frequency weights, one per row. */
  readonly sampleWeight?: Column<number>;
}

/**
 * The confusion counts of a set of rows. `tp`, `fp`, `tn` and `fn` are weighted sums when sample
 * weights were given; `rows` always counts rows.
 */
export interface Cell {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
  readonly rows: number;
}

/**
 * Confusion counts per group, as plain JSON. Rows whose group value is missing are in `missing`:
 * they count in the overall figures and in no group. Keys are sorted.
 */
export interface GroupCounts {
  readonly groups: { readonly [groupKey: string]: Cell };
  readonly missing: Cell;
}

export type { Interval };

/** A rate with its Wilson interval; all three are null when the rate is undefined (or suppressed). */
export interface Estimate {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** The names of the per-group rates, as in `GroupMetrics`. */
export type RateName =
  | 'selectionRate'
  | 'truePositiveRate'
  | 'falsePositiveRate'
  | 'falseNegativeRate'
  | 'trueNegativeRate'
  | 'accuracy'
  | 'precision';

/** The rates of one group (or of all rows), each with its Wilson interval. */
export interface GroupMetrics {
  /** How many rows, also when weights are given. */
  readonly count: number;
  /** (tp + fp) / n */
  readonly selectionRate: Estimate;
  /** tp / (tp + fn), also called recall. */
  readonly truePositiveRate: Estimate;
  /** fp / (fp + tn) */
  readonly falsePositiveRate: Estimate;
  /** fn / (tp + fn) */
  readonly falseNegativeRate: Estimate;
  /** tn / (fp + tn) */
  readonly trueNegativeRate: Estimate;
  /** (tp + tn) / n */
  readonly accuracy: Estimate;
  /** tp / (tp + fp), the positive predictive value. */
  readonly precision: Estimate;
}

/** A group's selection rate tested against the pooled rows of every other group. */
export interface GroupTest {
  /** The group's selection rate minus the rest's. */
  readonly selectionRateDifference: number;
  /** Two-sided p-value of the pooled two-proportion z-test. */
  readonly pValue: number;
  /** Benjamini–Hochberg q-value across the reported groups (the false discovery rate). */
  readonly qValue: number;
}

export interface GroupReport extends GroupMetrics {
  /** The group has fewer rows than `minGroupSize`: its rates are withheld (null) and it is left out of the disparities. */
  readonly suppressed: boolean;
  /** Its selection rate against the rest; null when suppressed or when there is no other group. */
  readonly test: GroupTest | null;
}

/**
 * A disparity across groups, as Fairlearn computes it: `betweenGroups` compares the highest and
 * the lowest group, `toOverall` each group with all rows. `interval` is the confidence interval
 * of `betweenGroups` (Newcombe for a difference, Katz for a ratio) between those two groups.
 */
export interface Disparity {
  readonly betweenGroups: number | null;
  readonly toOverall: number | null;
  readonly interval: Interval | null;
  /** The groups with the highest and the lowest value of the metric compared. */
  readonly highestGroup: string | null;
  readonly lowestGroup: string | null;
}

/** A comparison with its confidence interval. */
export interface Comparison {
  readonly value: number | null;
  readonly interval: Interval | null;
}

/** The AIF360 metrics: the privileged group against every other group pooled. */
export interface PrivilegedComparison {
  readonly privilegedGroup: string;
  /** selection rate(unprivileged) / selection rate(privileged), with a Katz interval. */
  readonly disparateImpact: Comparison;
  /** selection rate(unprivileged) − selection rate(privileged), with a Newcombe interval. */
  readonly statisticalParityDifference: Comparison;
  /** TPR(unprivileged) − TPR(privileged) (AIF360's equal opportunity difference), with a Newcombe interval. */
  readonly equalOpportunityGap: Comparison;
  /** ½[(FPR(u) − FPR(p)) + (TPR(u) − TPR(p))] */
  readonly averageOddsDifference: number | null;
  /** ½[|FPR(u) − FPR(p)| + |TPR(u) − TPR(p)|] */
  readonly averageAbsOddsDifference: number | null;
}

/** The four-fifths rule of the US EEOC's Uniform Guidelines. */
export interface FourFifthsRule {
  /** Every group's selection rate is at least 80% of the highest; null when no group is selected at all. */
  readonly passes: boolean | null;
  /** The lowest ratio of a group's selection rate to the highest group's. */
  readonly lowestRatio: number | null;
  /** The group with that lowest ratio. */
  readonly group: string | null;
  /** The group with the highest selection rate. */
  readonly highestGroup: string | null;
}

export interface FairnessReportOptions {
  /** The group that AIF360's metrics compare the others against; without it, `privileged` is null. */
  readonly privilegedGroup?: string;
  /** Confidence level of every interval, in (0, 1); default 0.95. */
  readonly confidenceLevel?: number;
  /** Groups with fewer rows are suppressed; default 0. */
  readonly minGroupSize?: number;
  /** The value of a rate whose denominator is zero: null (default), or 0 or 1 as scikit-learn's `zero_division`. */
  readonly zeroDivision?: null | 0 | 1;
  /** The α of `generalizedEntropyIndex`; default 2, as in AIF360. */
  readonly entropyAlpha?: number;
}

export interface FairnessReport {
  readonly confidenceLevel: number;
  /** Every row, including rows whose group value is missing. */
  readonly overall: GroupMetrics;
  readonly byGroup: { readonly [groupKey: string]: GroupReport };
  /** Selection rate disparity. */
  readonly demographicParityDifference: Disparity;
  readonly demographicParityRatio: Disparity;
  /** The worse of the true positive rate and false positive rate disparities. */
  readonly equalizedOddsDifference: Disparity;
  readonly equalizedOddsRatio: Disparity;
  /** True positive rate disparity. */
  readonly equalOpportunityDifference: Disparity;
  readonly equalOpportunityRatio: Disparity;
  /** Null without `privilegedGroup`. */
  readonly privileged: PrivilegedComparison | null;
  readonly fourFifthsRule: FourFifthsRule;
  /** Generalized entropy index with α = 1 over every row's benefit ŷ − y + 1; null when undefined. */
  readonly theilIndex: number | null;
  readonly generalizedEntropyIndex: { readonly alpha: number; readonly value: number | null };
}

/** Counts of one time window, from `start` (included) to `end` (ISO 8601 dates or date-times). */
export interface FairnessWindow {
  readonly start: string;
  readonly end: string;
  readonly counts: GroupCounts;
}

/** A metric `fairnessSeries` follows over time. */
export type FairnessMetric =
  | 'demographicParityDifference'
  | 'demographicParityRatio'
  | 'equalizedOddsDifference'
  | 'equalizedOddsRatio'
  | 'equalOpportunityDifference'
  | 'equalOpportunityRatio'
  | 'disparateImpact'
  | 'statisticalParityDifference'
  | 'equalOpportunityGap'
  | 'averageOddsDifference'
  | 'averageAbsOddsDifference'
  | 'theilIndex'
  | RateName;

export interface FairnessSeriesOptions extends Omit<FairnessReportOptions, 'entropyAlpha'> {
  /** For Fairlearn's disparities: `betweenGroups` (default) or `toOverall`, which has no interval. */
  readonly method?: 'betweenGroups' | 'toOverall';
  /** For a rate (`selectionRate`, …): the group to follow; all rows when left out. */
  readonly group?: string;
}

/** One window of a fairness series; it can be passed straight to `trend`, `detectChangePoints` and `projectBreach`. */
export interface FairnessPoint {
  /** The window's start, as the point's date. */
  readonly date: string;
  readonly start: string;
  readonly end: string;
  /** The metric, or null when the window cannot define it (no rows, a zero denominator, the group absent or suppressed). */
  readonly value: number | null;
  /** The rows the window holds (for a group's rate, the group's rows). */
  readonly n: number;
  readonly interval: Interval | null;
}
