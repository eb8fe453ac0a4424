import { RiskEngineError } from '../errors/risk-engine-error.js';
import { leastSquares } from './least-squares.js';
import { formatIsoDate } from './parse-iso-date.js';
import { describe, type PreparedPoint, prepareSeries } from './prepare-series.js';
import { studentTQuantile } from './student-t-quantile.js';
import type { BreachProjection, ProjectBreachOptions, Series } from './types.js';

const MILLISECONDS_PER_DAY = 86_400_000;

/**
 * When a metric will reach a threshold if its straight-line trend goes on: the date on which the
 * least-squares line of value on time reaches `threshold`, with an interval from the slope's
 * confidence interval. Gaps (null values) are left out and the points sorted by date first.
 *
 * The line passes through the centroid (d̄, x̄) of days and values, so it reaches the threshold
 * on day d̄ + (threshold − x̄)/slope. The slope's interval is slope ± t × SE, where
 * SE = √(Σ residual²/(n − 2) / Σ(d − d̄)²) and t is Student's t quantile at (1 + confidenceLevel)/2
 * with n − 2 degrees of freedom. `interval.earliest` is the crossing of the line through the
 * centroid with the steeper bound, moved to the last point's date if it falls before it;
 * `interval.latest` the crossing with the shallower bound, null when that bound is flat or points
 * away. Dates are UTC calendar dates; `daysFromLast` keeps the fraction. The interval reflects only
 * the slope's uncertainty, and only if the trend stays straight.
 *
 * `direction` is `above` (a rise to the threshold) or `below` (a fall to it); by default `above`
 * when the last value is below the threshold and `below` otherwise.
 *
 * Returns null, with no projection, when:
 * - there are fewer than 3 points, or all are on one date (no slope or no standard error);
 * - the metric is already at or beyond the threshold: the last value or the line's value on the
 *   last date has reached it (compare the last value with the threshold to tell this case apart);
 * - the line is flat or heads away from the threshold;
 * - the crossing is more than `horizonDays` after the last point, or after 9999-12-31.
 *
 * @throws {RiskEngineError} for an invalid series (as `trend`), a threshold that is not a finite
 *   number, a confidence level not strictly between 0 and 1, an unknown direction, or a negative
 *   horizon.
 * @example
 * projectBreach(
 *   [0.1, 0.11, 0.13, 0.12, 0.14].map((value, day) => ({ date: `2026-01-0${day + 1}`, value })),
 *   0.2,
 * );
 * // slope 0.009 per day through (2, 0.12): day 2 + 0.08/0.009 = 10.89, 6.89 days after the
 * // last point; SE = √(0.00019/3/10), t(0.975, 3) = 3.1824, slope from 0.00099 to 0.01701:
 * // { date: '2026-01-11', daysFromLast: 6.888888888888889, direction: 'above',
 * //   interval: { earliest: '2026-01-07', latest: '2026-03-24' } }
 */
export function projectBreach(series: Series, threshold: number, options: ProjectBreachOptions = {}): BreachProjection | null {
  const points = prepareSeries('projectBreach', series);
  const { confidenceLevel, direction, horizonDays } = checkArguments(threshold, options);
  const fit = leastSquares(points);
  const last = points.at(-1);
  if (fit === null || fit.slopeStandardError === null || last === undefined) return null;
  const heading = direction ?? (last.value < threshold ? 'above' : 'below');
  // +1 when breaching means rising to the threshold, −1 when it means falling to it.
  const towards = heading === 'above' ? 1 : -1;
  const fittedAtLast = fit.intercept + fit.slope * last.day;
  if (towards * (threshold - last.value) <= 0 || towards * (threshold - fittedAtLast) <= 0) return null;
  if (towards * fit.slope <= 0) return null;
  // The day on which a line through the centroid with the given slope reaches the threshold.
  const crossingDay = (slope: number): number => fit.meanDay + (threshold - fit.meanValue) / slope;
  const daysFromLast = crossingDay(fit.slope) - last.day;
  // Rounding can put the crossing of a nearly touching line on the last day itself: already there.
  if (!(daysFromLast > 0)) return null;
  if (horizonDays !== undefined && daysFromLast > horizonDays) return null;
  const date = dateOfDay(points, crossingDay(fit.slope));
  if (date === null) return null;
  const margin = studentTQuantile((1 + confidenceLevel) / 2, points.length - 2) * fit.slopeStandardError;
  const steeperSlope = fit.slope + towards * margin;
  const shallowerSlope = fit.slope - towards * margin;
  const earliest = dateOfDay(points, Math.max(last.day, crossingDay(steeperSlope)));
  const latest = towards * shallowerSlope > 0 ? dateOfDay(points, crossingDay(shallowerSlope)) : null;
  return { date, daysFromLast, direction: heading, interval: { earliest, latest } };
}

function checkArguments(threshold: number, options: ProjectBreachOptions): Required<Pick<ProjectBreachOptions, 'confidenceLevel'>> & ProjectBreachOptions {
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
    throw new RiskEngineError(`projectBreach: threshold must be a finite number, got ${describe(threshold)}`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new RiskEngineError(`projectBreach: options must be an object, got ${describe(options)}`);
  }
  const { confidenceLevel = 0.95, direction, horizonDays } = options;
  if (typeof confidenceLevel !== 'number' || !(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RiskEngineError(`projectBreach: confidenceLevel must be a number between 0 and 1, got ${describe(confidenceLevel)}`);
  }
  if (direction !== undefined && direction !== 'above' && direction !== 'below') {
    throw new RiskEngineError(`projectBreach: direction must be 'above' or 'below', got ${describe(direction)}`);
  }
  if (horizonDays !== undefined && (typeof horizonDays !== 'number' || Number.isNaN(horizonDays) || horizonDays < 0)) {
    throw new RiskEngineError(`projectBreach: horizonDays must be a number ≥ 0, got ${describe(horizonDays)}`);
  }
  return { confidenceLevel, direction, horizonDays };
}

/** The UTC calendar date `day` days after the first point, or null when it cannot be written. */
function dateOfDay(points: readonly PreparedPoint[], day: number): string | null {
  const origin = (points[0] as PreparedPoint).time;
  return formatIsoDate(origin + day * MILLISECONDS_PER_DAY);
}
