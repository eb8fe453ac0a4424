import { mean, sampleStandardDeviation } from 'simple-statistics';
import { RiskEngineError } from '../errors/risk-engine-error.js';
import { describe, type PreparedPoint, prepareSeries } from './prepare-series.js';
import type { ChangePoint, ChangePointOptions, Series } from './types.js';

const DEFAULT_CUSUM_ALLOWANCE = 0.5;
const DEFAULT_PAGE_HINKLEY_TOLERANCE = 0.005;
const DEFAULT_BASELINE_LIMIT = 8;

/**
 * Finds the dates at which a metric shifted to a new level, up or down, by one of two sequential
 * tests. Gaps (null values) are left out and the points sorted by date first. Each change gives
 * the point at which the test fired (`date`, `index`), the estimated onset of the shifted stretch
 * (`startDate`, `startIndex`, on or before it), the direction and the size of the shift
 * (|mean of the stretch − mean before it|). Indexes are positions in the caller's array. The onset
 * is an estimate: a noisy point just before a shift can pull it one point early, and the size
 * with it.
 *
 * `cusum`, two-sided tabular CUSUM (Montgomery, Introduction to Statistical Quality Control, §9.1):
 * the mean μ and sample standard deviation σ are estimated from the first `baseline` points
 * (default min(8, ⌊points / 2⌋)); each value becomes z = (x − μ)/σ and, from the first baseline
 * point on, C⁺ = max(0, C⁺ + z − k) and C⁻ = max(0, C⁻ − z − k), with k = `drift` (default 0.5).
 * A change is signalled when C⁺ or C⁻ exceeds h = `threshold` (both in standard deviations; h = 4
 * or 5 is usual); the stretch starts after the last point at which that sum was 0, and its size
 * is |its mean − μ| (Montgomery's estimate of the new mean). Then the test restarts: μ and σ are
 * estimated afresh from the `baseline` points after the signal and both sums start again at 0.
 * With σ = 0 (a constant baseline) any other value is a change. Fewer points than
 * `baseline` + 1 (or a default baseline under 2) give no changes.
 *
 * `page-hinkley` (Page 1954; Hinkley 1971; as in Gama et al. 2014), on the raw values: with x̄ₜ
 * the mean of the values so far, mₜ = Σ(xᵢ − x̄ᵢ − δ) and Mₜ = min mᵢ signal a rise when
 * mₜ − Mₜ > λ; m′ₜ = Σ(xᵢ − x̄ᵢ + δ) and M′ₜ = max m′ᵢ signal a fall when M′ₜ − m′ₜ > λ
 * (λ = `threshold`, δ = `drift`, default 0.005, both in the value's units; a rise is checked
 * first). The stretch starts after the point where the minimum (maximum) was reached. After a
 * signal every sum and the mean restart at the next point.
 * Cost: O(n log n) for the sort, then O(n).
 *
 * @throws {RiskEngineError} for an invalid series (as `trend`), an unknown method, a threshold
 *   that is not a positive number, a negative drift, or a baseline that is not a whole number ≥ 2.
 * @example
 * const series = [0.1, 0.11, 0.1, 0.09, 0.1, 0.11, 0.1, 0.09, 0.2, 0.21, 0.2, 0.19]
 *   .map((value, day) => ({ date: `2026-01-${String(day + 1).padStart(2, '0')}`, value }));
 * detectChangePoints(series, { method: 'cusum', threshold: 4 });
 * // Baseline: the first 6 points, μ = 0.1016…, σ = 0.0075…; the 9th point is 13 σ up:
 * // [{ date: '2026-01-09', index: 8, startDate: '2026-01-09', startIndex: 8,
 * //    direction: 'up', magnitude: 0.09833333333333334 }]
 */
export function detectChangePoints(series: Series, options: ChangePointOptions): readonly ChangePoint[] {
  const points = prepareSeries('detectChangePoints', series);
  const { method, threshold, drift, baseline } = checkOptions(options);
  if (method === 'cusum') return cusum(points, threshold, drift ?? DEFAULT_CUSUM_ALLOWANCE, baseline);
  return pageHinkley(points, threshold, drift ?? DEFAULT_PAGE_HINKLEY_TOLERANCE);
}

function checkOptions(options: ChangePointOptions): ChangePointOptions {
  if (typeof options !== 'object' || options === null) {
    throw new RiskEngineError(`detectChangePoints: options must be an object { method, threshold }, got ${describe(options)}`);
  }
  const { method, threshold, drift, baseline } = options;
  if (method !== 'cusum' && method !== 'page-hinkley') {
    throw new RiskEngineError(`detectChangePoints: method must be 'cusum' or 'page-hinkley', got ${describe(method)}`);
  }
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0) {
    throw new RiskEngineError(`detectChangePoints: threshold must be a positive number, got ${describe(threshold)}`);
  }
  if (drift !== undefined && (typeof drift !== 'number' || !Number.isFinite(drift) || drift < 0)) {
    throw new RiskEngineError(`detectChangePoints: drift must be a number ≥ 0, got ${describe(drift)}`);
  }
  if (baseline !== undefined && (!Number.isInteger(baseline) || baseline < 2)) {
    throw new RiskEngineError(`detectChangePoints: baseline must be a whole number ≥ 2, got ${describe(baseline)}`);
  }
  return { method, threshold, drift, baseline };
}

