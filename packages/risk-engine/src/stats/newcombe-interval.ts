import { wilsonInterval, type Interval } from './wilson-interval.js';

/**
 * Newcombe's hybrid score interval for the difference of two independent proportions
 * p₁ − p₂ = k₁/n₁ − k₂/n₂ (internal; Newcombe 1998, method 10). From the Wilson intervals
 * (l₁, u₁) and (l₂, u₂): lower = d − √((p₁ − l₁)² + (u₂ − p₂)²), upper = d + √((u₁ − p₁)² + (p₂ − l₂)²).
 * Null when either proportion has no trials.
 */
export function newcombeInterval(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  confidenceLevel: number,
): Interval | null {
  const interval1 = wilsonInterval(successes1, trials1, confidenceLevel);
  const interval2 = wilsonInterval(successes2, trials2, confidenceLevel);
  if (interval1 === null || interval2 === null) return null;
  const p1 = successes1 / trials1;
  const p2 = successes2 / trials2;
  const difference = p1 - p2;
  return {
    lower: Math.max(-1, difference - Math.hypot(p1 - interval1.lower, interval2.upper - p2)),
    upper: Math.min(1, difference + Math.hypot(interval1.upper - p1, p2 - interval2.lower)),
  };
}
