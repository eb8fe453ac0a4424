import { linearRegression, mean } from 'simple-statistics';
import type { PreparedPoint } from './prepare-series.js';

/** An ordinary least-squares line of value on day (internal). */
export interface LeastSquaresFit {
  readonly count: number;
  readonly meanDay: number;
  readonly meanValue: number;
  /** Change in value per day. */
  readonly slope: number;
  /** The line's value at day 0 (the first point). */
  readonly intercept: number;
  /** √(Σ residual² / (n − 2) / Σ(day − mean day)²); null with fewer than 3 points. */
  readonly slopeStandardError: number | null;
}

/**
 * Fits value = intercept + slope × day by ordinary least squares (simple-statistics'
 * `linearRegression`, which centres the sums), and adds the slope's standard error (internal).
 * Returns null with fewer than 2 points or when every point has the same day (no time spread).
 */
export function leastSquares(points: readonly PreparedPoint[]): LeastSquaresFit | null {
  if (points.length < 2) return null;
  const days = points.map((point) => point.day);
  const meanDay = mean(days);
  // Σ(day − mean day)²: the spread of time; zero when every point has the same date.
  const daySpread = days.reduce((sum, day) => sum + (day - meanDay) ** 2, 0);
  if (daySpread === 0) return null;
  const { m: slope, b: intercept } = linearRegression(points.map((point) => [point.day, point.value]));
  const meanValue = mean(points.map((point) => point.value));
  if (points.length < 3) return { count: points.length, meanDay, meanValue, slope, intercept, slopeStandardError: null };
  // Residual variance with n − 2 degrees of freedom, then the slope's standard error.
  const residualSquares = points.reduce((sum, point) => sum + (point.value - (intercept + slope * point.day)) ** 2, 0);
  const residualVariance = residualSquares / (points.length - 2);
  return { count: points.length, meanDay, meanValue, slope, intercept, slopeStandardError: Math.sqrt(residualVariance / daySpread) };
}
