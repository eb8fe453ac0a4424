import { describe, expect, it } from 'vitest';
import { fairnessReport } from '../../src/fairness/fairness-report.js';
import { fairnessSeries } from '../../src/fairness/fairness-series.js';
import type { Cell, FairnessWindow } from '../../src/fairness/types.js';
import { trend } from '../../src/time/trend.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';

const zero: Cell = { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 };
const cell = (tp: number, fp: number, tn: number, fn: number): Cell => ({ tp, fp, tn, fn, rows: tp + fp + tn + fn });

const docWindows: FairnessWindow[] = deepFreeze([
  { start: '2026-01-12', end: '2026-01-19', counts: { groups: { a: cell(8, 2, 8, 2), b: cell(4, 1, 13, 2) }, missing: zero } },
  { start: '2026-01-05', end: '2026-01-12', counts: { groups: { a: cell(5, 5, 5, 5), b: cell(5, 5, 5, 5) }, missing: zero } },
]);

/** Weekly windows in which group b's selection rate falls by 2 points a week from 50%. */
function driftingWindows(weeks: number): FairnessWindow[] {
  return Array.from({ length: weeks }, (_, week) => {
    const start = new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(2026, 0, 12 + 7 * week)).toISOString().slice(0, 10);
    const selectedB = 50 - 2 * week;
    return { start, end, counts: { groups: { a: cell(25, 25, 25, 25), b: cell(selectedB, 0, 100 - selectedB, 0) }, missing: zero } };
  });
}

describe('fairnessSeries', () => {
  it('repeats the doc example, sorted by start', () => {
    expect(fairnessSeries(docWindows, 'demographicParityDifference').map((point) => [point.date, point.value, point.n])).toEqual([
      ['2026-01-05', 0, 40],
      ['2026-01-12', 0.25, 40],
    ]);
  });

  it('gives each window the figures fairnessReport gives it alone, with the interval', () => {
    const [, second] = fairnessSeries(docWindows, 'demographicParityRatio', { confidenceLevel: 0.9 });
    const report = fairnessReport(docWindows[0]!.counts, { confidenceLevel: 0.9 });
    expect(second).toEqual({
      date: '2026-01-12',
      start: '2026-01-12',
      end: '2026-01-19',
      value: report.demographicParityRatio.betweenGroups,
      n: 40,
      interval: report.demographicParityRatio.interval,
    });
    expect(fairnessSeries(docWindows, 'demographicParityDifference', { method: 'toOverall' })[1]).toMatchObject({ value: 0.125, interval: null });
  });

  it('follows AIF360 metrics against the privileged group, leaving a gap where the group is absent', () => {
    const windows = [...docWindows, { start: '2026-01-19', end: '2026-01-26', counts: { groups: { b: cell(1, 1, 1, 1) }, missing: zero } }];
    const points = fairnessSeries(windows, 'disparateImpact', { privilegedGroup: 'a' });
    expect(points.map((point) => point.value)).toEqual([1, 0.5, null]);
    expect(points[1]!.interval!.lower).toBeLessThan(0.5);
  });

  it('follows one group’s rate, with the group’s own row count, and the Theil index', () => {
    const points = fairnessSeries(docWindows, 'truePositiveRate', { group: 'b' });
    expect(points.map((point) => [point.value, point.n])).toEqual([
      [0.5, 20],
      [4 / 6, 20],
    ]);
    expect(fairnessSeries(docWindows, 'selectionRate', { group: 'nobody' })[0]).toMatchObject({ value: null, n: 0, interval: null });
    expect(fairnessSeries(docWindows, 'selectionRate')[0]).toMatchObject({ value: 0.5, n: 40 });
    expect(fairnessSeries(docWindows, 'theilIndex')[0]!.value).toBeCloseTo(fairnessReport(docWindows[1]!.counts).theilIndex!, 15);
  });

  it('leaves a gap for a window without rows, and feeds trend directly', () => {
    const windows = driftingWindows(10);
    windows[4] = { ...windows[4]!, counts: { groups: {}, missing: zero } };
    const points = fairnessSeries(windows, 'demographicParityDifference');
    expect(points[4]!.value).toBeNull();
    // Differences 0, 0.02, …, 0.18 (gap at week 4): a slope of 0.02 per 7 days.
    const result = trend(points);
    expect(result.points).toBe(9);
    expect(result.slopePerDay).toBeCloseTo(0.02 / 7, 12);
    expect(result.mannKendall?.direction).toBe('increasing');
  });

  it('rejects bad input, naming the argument', () => {
    expectRiskEngineError(() => fairnessSeries(docWindows, 'fairness' as never), expect.stringMatching(/^fairnessSeries: metric "fairness" is not one of demographicParityDifference, /) as never);
    expectRiskEngineError(() => fairnessSeries(docWindows, 'disparateImpact'), 'fairnessSeries: metric disparateImpact compares with a privileged group, so options.privilegedGroup is required');
    expectRiskEngineError(() => fairnessSeries([{ ...docWindows[0]!, start: '2026-02-30' }], 'theilIndex'), 'fairnessSeries: windows[0].start must be an ISO 8601 date, got "2026-02-30"');
    expectRiskEngineError(() => fairnessSeries([{ ...docWindows[0]!, end: '2026-01-01' }], 'theilIndex'), 'fairnessSeries: windows[0].end 2026-01-01 is before its start 2026-01-12');
    expectRiskEngineError(
      () => fairnessSeries([docWindows[0]!, { ...docWindows[1]!, counts: { groups: { a: { ...zero, tp: -1 } }, missing: zero } }], 'theilIndex'),
      'fairnessSeries: windows[1].counts.groups["a"].tp must be a finite number ≥ 0, got -1',
    );
    expectRiskEngineError(() => fairnessSeries(docWindows, 'demographicParityRatio', { method: 'sideways' as never }), 'fairnessSeries: method must be "betweenGroups" or "toOverall", got "sideways"');
    expectRiskEngineError(() => fairnessSeries(null as never, 'theilIndex'), 'fairnessSeries: windows must be an array of { start, end, counts }, got null');
  });
});
