/** One observation of a metric over time, as `fairnessSeries` produces it. */
export interface SeriesPoint {
  /**
   * The point's time: an ISO 8601 date (`2026-03-01`) or date-time (`2026-03-01T12:00:00Z`,
   * `2026-03-01T14:00+02:00`). A date means midnight UTC; a date-time without an offset is read as UTC.
   */
  readonly date: string;
  /** The metric, or null for a gap (a period without data), which is skipped, never read as 0. */
  readonly value: number | null;
  /** How many records the value rests on. The over-time functions do not weight by it. */
  readonly n?: number;
  /** The value's confidence interval. The over-time functions do not use it. */
  readonly interval?: { readonly lower: number; readonly upper: number } | null;
}

/** A metric over time; the points may come in any order. */
export type Series = readonly SeriesPoint[];

export type TrendDirection = 'increasing' | 'decreasing' | 'no trend';

/** The Mann–Kendall test for a monotonic trend. */
export interface MannKendall {
  /** S = Σ over pairs of points, earlier before later, of sign(later value − earlier value). */
  readonly s: number;
  /** The variance of S when there is no trend, corrected for tied values (and tied dates). */
  readonly varianceS: number;
  /** (S − 1) / √variance for S > 0, (S + 1) / √variance for S < 0, 0 for S = 0. */
  readonly z: number;
  /** Kendall's tau-a: S / (n(n − 1) / 2), from −1 to 1. */
  readonly tau: number;
  /** Two-sided p-value, 2 × P(Z ≥ |z|) for a standard normal Z. */
  readonly pValue: number;
  /** `increasing` or `decreasing` when the p-value is below 0.05, else `no trend`. */
  readonly direction: TrendDirection;
}

export interface Trend {
  /** How many points were used (gaps left out). */
  readonly points: number;
  /** The earliest and latest dates used, as given; null for no points. */
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  /** Least-squares slope of the value on time, per day; null with fewer than 2 points or all on one date. */
  readonly slopePerDay: number | null;
  /** The least-squares line's value at `firstDate`; null when the slope is. */
  readonly intercept: number | null;
  /** The Mann–Kendall test; null with fewer than 3 points. */
  readonly mannKendall: MannKendall | null;
}

export interface ChangePointOptions {
  /** `cusum`: two-sided tabular CUSUM on standardised values; `page-hinkley`: the Page–Hinkley test on raw values. */
  readonly method: 'cusum' | 'page-hinkley';
  /** The decision threshold: h in standard deviations for CUSUM, λ in the value's units for Page–Hinkley. */
  readonly threshold: number;
  /** The allowance: k in standard deviations for CUSUM (default 0.5), δ in the value's units for Page–Hinkley (default 0.005). */
  readonly drift?: number;
  /** CUSUM only: how many points estimate the mean and standard deviation (default min(8, half the points, rounded down)). */
  readonly baseline?: number;
}

export interface ChangePoint {
  /** The date of the point at which the test fired (the statistic crossed the threshold), as given. */
  readonly date: string;
  /** That point's position in the caller's array. */
  readonly index: number;
  /** The date of the first point of the shifted stretch, the estimated onset (on or before `date`). */
  readonly startDate: string;
  /** That point's position in the caller's array. */
  readonly startIndex: number;
  readonly direction: 'up' | 'down';
  /** The estimated size of the shift, in the value's units, never negative: |mean of the stretch − mean before|. */
  readonly magnitude: number;
}

export interface ProjectBreachOptions {
  /** Confidence level of the slope's interval (default 0.95). */
  readonly confidenceLevel?: number;
  /** Which way the breach goes (default: `above` when the last value is below the threshold, else `below`). */
  readonly direction?: 'above' | 'below';
  /** Look no further than this many days after the last point. */
  readonly horizonDays?: number;
}

export interface BreachProjection {
  /** The ISO date (UTC) on which the least-squares line reaches the threshold. */
  readonly date: string;
  /** Days from the last point to the crossing, with fractions. */
  readonly daysFromLast: number;
  readonly direction: 'above' | 'below';
  /**
   * Crossing dates of the lines with the slope's confidence bounds: `earliest` from the steeper bound
   * (never before the last point), `latest` from the shallower one, null when it does not head there.
   */
  readonly interval: { readonly earliest: string | null; readonly latest: string | null };
}

/** One period of a p-chart: how many items were inspected and how many had a defect. */
export interface ControlChartPeriod {
  readonly label: string;
  readonly defects: number;
  readonly inspected: number;
}

export interface ControlChartPoint {
  readonly label: string;
  /** defects / inspected; null when nothing was inspected. */
  readonly proportion: number | null;
  /** p̄ ∓ 3√(p̄(1 − p̄)/inspected), clipped to [0, 1]; null when nothing was inspected. */
  readonly lowerLimit: number | null;
  readonly upperLimit: number | null;
  /** The proportion lies outside the limits. */
  readonly outOfControl: boolean;
}

/** A run of at least 8 consecutive periods on one side of the centre line (Western Electric rule 2). */
export interface ControlChartRun {
  readonly side: 'above' | 'below';
  /** Positions in the caller's array of the first and last period of the run. */
  readonly startIndex: number;
  readonly endIndex: number;
  readonly firstLabel: string;
  readonly lastLabel: string;
  /** How many periods the run has (periods with nothing inspected are not counted). */
  readonly length: number;
}

export interface ControlChart {
  /** p̄ = Σ defects / Σ inspected; null when nothing was inspected at all. */
  readonly centreLine: number | null;
  readonly points: readonly ControlChartPoint[];
  /** Labels of the periods outside their limits, in input order. */
  readonly outOfControl: readonly string[];
  readonly runs: readonly ControlChartRun[];
}
