import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectBreach } from '../../src/time/project-breach.js';
import type { ProjectBreachOptions, SeriesPoint } from '../../src/time/types.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';
import { dayDate } from './time-helpers.js';

const example = [0.1, 0.11, 0.13, 0.12, 0.14].map((value, day) => ({ date: `2026-01-0${day + 1}`, value }));

describe('projectBreach', () => {
  it('repeats the doc example', () => {
    // By hand: d̄ = 2, x̄ = 0.12, Sxy = 0.04 + 0.01 + 0 + 0 + 0.04 = 0.09, Sxx = 10, slope 0.009.
    // Crossing: 2 + (0.2 − 0.12)/0.009 = 10.889 days → 2026-01-11, 6.889 days after day 4.
    // Residuals −0.002, −0.001, 0.01, −0.009, 0.002: Σ² = 0.00019; SE = √(0.00019/3/10) = 0.0025166
    // (scipy.stats.linregress stderr 0.002516611478423585); t(0.975, 3) = 3.1824463 (scipy.stats.t).
    // Slope bounds 0.009 ± 0.0080090: 2 + 0.08/0.017009 = 6.703 → 2026-01-07;
    // 2 + 0.08/0.000991 = 82.725 (scipy: 82.72498310927674) → day 82 = 2026-03-24.
    expect(projectBreach(example, 0.2)).toEqual({
      date: '2026-01-11',
      daysFromLast: 6.888888888888889,
      direction: 'above',
      interval: { earliest: '2026-01-07', latest: '2026-03-24' },
    });
  });

  it('projects a fall below a threshold the same way', () => {
    // The mirror image 1 − x falling to 1 − 0.2: the same days.
    const falling = example.map((point) => ({ ...point, value: 1 - point.value }));
    expect(projectBreach(falling, 0.8)).toEqual({
      date: '2026-01-11',
      daysFromLast: 6.888888888888889,
      direction: 'below',
      interval: { earliest: '2026-01-07', latest: '2026-03-24' },
    });
    expect(projectBreach(falling, 0.8, { direction: 'below' })).toEqual(projectBreach(falling, 0.8));
  });

  it('gives a point interval for an exact line', () => {
    // 10, 11, 12, 13 on days 0–3 reach 20 on day 10 (2026-01-11); the residuals and SE are 0.
    const line = [10, 11, 12, 13].map((value, day) => ({ date: dayDate(day), value }));
    expect(projectBreach(line, 20)).toEqual({ date: '2026-01-11', daysFromLast: 7, direction: 'above', interval: { earliest: '2026-01-11', latest: '2026-01-11' } });
  });

  it('widens the interval with the confidence level, and leaves latest null when the shallow bound is flat', () => {
    // At 99 %, t(0.995, 3) = 5.8409 (scipy.stats.t): 0.009 − 5.8409 × 0.0025166 < 0, so no latest;
    // the steep bound 0.02370 crosses at 2 + 0.08/0.0237 = 5.38 → 2026-01-06.
    expect(projectBreach(example, 0.2, { confidenceLevel: 0.99 })?.interval).toEqual({ earliest: '2026-01-06', latest: null });
    // At 50 %, t(0.75, 3) = 0.7649: slopes 0.007075 and 0.010925 cross on days 13.31 and 9.32.
    expect(projectBreach(example, 0.2, { confidenceLevel: 0.5 })?.interval).toEqual({ earliest: '2026-01-10', latest: '2026-01-14' });
  });

  it('never puts the earliest date before the last point', () => {
    // Threshold 0.145, just above the last value 0.14 and the fitted 0.138: the steep line through
    // (2, 0.12) crosses at 2 + 0.025/0.017009 = 3.47, before day 4, so earliest is day 4.
    expect(projectBreach(example, 0.145)?.interval.earliest).toBe('2026-01-05');
  });

  it('returns null when the metric is not heading to the threshold', () => {
    expect(projectBreach(example, 0.05, { direction: 'below' })).toBeNull(); // rising, away from 0.05
    const flat = [0.1, 0.1, 0.1].map((value, day) => ({ date: dayDate(day), value }));
    expect(projectBreach(flat, 0.2)).toBeNull(); // slope 0
  });

  it('returns null when the metric is already at or beyond the threshold', () => {
    expect(projectBreach(example, 0.14)).toBeNull(); // the last value equals it (direction inferred 'below', slope rises)
    expect(projectBreach(example, 0.14, { direction: 'above' })).toBeNull(); // last value 0.14 has reached it
    // 0.10, 0.12, 0.14, 0.16, 0.15: x̄ = 0.134, Sxy = 0.068 + 0.014 + 0 + 0.026 + 0.032 = 0.14,
    // slope 0.014, line on day 4: 0.134 + 2 × 0.014 = 0.162. The last value 0.15 is below 0.155 but
    // the line has passed it, so the crossing would lie in the past.
    const dipped = [0.1, 0.12, 0.14, 0.16, 0.15].map((value, day) => ({ date: dayDate(day), value }));
    expect(projectBreach(dipped, 0.155)).toBeNull();
    expect(projectBreach(dipped, 0.165)?.date).toBe('2026-01-05'); // 2 + 0.031/0.014 = 4.21 days
  });

  it('returns null when rounding puts the crossing on the last day (found by fast-check)', () => {
    // Slope and gap are both subnormal: the line on the last day is above −5e-324 only by rounding.
    const series = [0, 8.681152150613988e-174, 0, 0, 0].map((value, day) => ({ date: dayDate(day), value }));
    expect(projectBreach(series, -5e-324)).toBeNull();
  });

  it('returns null beyond the horizon or the year 9999', () => {
    // The crossing is 6.89 days after the last point.
    expect(projectBreach(example, 0.2, { horizonDays: 6 })).toBeNull();
    expect(projectBreach(example, 0.2, { horizonDays: 7 })?.date).toBe('2026-01-11');
    const creeping = [0, 1e-9, 2e-9].map((value, day) => ({ date: dayDate(day), value }));
    expect(projectBreach(creeping, 1)).toBeNull(); // 1e9 days away
  });

  it('returns null with fewer than 3 points or no time spread', () => {
    expect(projectBreach([], 0.2)).toBeNull();
    expect(projectBreach(example.slice(0, 1), 0.2)).toBeNull();
    expect(projectBreach(example.slice(0, 2), 0.2)).toBeNull();
    expect(projectBreach([...example.slice(0, 2), { date: '2026-01-03', value: null }], 0.2)).toBeNull();
    expect(projectBreach([0.1, 0.11, 0.12].map((value) => ({ date: '2026-01-01', value })), 0.2)).toBeNull();
  });

  it('skips gaps and sorts, without changing the input', () => {
    const messy = deepFreeze([example[4], { date: '2026-01-10', value: null }, example[2], example[0], example[3], example[1]] as SeriesPoint[]);
    const copy = structuredClone(messy);
    expect(projectBreach(messy, 0.2)).toEqual(projectBreach(example, 0.2));
    expect(messy).toEqual(copy);
  });

  it.each<[string, unknown, unknown, string]>([
    ['a NaN threshold', Number.NaN, {}, 'projectBreach: threshold must be a finite number, got NaN'],
    ['a confidence level of 1', 0.2, { confidenceLevel: 1 }, 'projectBreach: confidenceLevel must be a number between 0 and 1, got 1'],
    ['a confidence level of 95', 0.2, { confidenceLevel: 95 }, 'projectBreach: confidenceLevel must be a number between 0 and 1, got 95'],
    ['an unknown direction', 0.2, { direction: 'up' }, "projectBreach: direction must be 'above' or 'below', got \"up\""],
    ['a negative horizon', 0.2, { horizonDays: -1 }, 'projectBreach: horizonDays must be a number ≥ 0, got -1'],
  ])('rejects %s', (_case, threshold, options, message) => {
    expectRiskEngineError(() => projectBreach(example, threshold as number, options as ProjectBreachOptions), message);
  });

  it('rejects an invalid date, naming the point', () => {
    expectRiskEngineError(() => projectBreach([{ date: '2026-04-31', value: 1 }], 2), 'projectBreach: series[0].date is not a valid ISO date, got "2026-04-31"');
  });

  it('always orders earliest ≤ date ≤ latest after the last point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 20 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (values, threshold) => {
          const series = values.map((value, day) => ({ date: dayDate(day), value }));
          const projection = projectBreach(series, threshold);
          if (projection === null) return;
          const lastDate = dayDate(values.length - 1);
          expect(projection.daysFromLast).toBeGreaterThan(0);
          expect(projection.interval.earliest).not.toBeNull();
          expect((projection.interval.earliest as string) >= lastDate).toBe(true);
          expect((projection.interval.earliest as string) <= projection.date).toBe(true);
          if (projection.interval.latest !== null) expect(projection.interval.latest >= projection.date).toBe(true);
        },
      ),
    );
  });
});
