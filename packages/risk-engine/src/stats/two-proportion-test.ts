import { normalCdf } from './normal-cdf.js';

/**
 * Two-sided p-value of the pooled two-proportion z-test of k₁/n₁ against k₂/n₂ (internal):
 * z = (p₁ − p₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)) with p̂ = (k₁ + k₂)/(n₁ + n₂), p = 2·Φ(−|z|).
 * When p̂ is 0 or 1 the two proportions are equal and p is 1. Null without trials on either side.
 */
export function twoProportionPValue(successes1: number, trials1: number, successes2: number, trials2: number): number | null {
  if (trials1 <= 0 || trials2 <= 0) return null;
  const pooled = (successes1 + successes2) / (trials1 + trials2);
  const variance = pooled * (1 - pooled) * (1 / trials1 + 1 / trials2);
  if (!(variance > 0)) return 1;
  const z = (successes1 / trials1 - successes2 / trials2) / Math.sqrt(variance);
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}
