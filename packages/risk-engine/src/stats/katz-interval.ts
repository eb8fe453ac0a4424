import { normalQuantile } from './normal-quantile.js';
import type { Interval } from './wilson-interval.js';

/**
 * Katz's log interval for the ratio of two independent proportions (k₁/n₁) / (k₂/n₂)
 * (internal; Katz et al. 1978): exp(ln r ± z·√(1/k₁ − 1/n₁ + 1/k₂ − 1/n₂)). Null when either
 * count of successes is zero, where the logarithm is undefined.
 */
export function katzInterval(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  confidenceLevel: number,
): Interval | null {
  if (successes1 <= 0 || successes2 <= 0 || trials1 <= 0 || trials2 <= 0) return null;
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2);
  const logRatio = Math.log(successes1 / trials1 / (successes2 / trials2));
  const standardError = Math.sqrt(Math.max(0, 1 / successes1 - 1 / trials1 + 1 / successes2 - 1 / trials2));
  return { lower: Math.exp(logRatio - z * standardError), upper: Math.exp(logRatio + z * standardError) };
}
