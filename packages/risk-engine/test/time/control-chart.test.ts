import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlChart } from '../../src/time/control-chart.js';
import type { ControlChartPeriod } from '../../src/time/types.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';

/** Periods of 100 inspections with the given defect counts, labelled P0, P1, …. */
const periodsOf = (defects: readonly number[]): ControlChartPeriod[] => defects.map((count, index) => ({ label: `P${index}`, defects: count, inspected: 100 }));

describe('controlChart', () => {
  it('repeats the doc example', () => {
    // p̄ = (3 + 12 + 5)/(100 + 100 + 200) = 0.05. n = 100: 3√(0.0475/100) = 0.065383, limits
    // max(0, −0.0154) = 0 and 0.115383; 0.12 is above. n = 200: 3√(0.0475/200) = 0.046233, limits
    // 0.003767 and 0.096233 (Python math: 0.0037668949777326793, 0.09623310502226733).
    expect(
      controlChart([
        { label: '2026-Q1', defects: 3, inspected: 100 },
        { label: '2026-Q2', defects: 12, inspected: 100 },
        { label: '2026-Q3', defects: 5, inspected: 200 },
      ]),
    ).toEqual({
      centreLine: 0.05,
      points: [
        { label: '2026-Q1', proportion: 0.03, lowerLimit: 0, upperLimit: 0.1153834841531101, outOfControl: false },
        { label: '2026-Q2', proportion: 0.12, lowerLimit: 0, upperLimit: 0.1153834841531101, outOfControl: true },
        { label: '2026-Q3', proportion: 0.025, lowerLimit: 0.0037668949777326793, upperLimit: 0.09623310502226733, outOfControl: false },
      ],
      outOfControl: ['2026-Q2'],
      runs: [],
    });
  });

  it('flags a point below a positive lower limit', () => {
    // p̄ = (0 + 60 + 60)/1200 = 0.1; for n = 400, 3√(0.09/400) = 0.045, so limits 0.055 to 0.145:
    // 0/400 = 0 is below. For n = 400 twice more: 60/400 = 0.15 is above 0.145.
    const chart = controlChart([
      { label: 'a', defects: 0, inspected: 400 },
      { label: 'b', defects: 60, inspected: 400 },
      { label: 'c', defects: 60, inspected: 400 },
    ]);
    expect(chart.centreLine).toBeCloseTo(0.1, 15);
    expect(chart.points[0]?.lowerLimit).toBeCloseTo(0.055, 15);
    expect(chart.points[0]?.upperLimit).toBeCloseTo(0.145, 15);
    expect(chart.outOfControl).toEqual(['a', 'b', 'c']);
  });

  it('gives null proportion and limits to a period with nothing inspected', () => {
    const chart = controlChart([
      { label: 'a', defects: 2, inspected: 20 },
      { label: 'empty', defects: 0, inspected: 0 },
    ]);
    // p̄ = 2/20 = 0.1; the empty period does not count.
    expect(chart.centreLine).toBe(0.1);
    expect(chart.points[1]).toEqual({ label: 'empty', proportion: null, lowerLimit: null, upperLimit: null, outOfControl: false });
  });

  it('handles no periods, nothing inspected at all, and a centre line of 0', () => {
    expect(controlChart([])).toEqual({ centreLine: null, points: [], outOfControl: [], runs: [] });
    expect(controlChart([{ label: 'a', defects: 0, inspected: 0 }])).toEqual({
      centreLine: null,
      points: [{ label: 'a', proportion: null, lowerLimit: null, upperLimit: null, outOfControl: false }],
      outOfControl: [],
      runs: [],
    });
    // No defects anywhere: p̄ = 0, both limits 0, nothing out of control, all points on the line.
    expect(controlChart(periodsOf([0, 0]))).toMatchObject({ centreLine: 0, points: [{ lowerLimit: 0, upperLimit: 0, outOfControl: false }, {}], outOfControl: [], runs: [] });
    // One period alone is its own centre line.
    expect(controlChart(periodsOf([7])).points[0]).toMatchObject({ proportion: 0.07, outOfControl: false });
  });

  it('finds a run of 8 below the centre line, but not of 7', () => {
    // 8 periods at 4 % then 8 at 6 %: p̄ = 5 %; the first 8 are below, the last 8 above.
    expect(controlChart(periodsOf([4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6, 6, 6, 6, 6, 6])).runs).toEqual([
      { side: 'below', startIndex: 0, endIndex: 7, firstLabel: 'P0', lastLabel: 'P7', length: 8 },
      { side: 'above', startIndex: 8, endIndex: 15, firstLabel: 'P8', lastLabel: 'P15', length: 8 },
    ]);
    // 7 at 4 % then 7 at 6 %: p̄ = 5 %, runs of 7 only.
    expect(controlChart(periodsOf([4, 4, 4, 4, 4, 4, 4, 6, 6, 6, 6, 6, 6, 6])).runs).toEqual([]);
  });

  it('lets a point on the centre line end a run, and skips periods with nothing inspected', () => {
    // (4 × 4 + 5 + 4 × 4 + 8 × 6)/1700 = 85/1700 = 5 %, so the 5 % point lies on the centre line
    // (5 × 1700 = 85 × 100 exactly) and splits the eight 4 % points into two runs of 4.
    const chart = controlChart(periodsOf([4, 4, 4, 4, 5, 4, 4, 4, 4, 6, 6, 6, 6, 6, 6, 6, 6]));
    expect(chart.centreLine).toBe(0.05);
    expect(chart.runs).toEqual([{ side: 'above', startIndex: 9, endIndex: 16, firstLabel: 'P9', lastLabel: 'P16', length: 8 }]);
    // A period with nothing inspected inside a run neither counts nor breaks it.
    const gap = [...periodsOf([4, 4, 4, 4]), { label: 'gap', defects: 0, inspected: 0 }, ...periodsOf([4, 4, 4, 4, 6, 6, 6, 6, 6, 6, 6, 6])].map((period, index) => ({ ...period, label: `Q${index}` }));
    expect(controlChart(gap).runs[0]).toEqual({ side: 'below', startIndex: 0, endIndex: 8, firstLabel: 'Q0', lastLabel: 'Q8', length: 8 });
  });

  it('does not change its input', () => {
    const periods = deepFreeze(periodsOf([1, 2, 3]));
    const copy = structuredClone(periods);
    controlChart(periods);
    expect(periods).toEqual(copy);
  });

  it.each<[string, unknown, string]>([
    ['negative defects', [{ label: 'a', defects: -1, inspected: 10 }], 'controlChart: periods[0].defects must be a whole number ≥ 0, got -1'],
    ['negative inspections', [{ label: 'a', defects: 0, inspected: -5 }], 'controlChart: periods[0].inspected must be a whole number ≥ 0, got -5'],
    ['fractional defects', [{ label: 'a', defects: 1.5, inspected: 10 }], 'controlChart: periods[0].defects must be a whole number ≥ 0, got 1.5'],
    ['more defects than inspections', [{ label: 'a', defects: 1, inspected: 10 }, { label: 'b', defects: 12, inspected: 10 }], 'controlChart: periods[1].defects (12) exceeds inspected (10)'],
    ['a missing label', [{ defects: 1, inspected: 10 }], 'controlChart: periods[0].label must be text, got undefined'],
    ['a period that is not an object', [7], 'controlChart: periods[0] must be an object { label, defects, inspected }, got 7'],
    ['periods that are not an array', null, 'controlChart: periods must be an array of { label, defects, inspected }, got null'],
  ])('rejects %s', (_case, periods, message) => {
    expectRiskEngineError(() => controlChart(periods as ControlChartPeriod[]), message);
  });

  it('keeps limits in [0, 1] around the centre line and never returns NaN', () => {
    const period = fc.integer({ min: 0, max: 500 }).chain((inspected) => fc.record({ label: fc.string(), inspected: fc.constant(inspected), defects: fc.integer({ min: 0, max: inspected }) }));
    fc.assert(
      fc.property(fc.array(period, { maxLength: 25 }), (periods) => {
        const chart = controlChart(periods);
        for (const point of chart.points) {
          if (point.lowerLimit === null || point.upperLimit === null || chart.centreLine === null) continue;
          expect(point.lowerLimit).toBeGreaterThanOrEqual(0);
          expect(point.upperLimit).toBeLessThanOrEqual(1);
          expect(point.lowerLimit).toBeLessThanOrEqual(chart.centreLine + 1e-15);
          expect(point.upperLimit).toBeGreaterThanOrEqual(chart.centreLine - 1e-15);
          expect(Number.isNaN(point.proportion)).toBe(false);
        }
        for (const run of chart.runs) expect(run.length).toBeGreaterThanOrEqual(8);
      }),
    );
  });
});
