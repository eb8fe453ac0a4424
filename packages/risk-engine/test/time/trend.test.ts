import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trend } from '../../src/time/trend.js';
import type { SeriesPoint } from '../../src/time/types.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';
import { dayDate, seriesArbitrary } from './time-helpers.js';

describe('trend', () => {
  it('repeats the doc example', () => {
    const result = trend([
      { date: '2026-01-01', value: 10 },
      { date: '2026-01-02', value: 12 },
      { date: '2026-01-03', value: null },
      { date: '2026-01-04', value: 12 },
      { date: '2026-01-05', value: 15 },
      { date: '2026-01-06', value: 12 },
    ]);
    // By hand, days 0, 1, 3, 4, 5: d̄ = 2.6, x̄ = 12.2, Sxx = 51 − 5 × 2.6² = 17.2,
    // Sxy = 168 − 5 × 2.6 × 12.2 = 9.4, slope = 47/86, intercept = 12.2 − 2.6 × 47/86
    // (scipy.stats.linregress: 0.5465116279069767, 10.77906976744186).
    // Pairs: 10 < all four later values (+4); first 12: = 12, < 15, = 12 (+1); second 12: < 15, = 12
    // (+1); 15 > 12 (−1); S = 5. Variance (5·4·15 − 3·2·11)/18 = 234/18 = 13 (the three 12s tie).
    // z = 4/√13 = 1.1094; p = 2(1 − Φ(1.1094)) = 0.26726 (scipy.stats.norm: 0.26725749315438785).
    expect(result).toEqual({
      points: 5,
      firstDate: '2026-01-01',
      lastDate: '2026-01-06',
      slopePerDay: 0.5465116279069767,
      intercept: 10.77906976744186,
      mannKendall: { s: 5, varianceS: 13, z: 1.1094003924504583, tau: 0.5, pValue: 0.26725751084357274, direction: 'no trend' },
    });
    expect(result.slopePerDay).toBeCloseTo(47 / 86, 14);
    expect(result.mannKendall?.pValue).toBeCloseTo(0.26725749315438785, 7);
  });

  it('finds a strictly increasing series significant', () => {
    const series = Array.from({ length: 10 }, (_, day) => ({ date: dayDate(day), value: day * 0.01 }));
    const { slopePerDay, mannKendall } = trend(series);
    // S = 10·9/2 = 45 (every pair rises); variance 10·9·25/18 = 125; z = 44/√125 = 3.935...;
    // p (scipy.stats.norm) = 8.303070332644974e-5.
    expect(slopePerDay).toBeCloseTo(0.01, 15);
    expect(mannKendall).toMatchObject({ s: 45, varianceS: 125, tau: 1, direction: 'increasing' });
    expect(mannKendall?.z).toBeCloseTo(44 / Math.sqrt(125), 14);
    expect(mannKendall?.pValue).toBeCloseTo(8.303070332644974e-5, 10);
  });

  it('finds a strictly decreasing series significant, with the signs turned', () => {
    const series = Array.from({ length: 10 }, (_, day) => ({ date: dayDate(day), value: 1 - day * 0.02 }));
    const { slopePerDay, mannKendall } = trend(series);
    expect(slopePerDay).toBeCloseTo(-0.02, 15);
    // S = −45, z = (−45 + 1)/√125.
    expect(mannKendall).toMatchObject({ s: -45, varianceS: 125, tau: -1, direction: 'decreasing' });
    expect(mannKendall?.z).toBeCloseTo(-44 / Math.sqrt(125), 14);
  });

  it('reports no trend and no NaN when every value ties', () => {
    const series = Array.from({ length: 6 }, (_, day) => ({ date: dayDate(day), value: 0.2 }));
    // S = 0; variance (6·5·17 − 6·5·17)/18 = 0; z is 0 by convention, p-value 1.
    const result = trend(series);
    expect(result.intercept).toBeCloseTo(0.2, 15);
    expect(result).toMatchObject({
      slopePerDay: 0,
      mannKendall: { s: 0, varianceS: 0, z: 0, tau: 0, pValue: 1, direction: 'no trend' },
    });
  });

  it('treats points on the same date as tied in time', () => {
    const result = trend([
      { date: '2026-01-01', value: 1 },
      { date: '2026-01-01', value: 2 },
      { date: '2026-01-02', value: 3 },
    ]);
    // Days 0, 0, 1: d̄ = 1/3, Sxx = 2/9 + 4/9 = 2/3, Sxy = 1/3 + 0 + 2/3 = 1, slope 1.5,
    // intercept 2 − 1.5/3 = 1.5. S: the same-date pair adds 0, the two others +1: S = 2.
    // Kendall's variance with a tie of 2 dates: (3·2·11 − 2·1·9)/18 = 48/18 (no tied values, so the
    // cross terms vanish); z = 1/√(8/3) = 0.6124; p (scipy.stats.norm) = 0.5402913746074199.
    expect(result.slopePerDay).toBeCloseTo(1.5, 14);
    expect(result.intercept).toBeCloseTo(1.5, 14);
    expect(result.mannKendall?.s).toBe(2);
    expect(result.mannKendall?.varianceS).toBeCloseTo(8 / 3, 14);
    expect(result.mannKendall?.z).toBeCloseTo(Math.sqrt(3 / 8), 14);
    expect(result.mannKendall?.pValue).toBeCloseTo(0.5402913746074199, 7);
    expect(result.mannKendall?.tau).toBeCloseTo(2 / 3, 15);
  });

  it('gives no slope when every point is on one date', () => {
    const series = [1, 2, 3].map((value) => ({ date: '2026-01-01', value }));
    // No time spread; the dates all tie, so S = 0 and the variance (66 − 66)/18 = 0.
    expect(trend(series)).toMatchObject({ points: 3, slopePerDay: null, intercept: null, mannKendall: { s: 0, varianceS: 0, z: 0, pValue: 1 } });
  });

  it('handles empty input, one point, two points and an all-null series', () => {
    const empty = { points: 0, firstDate: null, lastDate: null, slopePerDay: null, intercept: null, mannKendall: null };
    expect(trend([])).toEqual(empty);
    expect(trend([{ date: '2026-01-01', value: null }, { date: '2026-01-02', value: null }])).toEqual(empty);
    expect(trend([{ date: '2026-01-01', value: 0.3 }])).toEqual({ ...empty, points: 1, firstDate: '2026-01-01', lastDate: '2026-01-01' });
    // Two points: the slope is the rise over the run, (0.5 − 0.3)/2 days; Mann–Kendall needs 3.
    const two = trend([{ date: '2026-01-01', value: 0.3 }, { date: '2026-01-03', value: 0.5 }]);
    expect(two.slopePerDay).toBeCloseTo(0.1, 15);
    expect(two.intercept).toBeCloseTo(0.3, 15);
    expect(two.mannKendall).toBeNull();
  });

  it('skips gaps instead of reading them as 0', () => {
    const withGaps = trend([
      { date: '2026-01-01', value: 0.1 },
      { date: '2026-01-02', value: null },
      { date: '2026-01-03', value: 0.3 },
      { date: '2026-01-04', value: null },
      { date: '2026-01-05', value: 0.5 },
    ]);
    // Only days 0, 2, 4 with 0.1, 0.3, 0.5: slope 0.1 per day, S = 3, variance 3·2·11/18.
    expect(withGaps.points).toBe(3);
    expect(withGaps.slopePerDay).toBeCloseTo(0.1, 15);
    expect(withGaps.mannKendall).toMatchObject({ s: 3, tau: 1 });
    expect(withGaps.mannKendall?.varianceS).toBeCloseTo(66 / 18, 14);
  });

  it('sorts unsorted input without changing it', () => {
    const sorted = [0.1, 0.15, 0.12, 0.2, 0.22].map((value, day) => ({ date: dayDate(day), value }));
    const shuffled = deepFreeze([sorted[3], sorted[0], sorted[4], sorted[2], sorted[1]] as SeriesPoint[]);
    const copy = structuredClone(shuffled);
    expect(trend(shuffled)).toEqual(trend(sorted));
    expect(shuffled).toEqual(copy);
  });

  it('measures time in days from date-times and offsets', () => {
    // 12:00 UTC, then 00:00+02:00 the next day = 22:00 UTC (0.4167 days later), then 2026-01-03
    // 12:00 UTC (day 2); values equal to the day, so the slope is exactly 1 per day.
    const result = trend([
      { date: '2026-01-01T12:00:00Z', value: 0 },
      { date: '2026-01-02T00:00+02:00', value: 10 / 24 },
      { date: '2026-01-03T12:00', value: 2 },
    ]);
    expect(result.slopePerDay).toBeCloseTo(1, 14);
    expect(result.intercept).toBeCloseTo(0, 14);
  });

  it.each<[string, unknown, string]>([
    ['an impossible month', [{ date: '2026-01-01', value: 1 }, { date: '2026-01-02', value: 1 }, { date: '2026-01-03', value: 1 }, { date: '2026-13-01', value: 1 }], 'trend: series[3].date is not a valid ISO date, got "2026-13-01"'],
    ['30 February, which Date would roll over', [{ date: '2026-02-30', value: 1 }], 'trend: series[0].date is not a valid ISO date, got "2026-02-30"'],
    ['a date in a gap', [{ date: '01/02/2026', value: null }], 'trend: series[0].date is not a valid ISO date, got "01/02/2026"'],
    ['a missing date', [{ value: 1 }], 'trend: series[0].date is not a valid ISO date, got undefined'],
    ['a NaN value', [{ date: '2026-01-01', value: Number.NaN }], 'trend: series[0].value must be a finite number or null, got NaN'],
    ['a value given as text', [{ date: '2026-01-01', value: '0.2' }], 'trend: series[0].value must be a finite number or null, got "0.2"'],
    ['a missing value', [{ date: '2026-01-01' }], 'trend: series[0].value must be a finite number or null, got undefined'],
    ['a point that is not an object', [null], 'trend: series[0] must be a point { date, value }, got null'],
    ['a series that is not an array', 'abc', 'trend: series must be an array of points, got "abc"'],
  ])('rejects %s', (_case, series, message) => {
    expectRiskEngineError(() => trend(series as SeriesPoint[]), message);
  });

  describe('properties', () => {
    it('keeps the slope and the Mann–Kendall test when every value is shifted by a constant', () => {
      fc.assert(
        fc.property(seriesArbitrary({ integerValues: true }), fc.integer({ min: -1000, max: 1000 }), (series, shift) => {
          const shifted = series.map((point) => ({ ...point, value: point.value === null ? null : point.value + shift }));
          const before = trend(series);
          const after = trend(shifted);
          expect(after.mannKendall).toEqual(before.mannKendall);
          if (before.slopePerDay === null) expect(after.slopePerDay).toBeNull();
          else expect(after.slopePerDay).toBeCloseTo(before.slopePerDay, 8);
        }),
      );
    });

    it('negates the slope and S when time runs backwards', () => {
      fc.assert(
        fc.property(seriesArbitrary({ integerValues: true }), (series) => {
          // Day d becomes day 1000 − d: the same values, mirrored in time.
          const mirrored = series.map((point) => ({ ...point, date: dayDate(1000 - Math.round((Date.parse(point.date) - Date.parse(dayDate(0))) / 86_400_000)) }));
          const forwards = trend(series);
          const backwards = trend(mirrored);
          if (forwards.slopePerDay === null) expect(backwards.slopePerDay).toBeNull();
          else expect(backwards.slopePerDay).toBeCloseTo(-forwards.slopePerDay, 8);
          expect(backwards.mannKendall?.s).toBe(forwards.mannKendall === null ? undefined : -forwards.mannKendall.s || 0);
          expect(backwards.mannKendall?.pValue).toBe(forwards.mannKendall?.pValue);
        }),
      );
    });

    it('never returns NaN or an infinity', () => {
      fc.assert(
        fc.property(seriesArbitrary({ integerValues: false }), (series) => {
          const result = trend(series);
          const numbers = [result.slopePerDay, result.intercept, ...Object.values(result.mannKendall ?? {})].filter((entry) => typeof entry === 'number');
          for (const entry of numbers) expect(Number.isFinite(entry)).toBe(true);
          if (result.mannKendall !== null) {
            expect(result.mannKendall.pValue).toBeGreaterThanOrEqual(0);
            expect(result.mannKendall.pValue).toBeLessThanOrEqual(1);
            expect(Math.abs(result.mannKendall.tau)).toBeLessThanOrEqual(1);
          }
        }),
      );
    });
  });
});
