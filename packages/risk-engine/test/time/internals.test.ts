import { linearRegression } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../src/time/least-squares.js';
import { formatIsoDate, parseIsoDate } from '../../src/time/parse-iso-date.js';
import { prepareSeries } from '../../src/time/prepare-series.js';
import { studentTQuantile } from '../../src/time/student-t-quantile.js';

describe('parseIsoDate (internal)', () => {
  it.each<[string, string]>([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2026-03-01T12:30', '2026-03-01T12:30:00.000Z'],
    ['2026-03-01T12:30:15.5Z', '2026-03-01T12:30:15.500Z'],
    ['2026-03-01T02:00:00+02:00', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T00:00:00-0530', '2026-03-01T05:30:00.000Z'],
    ['0050-01-01', '0050-01-01T00:00:00.000Z'],
  ])('reads %s as %s, as UTC when there is no offset', (text, iso) => {
    expect(parseIsoDate(text)).toBe(Date.parse(iso));
  });

  it.each(['2026-13-01', '2026-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-1-2', '2026-03-01T24:00', '2026-03-01T12:60', '2026-03-01T12:00+25:00', '2026-03-01 12:00', 'yesterday', ''])(
    'rejects %s',
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
    },
  );

  it('rejects what is not text', () => {
    expect(parseIsoDate(20260301)).toBeNull();
    expect(parseIsoDate(undefined)).toBeNull();
  });

  it('writes UTC calendar dates up to 9999-12-31 only', () => {
    expect(formatIsoDate(Date.parse('2026-03-01T23:59:59Z'))).toBe('2026-03-01');
    expect(formatIsoDate(Date.parse('9999-12-31T23:00:00Z'))).toBe('9999-12-31');
    expect(formatIsoDate(Date.parse('9999-12-31T00:00:00Z') + 2 * 86_400_000)).toBeNull();
    expect(formatIsoDate(1e300)).toBeNull();
  });
});

describe('prepareSeries (internal)', () => {
  it('drops gaps, sorts by time with ties in input order, and counts days from the first point', () => {
    const prepared = prepareSeries('trend', [
      { date: '2026-01-03', value: 3 },
      { date: '2026-01-01', value: null },
      { date: '2026-01-02T12:00Z', value: 2 },
      { date: '2026-01-03', value: 4 },
    ]);
    expect(prepared.map((point) => [point.index, point.day, point.value])).toEqual([
      [2, 0, 2],
      [0, 0.5, 3],
      [3, 0.5, 4],
    ]);
  });
});

describe('studentTQuantile (internal)', () => {
  // Reference: scipy.stats.t.ppf (SciPy 1.17.1).
  it.each<[number, number, number, number]>([
    [0.975, 1, 12.706204736174694, 11],
    [0.975, 2, 4.302652729749462, 12],
    [0.975, 3, 3.1824463052837078, 12],
    [0.975, 10, 2.228138851986274, 12],
    [0.95, 5, 2.0150483733330233, 12],
    [0.975, 30, 2.0422724563012378, 12],
    [0.995, 7, 3.4994832973504924, 12],
    [0.9, 4, 1.533206274058944, 12],
    [0.025, 3, -3.1824463052837086, 12],
    [0.975, 1000, 1.9623390808264083, 12],
    // Above 1000 the Cornish–Fisher expansion carries normalQuantile's error (about 4e-8).
    [0.975, 1001, 1.9623367052808798, 7],
    [0.975, 5000, 1.9604385517065073, 7],
  ])('gives t(%f, %i) = %f', (p, degreesOfFreedom, expected, digits) => {
    expect(studentTQuantile(p, degreesOfFreedom)).toBeCloseTo(expected, digits);
  });

  it('gives 0 at the median', () => {
    expect(studentTQuantile(0.5, 4)).toBe(0);
  });
});

describe('leastSquares (internal)', () => {
  it('agrees with simple-statistics and gives the slope standard error of scipy.stats.linregress', () => {
    const values = [0.1, 0.11, 0.13, 0.12, 0.14];
    const points = values.map((value, day) => ({ index: day, date: '', time: day, day, value }));
    const fit = leastSquares(points);
    const reference = linearRegression(values.map((value, day) => [day, value]));
    expect(fit?.slope).toBe(reference.m);
    expect(fit?.intercept).toBe(reference.b);
    expect(fit?.slopeStandardError).toBeCloseTo(0.002516611478423585, 15);
  });

  it('has no standard error with two points and no fit without time spread', () => {
    const point = (day: number, value: number) => ({ index: 0, date: '', time: day, day, value });
    expect(leastSquares([point(0, 1), point(2, 2)])).toMatchObject({ slope: 0.5, slopeStandardError: null });
    expect(leastSquares([point(1, 1), point(1, 2)])).toBeNull();
    expect(leastSquares([point(1, 1)])).toBeNull();
  });
});
