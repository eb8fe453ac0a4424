export interface NiceTicksOptions {
  /** The fewest ticks wanted (default 4). */
  minCount?: number;
  /** The most ticks wanted (default 6). */
  maxCount?: number;
  /** Whether a step may be a fraction, such as 0.05 or 2.5 (default true). */
  allowDecimals?: boolean;
}

/** The leading digits of a round step, times a power of ten. */
const STEP_FACTORS = [1, 2, 2.5, 5] as const;

/** Slack for quotients such as 0.8 / 0.05 = 16.000000000000004, which must count as 16. */
const EPSILON = 1e-9;

/**
 * Evenly spaced round ticks for a value axis that covers every value from `low` to `high`: the
 * step is 1, 2, 2.5 or 5 times a power of ten, the first tick is at or below `low` and the last at
 * or above `high`. Of the steps giving from `minCount` to `maxCount` ticks, the smallest wins, so
 * the axis stays close to the values; when none does, the smallest step giving at most `maxCount`. Equal bounds are
 * widened by a tenth of their size (or by 1 around 0) so the axis still has a span. Returns []
 * when a bound is not a finite number.
 *
 * @example niceTicks(0.8, 0.98) // [0.8, 0.85, 0.9, 0.95, 1]
 * @example niceTicks(0, 41) // [0, 10, 20, 30, 40, 50]
 */
export function niceTicks(low: number, high: number, { minCount = 4, maxCount = 6, allowDecimals = true }: NiceTicksOptions = {}): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [];
  let bottom = Math.min(low, high);
  let top = Math.max(low, high);
  if (bottom === top) {
    const pad = bottom === 0 ? 1 : Math.abs(bottom) / 10;
    bottom -= pad;
    top += pad;
  }
  // Steps from a little under the span split into maxCount − 1 parts up to the whole span.
  const smallestPower = Math.floor(Math.log10((top - bottom) / maxCount)) - 1;
  const candidates: { factor: number; power: number; count: number }[] = [];
  for (let power = smallestPower; power <= smallestPower + 3; power += 1) {
    for (const factor of STEP_FACTORS) {
      const step = factor * 10 ** power;
      if (!allowDecimals && !Number.isInteger(step)) continue;
      const count = Math.ceil(top / step - EPSILON) - Math.floor(bottom / step + EPSILON) + 1;
      if (count <= maxCount) candidates.push({ factor, power, count });
    }
  }
  const chosen = candidates.find((candidate) => candidate.count >= minCount) ?? candidates[0];
  if (chosen === undefined) return [];
  const { factor, power } = chosen;
  const step = factor * 10 ** power;
  const first = Math.floor(bottom / step + EPSILON);
  const last = Math.ceil(top / step - EPSILON);
  const ticks: number[] = [];
  for (let index = first; index <= last; index += 1) ticks.push(tickValue(index * factor, power));
  return ticks;
}

/**
 * multiple × 10^power, computed so that a round value comes out as its literal (0.85, not
 * 0.8500000000000001): multiple is exact (a whole number or a half), and one division rounds once.
 */
function tickValue(multiple: number, power: number): number {
  const value = power >= 0 ? multiple * 10 ** power : multiple / 10 ** -power;
  // -0 would print as "-0" in some formatters.
  return value === 0 ? 0 : value;
}
