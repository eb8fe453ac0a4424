import { leastSquares } from './least-squares.js';
import { mannKendall } from './mann-kendall.js';
import { prepareSeries } from './prepare-series.js';
import type { Series, Trend } from './types.js';

/**
 * The trend of a metric over time: the ordinary least-squares slope of the value on time in days,
 * and the Mann–Kendall test for a monotonic trend, which needs no straight line and is not moved by
 * one outlier.
 *
 * Gaps (null values) are left out, never read as 0; the points are sorted by date first (the
 * caller's array is not changed). Every point counts once: `n` and `interval` are not used.
 * - slopePerDay: Σ(d − d̄)(x − x̄) / Σ(d − d̄)², d the days since the first point; null with fewer
 *   than 2 points or all on one date. intercept: the line's value at `firstDate`.
 * - Mann–Kendall (Mann 1945, Kendall 1975): S = Σ over pairs, earlier before later, of
 *   sign(later − earlier); variance n(n−1)(2n+5)/18 − Σu(u−1)(2u+5)/18 over groups of u equal
 *   values (Kendall's full formula for ties in both when points share a date, whose pairs add 0 to
 *   S); z = (S − 1)/√variance for S > 0, (S + 1)/√variance for S < 0, else 0; two-sided p-value
 *   2 × P(Z ≥ |z|); tau = S / (n(n − 1)/2) (tau-a); the direction is `increasing` or `decreasing`
 *   when p < 0.05, else `no trend`. Null with fewer than 3 points. When every value is equal the
 *   variance is 0 and z is 0, p-value 1.
 * Cost: O(n²) for Mann–Kendall's pairs.
 *
 * @throws {RiskEngineError} when a date is not an ISO 8601 date or a value is neither a finite
 *   number nor null, e.g. `trend: series[3].date is not a valid ISO date, got "2026-13-01"`.
 * @example
 * trend([
 *   { date: '2026-01-01', value: 10 },
 *   { date: '2026-01-02', value: 12 },
 *   { date: '2026-01-03', value: null },
 *   { date: '2026-01-04', value: 12 },
 *   { date: '2026-01-05', value: 15 },
 *   { date: '2026-01-06', value: 12 },
 * ]);
 * // Days 0, 1, 3, 4, 5 (the gap is left out): slope = Sxy/Sxx = 9.4/17.2 = 47/86, intercept =
 * // 12.2 − 2.6 × 47/86. S = 4 + 1 + 1 − 1 = 5; three values tie at 12, so variance =
 * // (5·4·15 − 3·2·11)/18 = 13, z = (5 − 1)/√13, tau = 5/10:
 * // { points: 5, firstDate: '2026-01-01', lastDate: '2026-01-06',
 * //   slopePerDay: 0.5465116279069767, intercept: 10.77906976744186,
 * //   mannKendall: { s: 5, varianceS: 13, z: 1.1094003924504583, tau: 0.5,
 * //                  pValue: 0.26725751084357274, direction: 'no trend' } }
 */
export function trend(series: Series): Trend {
  const points = prepareSeries('trend', series);
  const fit = leastSquares(points);
  return {
    points: points.length,
    firstDate: points[0]?.date ?? null,
    lastDate: points.at(-1)?.date ?? null,
    slopePerDay: fit?.slope ?? null,
    intercept: fit?.intercept ?? null,
    mannKendall: mannKendall(points),
  };
}
