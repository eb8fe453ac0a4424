import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairnessReport } from '../../src/fairness/fairness-report.js';
import { fairnessSeries } from '../../src/fairness/fairness-series.js';
import type { Cell, FairnessMetric, FairnessSeriesOptions, FairnessWindow, GroupCounts, Interval, RateName } from '../../src/fairness/types.js';
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

const rateNames: readonly RateName[] = ['selectionRate', 'truePositiveRate', 'falsePositiveRate', 'falseNegativeRate', 'trueNegativeRate', 'accuracy', 'precision'];
const disparityNames = [
  'demographicParityDifference',
  'demographicParityRatio',
  'equalizedOddsDifference',
  'equalizedOddsRatio',
  'equalOpportunityDifference',
  'equalOpportunityRatio',
] as const;
const privilegedNames = ['disparateImpact', 'statisticalParityDifference', 'equalOpportunityGap', 'averageOddsDifference', 'averageAbsOddsDifference'] as const;

/**
 * The reference: what `fairnessReport` documents for one window, picked for one metric as
 * `fairnessSeries` promises (the privileged group left out where the window lacks it).
 */
function reportFigure(counts: GroupCounts, metric: FairnessMetric, options: FairnessSeriesOptions): { value: number | null; interval: Interval | null; n: number } {
  const { method = 'betweenGroups', group, ...reportOptions } = options;
  const privilegedHere = reportOptions.privilegedGroup !== undefined && Object.hasOwn(counts.groups, reportOptions.privilegedGroup);
  const report = fairnessReport(counts, { ...reportOptions, privilegedGroup: privilegedHere ? reportOptions.privilegedGroup : undefined });
  const rowsOfWindow = report.overall.count;
  if ((rateNames as readonly string[]).includes(metric)) {
    const source = group === undefined ? report.overall : Object.hasOwn(report.byGroup, group) ? report.byGroup[group]! : null;
    if (source === null) return { value: null, interval: null, n: 0 };
    const estimate = source[metric as RateName];
    const interval = estimate.lower === null || estimate.upper === null ? null : { lower: estimate.lower, upper: estimate.upper };
    return { value: estimate.value, interval, n: source.count };
  }
  if (metric === 'theilIndex') return { value: report.theilIndex, interval: null, n: rowsOfWindow };
  if ((privilegedNames as readonly string[]).includes(metric)) {
    if (report.privileged === null) return { value: null, interval: null, n: rowsOfWindow };
    if (metric === 'averageOddsDifference' || metric === 'averageAbsOddsDifference') return { value: report.privileged[metric], interval: null, n: rowsOfWindow };
    const comparison = report.privileged[metric as 'disparateImpact' | 'statisticalParityDifference' | 'equalOpportunityGap'];
    return { value: comparison.value, interval: comparison.interval, n: rowsOfWindow };
  }
  const disparity = report[metric as (typeof disparityNames)[number]];
  if (method === 'toOverall') return { value: disparity.toOverall, interval: null, n: rowsOfWindow };
  return { value: disparity.betweenGroups, interval: disparity.interval, n: rowsOfWindow };
}

/**
 * Cells that reach the edges: no rows, rows without counts, a handful of rows (under
 * `minGroupSize`), no actual positives or negatives (a zero denominator), nothing selected,
 * and weighted counts that are not integers.
 */
const edgeCells: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(zero),
  fc.record({ tp: fc.nat(3), fp: fc.nat(3), tn: fc.nat(3), fn: fc.nat(3) }).map((c) => cell(c.tp, c.fp, c.tn, c.fn)),
  fc.record({ tp: fc.nat(60), fp: fc.nat(60), tn: fc.nat(60), fn: fc.nat(60) }).map((c) => cell(c.tp, c.fp, c.tn, c.fn)),
  fc.record({ fp: fc.nat(40), tn: fc.nat(40) }).map((c) => cell(0, c.fp, c.tn, 0)),
  fc.record({ tp: fc.nat(40), fn: fc.nat(40) }).map((c) => cell(c.tp, 0, 0, c.fn)),
  fc.record({ tn: fc.nat(40), fn: fc.nat(40) }).map((c) => cell(0, 0, c.tn, c.fn)),
  fc.record({ rows: fc.nat(5) }).map((c) => ({ ...zero, rows: c.rows })),
  fc.record({ tp: fc.nat(40), fp: fc.nat(40), tn: fc.nat(40), fn: fc.nat(40) }).map((c) => ({ ...cell(c.tp, c.fp, c.tn, c.fn), tp: c.tp * 0.75, fn: c.fn * 1.5 })),
);