function cusum(points: readonly PreparedPoint[], threshold: number, allowance: number, baseline: number | undefined): ChangePoint[] {
  const baselineLength = baseline ?? Math.min(DEFAULT_BASELINE_LIMIT, Math.floor(points.length / 2));
  const changes: ChangePoint[] = [];
  if (baselineLength < 2) return changes;
  let start = 0;
  // Each pass estimates the reference from `baselineLength` points and runs to the next signal.
  while (start + baselineLength < points.length) {
    const reference = points.slice(start, start + baselineLength).map((point) => point.value);
    const referenceMean = mean(reference);
    const referenceDeviation = sampleStandardDeviation(reference);
    let upperSum = 0;
    let lowerSum = 0;
    let upperRunStart = start;
    let lowerRunStart = start;
    let signal: { at: number; runStart: number; direction: 'up' | 'down' } | null = null;
    for (let at = start; at < points.length && signal === null; at++) {
      const z = standardise((points[at] as PreparedPoint).value, referenceMean, referenceDeviation);
      upperSum = Math.max(0, upperSum + z - allowance);
      lowerSum = Math.max(0, lowerSum - z - allowance);
      // A stretch begins after the last point at which its sum was 0.
      if (upperSum === 0) upperRunStart = at + 1;
      if (lowerSum === 0) lowerRunStart = at + 1;
      if (upperSum > threshold) signal = { at, runStart: upperRunStart, direction: 'up' };
      else if (lowerSum > threshold) signal = { at, runStart: lowerRunStart, direction: 'down' };
    }
    if (signal === null) break;
    const stretchMean = meanOf(points, signal.runStart, signal.at + 1);
    changes.push(changePoint(points, signal.runStart, signal.at, signal.direction, Math.abs(stretchMean - referenceMean)));
    start = signal.at + 1;
  }
  return changes;
}

/** (value − mean)/deviation; with deviation 0, 0 at the mean and ±Infinity anywhere else. */
function standardise(value: number, referenceMean: number, deviation: number): number {
  const difference = value - referenceMean;
  if (deviation > 0) return difference / deviation;
  if (difference === 0) return 0;
  return difference > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

function pageHinkley(points: readonly PreparedPoint[], threshold: number, tolerance: number): ChangePoint[] {
  const changes: ChangePoint[] = [];
  let start = 0;
  while (start < points.length) {
    let count = 0;
    let runningMean = 0;
    let riseSum = 0;
    let riseMinimum = Number.POSITIVE_INFINITY;
    let riseMinimumAt = start;
    let fallSum = 0;
    let fallMaximum = Number.NEGATIVE_INFINITY;
    let fallMaximumAt = start;
    let signal: { at: number; runStart: number; direction: 'up' | 'down' } | null = null;
    for (let at = start; at < points.length && signal === null; at++) {
      const value = (points[at] as PreparedPoint).value;
      count += 1;
      runningMean += (value - runningMean) / count;
      riseSum += value - runningMean - tolerance;
      fallSum += value - runningMean + tolerance;
      if (riseSum < riseMinimum) [riseMinimum, riseMinimumAt] = [riseSum, at];
      if (fallSum > fallMaximum) [fallMaximum, fallMaximumAt] = [fallSum, at];
      // The extreme is reached at an earlier point whenever a test fires, so the stretch is not empty.
      if (riseSum - riseMinimum > threshold) signal = { at, runStart: riseMinimumAt + 1, direction: 'up' };
      else if (fallMaximum - fallSum > threshold) signal = { at, runStart: fallMaximumAt + 1, direction: 'down' };
    }
    if (signal === null) break;
    const before = meanOf(points, start, signal.runStart);
    const after = meanOf(points, signal.runStart, signal.at + 1);
    changes.push(changePoint(points, signal.runStart, signal.at, signal.direction, Math.abs(after - before)));
    start = signal.at + 1;
  }
  return changes;
}

/** The mean value of points[from] to points[to − 1]; the range is never empty. */
function meanOf(points: readonly PreparedPoint[], from: number, to: number): number {
  return mean(points.slice(from, to).map((point) => point.value));
}

function changePoint(points: readonly PreparedPoint[], runStart: number, at: number, direction: 'up' | 'down', magnitude: number): ChangePoint {
  const detected = points[at] as PreparedPoint;
  const onset = points[runStart] as PreparedPoint;
  return { date: detected.date, index: detected.index, startDate: onset.date, startIndex: onset.index, direction, magnitude };
}
