import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectChangePoints } from '../../src/time/detect-change-points.js';
import type { ChangePointOptions, SeriesPoint } from '../../src/time/types.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';
import { dayDate, seriesArbitrary } from './time-helpers.js';

/** Small deterministic noise: 0.002 × (7i mod 5 − 2), one of −0.004, −0.002, 0, 0.002, 0.004; it sums to 0 over any 5 points in a row. */
const noise = (index: number): number => 0.002 * (((index * 7) % 5) - 2);
/** 20 points at 0.10 then 20 at 0.20, with the noise above. */
const step = Array.from({ length: 40 }, (_, index) => ({ date: dayDate(index), value: (index < 20 ? 0.1 : 0.2) + noise(index) }));
const flat = step.map((point, index) => ({ ...point, value: 0.1 + noise(index) }));
const methods: [ChangePointOptions['method'], number][] = [
  ['cusum', 5],
  ['page-hinkley', 0.05],
];

describe('detectChangePoints', () => {
  it('repeats the doc example', () => {
    const series = [0.1, 0.11, 0.1, 0.09, 0.1, 0.11, 0.1, 0.09, 0.2, 0.21, 0.2, 0.19].map((value, day) => ({
      date: `2026-01-${String(day + 1).padStart(2, '0')}`,
      value,
    }));
    // Baseline min(8, 12/2) = 6 points: mean 0.61/6 = 0.101667, sample sd √(2.8333e-4/5) = 0.007528.
    // z of the 9th point = (0.2 − 0.101667)/0.007528 = 13.06, so C⁺ = 12.56 > 4 at once; before it C⁺
    // fell back to 0 (the 7th and 8th points are below the mean). Size 0.2 − 0.101667.
    expect(detectChangePoints(series, { method: 'cusum', threshold: 4 })).toEqual([
      { date: '2026-01-09', index: 8, startDate: '2026-01-09', startIndex: 8, direction: 'up', magnitude: 0.09833333333333334 },
    ]);
  });

  it.each(methods)('finds the step up at index 20 with %s, and nothing else', (method, threshold) => {
    const changes = detectChangePoints(step, { method, threshold });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ date: dayDate(20), index: 20, direction: 'up' });
  });

  it.each(methods)('finds the step down at index 20 with %s', (method, threshold) => {
    const mirrored = step.map((point) => ({ ...point, value: 1 - point.value }));
    expect(detectChangePoints(mirrored, { method, threshold })).toMatchObject([{ index: 20, direction: 'down' }]);
  });

  it.each(methods)('finds nothing on a flat noisy series, or a constant one, with %s', (method, threshold) => {
    expect(detectChangePoints(flat, { method, threshold })).toEqual([]);
    expect(detectChangePoints(flat.map((point) => ({ ...point, value: 0.1 })), { method, threshold })).toEqual([]);
  });

  it('estimates the CUSUM onset and size as Montgomery does', () => {
    const [change] = detectChangePoints(step, { method: 'cusum', threshold: 5 });
    // Baseline: points 0–7, mean 0.1 (their noise sums to 0: −4, 0, 4, −2, 2, −4, 0, 4 thousandths),
    // sd √(72e-6/7) = 0.003207. Point 19 = 0.102 has z = 0.62 > k = 0.5, so C⁺ = 0.12 there and the
    // stretch starts at 19; point 20 = 0.196 fires. Size = mean(0.102, 0.196) − 0.1 = 0.049.
    expect(change).toMatchObject({ startIndex: 19, startDate: dayDate(19), index: 20 });
    expect(change?.magnitude).toBeCloseTo(0.049, 15);
  });

  it('estimates the Page–Hinkley onset and size from the segment means', () => {
    const [change] = detectChangePoints(step, { method: 'page-hinkley', threshold: 0.05 });
    // The rise sum is lowest at point 19, so the stretch is point 20 alone: 0.196 − mean of points
    // 0–19 (0.1, the noise over 20 points sums to 0) = 0.096.
    expect(change).toMatchObject({ startIndex: 20, index: 20 });
    expect(change?.magnitude).toBeCloseTo(0.096, 15);
  });

  it('restarts after each change, finding a step up and a step back down', () => {
    const there = Array.from({ length: 60 }, (_, index) => ({ date: dayDate(index), value: (index >= 20 && index < 40 ? 0.2 : 0.1) + noise(index) }));
    for (const [method, threshold] of methods) {
      expect(detectChangePoints(there, { method, threshold }).map((change) => [change.index, change.direction])).toEqual([
        [20, 'up'],
        [40, 'down'],
      ]);
    }
  });

  it('takes any departure from a constant CUSUM baseline as a change', () => {
    // Baseline sd 0: the 11th point, 0.3, is infinitely many sds away; its stretch is itself.
    const series = [...Array.from({ length: 10 }, () => 0.1), 0.3, 0.3].map((value, day) => ({ date: dayDate(day), value }));
    const changes = detectChangePoints(series, { method: 'cusum', threshold: 5, baseline: 5 });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ index: 10, startIndex: 10, direction: 'up' });
    expect(changes[0]?.magnitude).toBeCloseTo(0.2, 15);
  });

  it('reports positions in the caller’s array for unsorted input with gaps, without changing it', () => {
    // Reverse the step series and put a gap after every point: point i sits at 2 × (39 − i).
    const reversed = deepFreeze(step.slice().reverse().flatMap((point) => [point, { date: point.date, value: null }]));
    for (const [method, threshold] of methods) {
      expect(detectChangePoints(reversed, { method, threshold })).toMatchObject([{ index: 2 * (39 - 20), date: dayDate(20) }]);
    }
  });

  it('uses the baseline option and the drift', () => {
    // A long baseline of 20 points sees the same step; a huge allowance k = 50 hides it.
    expect(detectChangePoints(step, { method: 'cusum', threshold: 5, baseline: 20 })).toMatchObject([{ index: 20 }]);
    expect(detectChangePoints(step, { method: 'cusum', threshold: 5, drift: 50 })).toEqual([]);
    // Page–Hinkley tolerance δ = 0.2 exceeds the 0.1 step, so the rise sum never grows.
    expect(detectChangePoints(step, { method: 'page-hinkley', threshold: 0.05, drift: 0.2 })).toEqual([]);
  });

  it('finds nothing in empty input, one point, or too few points for a baseline', () => {
    for (const [method, threshold] of methods) {
      expect(detectChangePoints([], { method, threshold })).toEqual([]);
      expect(detectChangePoints([{ date: '2026-01-01', value: 1 }], { method, threshold })).toEqual([]);
      expect(detectChangePoints([{ date: '2026-01-01', value: null }], { method, threshold })).toEqual([]);
    }
    // Three points: the default baseline would be ⌊3/2⌋ = 1, too few for a standard deviation.
    expect(detectChangePoints(step.slice(18, 21), { method: 'cusum', threshold: 1 })).toEqual([]);
    // Baseline 8 needs at least 9 points.
    expect(detectChangePoints(step.slice(15, 23), { method: 'cusum', threshold: 1, baseline: 8 })).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['an unknown method', { method: 'ewma', threshold: 4 }, "detectChangePoints: method must be 'cusum' or 'page-hinkley', got \"ewma\""],
    ['a zero threshold', { method: 'cusum', threshold: 0 }, 'detectChangePoints: threshold must be a positive number, got 0'],
    ['a missing threshold', { method: 'cusum' }, 'detectChangePoints: threshold must be a positive number, got undefined'],
    ['a negative drift', { method: 'page-hinkley', threshold: 1, drift: -0.1 }, 'detectChangePoints: drift must be a number ≥ 0, got -0.1'],
    ['a baseline of 1', { method: 'cusum', threshold: 4, baseline: 1 }, 'detectChangePoints: baseline must be a whole number ≥ 2, got 1'],
    ['a fractional baseline', { method: 'cusum', threshold: 4, baseline: 2.5 }, 'detectChangePoints: baseline must be a whole number ≥ 2, got 2.5'],
    ['no options', undefined, 'detectChangePoints: options must be an object { method, threshold }, got undefined'],
  ])('rejects %s', (_case, options, message) => {
    expectRiskEngineError(() => detectChangePoints(step, options as ChangePointOptions), message);
  });

  it('rejects an invalid date, naming the point', () => {
    expectRiskEngineError(
      () => detectChangePoints([{ date: '2026-01-01', value: 1 }, { date: '2026-1-2', value: 1 }], { method: 'cusum', threshold: 4 }),
      'detectChangePoints: series[1].date is not a valid ISO date, got "2026-1-2"',
    );
  });

  it('never returns NaN, and every change points into the series with its onset first', () => {
    fc.assert(
      fc.property(seriesArbitrary({ integerValues: false }), fc.constantFrom(...methods), fc.double({ min: 0.01, max: 10, noNaN: true }), (series: SeriesPoint[], [method], threshold) => {
        for (const change of detectChangePoints(series, { method, threshold })) {
          expect(Number.isFinite(change.magnitude)).toBe(true);
          expect(change.magnitude).toBeGreaterThanOrEqual(0);
          expect(series[change.index]?.date).toBe(change.date);
          expect(series[change.startIndex]?.date).toBe(change.startDate);
          expect(change.startDate <= change.date).toBe(true);
        }
      }),
    );
  });
});
