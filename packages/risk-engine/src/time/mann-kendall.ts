import { normalCdf } from '../stats/normal-cdf.js';
import type { PreparedPoint } from './prepare-series.js';
import type { MannKendall, TrendDirection } from './types.js';

const SIGNIFICANCE_LEVEL = 0.05;

/**
 * The Mann–Kendall test for a monotonic trend on points sorted by date (internal); null with fewer
 * than 3 points. S = Σ_{i<j} sign(t_j − t_i) × sign(x_j − x_i), so a pair of points on the same date
 * adds 0. Variance of S with ties (M. G. Kendall, Rank Correlation Methods, chapter 4), for tied groups of
 * u values and t dates:
 *   [n(n−1)(2n+5) − Σu(u−1)(2u+5) − Σt(t−1)(2t+5)] / 18
 *   + [Σu(u−1)(u−2)][Σt(t−1)(t−2)] / (9n(n−1)(n−2)) + [Σu(u−1)][Σt(t−1)] / (2n(n−1)),
 * which without tied dates is the usual n(n−1)(2n+5)/18 − Σu(u−1)(2u+5)/18.
 * Cost: O(n²) for the pairs.
 */
export function mannKendall(points: readonly PreparedPoint[]): MannKendall | null {
  const n = points.length;
  if (n < 3) return null;
  let s = 0;
  for (let later = 1; later < n; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      const first = points[earlier] as PreparedPoint;
      const second = points[later] as PreparedPoint;
      // Sorted by date, so the later point is never earlier; a shared date gives 0.
      if (second.time > first.time) s += Math.sign(second.value - first.value);
    }
  }
  const valueTies = tieSums(points.map((point) => point.value));
  const dateTies = tieSums(points.map((point) => point.time));
  const varianceS =
    (n * (n - 1) * (2 * n + 5) - valueTies.cubic - dateTies.cubic) / 18 +
    (valueTies.falling3 * dateTies.falling3) / (9 * n * (n - 1) * (n - 2)) +
    (valueTies.falling2 * dateTies.falling2) / (2 * n * (n - 1));
  const z = continuityCorrectedZ(s, varianceS);
  // Two-sided: 2 × P(Z ≥ |z|), computed in the lower tail to keep small p-values precise.
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  return { s, varianceS, z, tau: s / ((n * (n - 1)) / 2), pValue, direction: direction(s, pValue) };
}

/** For the groups of equal entries of size u: Σu(u−1)(2u+5), Σu(u−1)(u−2) and Σu(u−1). */
function tieSums(entries: readonly number[]): { cubic: number; falling3: number; falling2: number } {
  const groupSizes = new Map<number, number>();
  for (const entry of entries) groupSizes.set(entry, (groupSizes.get(entry) ?? 0) + 1);
  let cubic = 0;
  let falling3 = 0;
  let falling2 = 0;
  for (const u of groupSizes.values()) {
    cubic += u * (u - 1) * (2 * u + 5);
    falling3 += u * (u - 1) * (u - 2);
    falling2 += u * (u - 1);
  }
  return { cubic, falling3, falling2 };
}

/** Moves S one step towards 0 before dividing by its standard deviation; 0 when S or the variance is 0. */
function continuityCorrectedZ(s: number, varianceS: number): number {
  if (s === 0 || varianceS <= 0) return 0;
  const correction = s > 0 ? -1 : 1;
  return (s + correction) / Math.sqrt(varianceS);
}

function direction(s: number, pValue: number): TrendDirection {
  if (pValue >= SIGNIFICANCE_LEVEL || s === 0) return 'no trend';
  return s > 0 ? 'increasing' : 'decreasing';
}
