import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/axis/nice-ticks.js';

/** Whether each gap between ticks is the same 1, 2, 2.5 or 5 × 10^k step. */
function isRoundStep(ticks: readonly number[]): boolean {
  const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
  const leading = step / 10 ** Math.floor(Math.log10(step));
  const round = [1, 2, 2.5, 5].some((factor) => Math.abs(leading - factor) < 1e-9);
  return round && ticks.every((tick, index) => index === 0 || Math.abs(tick - (ticks[index - 1] ?? 0) - step) < 1e-9);
}

describe('niceTicks', () => {
  it('repeats its documented examples', () => {
    expect(niceTicks(0.8, 0.98)).toEqual([0.8, 0.85, 0.9, 0.95, 1]);
    expect(niceTicks(0, 41)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  // Worked by hand: the span over 6 ticks gives the smallest step to try, and the steps grow until
  // the ticks needed to reach past both bounds number 6 or fewer.
  it.each([
    // A fairness series from 0.83 to 0.98 with its threshold 0.8: steps 0.025 need 9 ticks, 0.05 five.
    [0.8, 0.98, [0.8, 0.85, 0.9, 0.95, 1]],
    // An interval reaching past 1: 0.72 to 1.04, steps of 0.05 need 8 ticks, 0.1 five.
    [0.72, 1.04, [0.7, 0.8, 0.9, 1, 1.1]],
    // Exposure totals 235 to 324: steps of 20 need 7 ticks (220–340), 25 five (225–325).
    [235, 324, [225, 250, 275, 300, 325]],
    // Negative values: a gap of −0.12 to 0.07 in steps of 0.05.
    [-0.12, 0.07, [-0.15, -0.1, -0.05, 0, 0.05, 0.1]],
    // Values already on round ticks are their own ends.
    [0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
  ])('covers %s to %s with round ticks', (low, high, expected) => {
    const ticks = niceTicks(low, high);
    expect(ticks).toEqual(expected);
    expect(ticks[0]).toBeLessThanOrEqual(low);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(high);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(isRoundStep(ticks)).toBe(true);
  });

  it('takes whole steps only when asked, and reads its bounds either way round', () => {
    expect(niceTicks(0, 12)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(niceTicks(0, 12, { allowDecimals: false })).toEqual([0, 5, 10, 15]);
    expect(niceTicks(0, 3, { allowDecimals: false })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0.98, 0.8)).toEqual(niceTicks(0.8, 0.98));
  });

  it('widens equal bounds, and gives nothing for bounds that are not numbers', () => {
    // 0.9 ± 0.09: 0.81 to 0.99 in steps of 0.05.
    expect(niceTicks(0.9, 0.9)).toEqual([0.8, 0.85, 0.9, 0.95, 1]);
    expect(niceTicks(0, 0)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
    expect(niceTicks(0, Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it('honours a narrower count', () => {
    const ticks = niceTicks(0.8, 0.98, { minCount: 3, maxCount: 3 });
    expect(ticks).toEqual([0.8, 0.9, 1]);
  });
});