/** Weekly windows of up to six groups, any of which may be absent, so that one window can hold a single group or none. */
const windowsArbitrary: fc.Arbitrary<FairnessWindow[]> = fc
  .array(fc.record({ groups: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), edgeCells, { maxKeys: 6 }), missing: fc.oneof(fc.constant(zero), edgeCells) }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((windows) =>
    windows.map((counts, week) => ({
      start: new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10),
      end: new Date(Date.UTC(2026, 0, 12 + 7 * week)).toISOString().slice(0, 10),
      counts,
    })),
  );

const optionsArbitrary = fc.record(
  {
    privilegedGroup: fc.constantFrom('a', 'b'),
    confidenceLevel: fc.constantFrom(0.8, 0.95, 0.99),
    minGroupSize: fc.constantFrom(0, 1, 5, 30),
    zeroDivision: fc.constantFrom(null, 0, 1),
  },
  { requiredKeys: ['privilegedGroup'] },
);

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
    // A name that every object inherits is still not a group (this threw a TypeError before).
    expect(fairnessSeries(docWindows, 'selectionRate', { group: 'toString' })[0]).toMatchObject({ value: null, n: 0, interval: null });
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

  it('gives, for every metric, the value, interval and rows of each window’s fairnessReport', () => {
    const seen = { gap: 0, privilegedAbsent: 0, singleGroup: 0, noGroup: 0, suppressed: 0, interval: 0 };
    fc.assert(
      fc.property(windowsArbitrary, optionsArbitrary, (windows, reportOptions) => {
        const cases: [FairnessMetric, FairnessSeriesOptions][] = [
          ...disparityNames.flatMap((metric): [FairnessMetric, FairnessSeriesOptions][] => [
            [metric, { ...reportOptions, method: 'betweenGroups' }],
            [metric, { ...reportOptions, method: 'toOverall' }],
          ]),
          ...privilegedNames.map((metric): [FairnessMetric, FairnessSeriesOptions] => [metric, reportOptions]),
          ['theilIndex', reportOptions],
          ...rateNames.flatMap((metric) => ([undefined, 'a', 'c', 'nobody'] as const).map((group): [FairnessMetric, FairnessSeriesOptions] => [metric, { ...reportOptions, group }])),
        ];
        for (const [metric, options] of cases) {
          const points = fairnessSeries(windows, metric, options);
          expect(points).toHaveLength(windows.length);
          windows.forEach((window, index) => {
            const expected = reportFigure(window.counts, metric, options);
            expect(points[index]).toEqual({ date: window.start, start: window.start, end: window.end, ...expected });
            if (expected.value === null) seen.gap += 1;
            if (expected.interval !== null) seen.interval += 1;
          });
        }
        for (const { counts } of windows) {
          const groups = Object.values(counts.groups);
          if (!Object.hasOwn(counts.groups, reportOptions.privilegedGroup)) seen.privilegedAbsent += 1;
          if (groups.length === 1) seen.singleGroup += 1;
          if (groups.length === 0) seen.noGroup += 1;
          if (groups.some((group) => group.rows < (reportOptions.minGroupSize ?? 0))) seen.suppressed += 1;
        }
      }),
      { numRuns: 60 },
    );
    // The windows reached every edge the comparison is meant to cover.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
    // About a second alone; several times that while the other packages' suites share the cores.
  }, 60_000);

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
    // Options are checked in each window, with fairnessReport's messages.
    expectRiskEngineError(() => fairnessSeries(docWindows, 'selectionRate', { confidenceLevel: 1 }), 'fairnessReport: confidenceLevel must be a number between 0 and 1 (exclusive), got 1');
    expectRiskEngineError(() => fairnessSeries(docWindows, 'theilIndex', { minGroupSize: -1 }), 'fairnessReport: minGroupSize must be a finite number ≥ 0, got -1');
    expectRiskEngineError(() => fairnessSeries(docWindows, 'disparateImpact', { privilegedGroup: 'a', zeroDivision: 2 as never }), 'fairnessReport: zeroDivision must be null, 0 or 1, got 2');
    expectRiskEngineError(() => fairnessSeries([{ ...docWindows[0]!, counts: { groups: {} } as never }], 'selectionRate'), 'fairnessSeries: windows[0].counts.missing must be a cell { tp, fp, tn, fn, rows }, got undefined');
    expect(fairnessSeries([], 'selectionRate', { confidenceLevel: 1 })).toEqual([]);
  });
});
