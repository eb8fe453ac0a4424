import { normalQuantile } from './normal-quantile.js';

/** A confidence interval; bounds are null when the estimate is undefined (no trials). */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval for a proportion k/n at the given confidence level (internal): centre
 * (k + z²/2)/(n + z²), half-width z·√(k(n − k)/n + z²/4)/(n + z²). Unlike the normal ("Wald")
 * interval it stays inside [0, 1] and behaves at k = 0 and k = n. k and n may be weighted sums.
 * Returns null for n = 0.
 */
export function wilsonInterval(successes: number, trials: number, confidenceLevel = 0.95): Interval | null {
  return wilsonIntervalAtZ(successes, trials, normalQuantile(1 - (1 - confidenceLevel) / 2));
}

/** `wilsonInterval` at a given normal quantile z, for callers computing many intervals at one level (internal). */
export function wilsonIntervalAtZ(successes: number, trials: number, z: number): Interval | null {
  if (trials <= 0) return null;
  const z2 = z * z;
  const centre = (successes + z2 / 2) / (trials + z2);
  const halfWidth = (z * Math.sqrt((successes * (trials - successes)) / trials + z2 / 4)) / (trials + z2);
  return { lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth) };
}
