import { RiskEngineError } from '../errors/risk-engine-error.js';
import { describe } from './prepare-series.js';
import type { ControlChart, ControlChartPeriod, ControlChartPoint, ControlChartRun } from './types.js';

/** Western Electric rule 2: this many consecutive points on one side of the centre line. */
const RUN_LENGTH = 8;

/**
 * A p-chart (Shewhart chart for proportions, Montgomery, Introduction to Statistical Quality
 * Control, §7.2) for incident or nonconformity rates per period, with limits that vary with each
 * period's size:
 * - centre line p̄ = Σ defects / Σ inspected;
 * - limits p̄ ± 3√(p̄(1 − p̄)/nᵢ), clipped to [0, 1], nᵢ the period's inspected count;
 * - `outOfControl` (rule 1): the proportion lies strictly outside its limits;
 * - `runs` (Western Electric rule 2): 8 or more consecutive periods on the same side of the
 *   centre line, each listed once as its longest stretch. A period exactly on the centre line ends
 *   a run; a period with nothing inspected is skipped (it neither counts nor ends a run). Runs are
 *   reported separately and do not set `outOfControl`.
 * A period with nothing inspected has null proportion and limits; with nothing inspected at all the
 * centre line is null too. Periods stay in input order, and labels are kept as given.
 *
 * @throws {RiskEngineError} when periods is not an array, a label is not text, a count is not a
 *   whole number ≥ 0, or defects exceed inspected, e.g.
 *   `controlChart: periods[1].defects (12) exceeds inspected (10)`.
 * @example
 * controlChart([
 *   { label: '2026-Q1', defects: 3, inspected: 100 },
 *   { label: '2026-Q2', defects: 12, inspected: 100 },
 *   { label: '2026-Q3', defects: 5, inspected: 200 },
 * ]);
 * // p̄ = 20/400 = 0.05; for n = 100, 3√(0.05 × 0.95/100) = 0.0654, so 0 to 0.1154 and Q2 is out;
 * // for n = 200, 3√(0.05 × 0.95/200) = 0.0462, so 0.0038 to 0.0962:
 * // { centreLine: 0.05,
 * //   points: [
 * //     { label: '2026-Q1', proportion: 0.03, lowerLimit: 0, upperLimit: 0.1153834841531101, outOfControl: false },
 * //     { label: '2026-Q2', proportion: 0.12, lowerLimit: 0, upperLimit: 0.1153834841531101, outOfControl: true },
 * //     { label: '2026-Q3', proportion: 0.025, lowerLimit: 0.0037668949777326793, upperLimit: 0.09623310502226733, outOfControl: false } ],
 * //   outOfControl: ['2026-Q2'], runs: [] }
 */
export function controlChart(periods: readonly ControlChartPeriod[]): ControlChart {
  checkPeriods(periods);
  const totalDefects = periods.reduce((sum, period) => sum + period.defects, 0);
  const totalInspected = periods.reduce((sum, period) => sum + period.inspected, 0);
  const centreLine = totalInspected > 0 ? totalDefects / totalInspected : null;
  const points = periods.map((period): ControlChartPoint => {
    if (centreLine === null || period.inspected === 0) {
      return { label: period.label, proportion: null, lowerLimit: null, upperLimit: null, outOfControl: false };
    }
    const proportion = period.defects / period.inspected;
    // Three standard errors of a proportion from this period's size.
    const spread = 3 * Math.sqrt((centreLine * (1 - centreLine)) / period.inspected);
    const lowerLimit = Math.max(0, centreLine - spread);
    const upperLimit = Math.min(1, centreLine + spread);
    return { label: period.label, proportion, lowerLimit, upperLimit, outOfControl: proportion < lowerLimit || proportion > upperLimit };
  });
  return {
    centreLine,
    points,
    outOfControl: points.filter((point) => point.outOfControl).map((point) => point.label),
    runs: runsOnOneSide(periods, totalDefects, totalInspected),
  };
}

function checkPeriods(periods: readonly ControlChartPeriod[]): void {
  if (!Array.isArray(periods)) {
    throw new RiskEngineError(`controlChart: periods must be an array of { label, defects, inspected }, got ${describe(periods)}`);
  }
  periods.forEach((period: unknown, index) => {
    if (typeof period !== 'object' || period === null) {
      throw new RiskEngineError(`controlChart: periods[${index}] must be an object { label, defects, inspected }, got ${describe(period)}`);
    }
    const { label, defects, inspected } = period as { label?: unknown; defects?: unknown; inspected?: unknown };
    if (typeof label !== 'string') {
      throw new RiskEngineError(`controlChart: periods[${index}].label must be text, got ${describe(label)}`);
    }
    for (const [name, count] of [['defects', defects], ['inspected', inspected]] as const) {
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
        throw new RiskEngineError(`controlChart: periods[${index}].${name} must be a whole number ≥ 0, got ${describe(count)}`);
      }
    }
    if ((defects as number) > (inspected as number)) {
      throw new RiskEngineError(`controlChart: periods[${index}].defects (${String(defects)}) exceeds inspected (${String(inspected)})`);
    }
  });
}

/**
 * The maximal stretches of at least RUN_LENGTH counted periods on one side of p̄ = D/N. The side
 * of dᵢ/nᵢ against D/N is the sign of dᵢ·N − D·nᵢ, exact in whole numbers, so a period that lies on
 * the centre line is recognised without rounding error.
 */
function runsOnOneSide(periods: readonly ControlChartPeriod[], totalDefects: number, totalInspected: number): ControlChartRun[] {
  const runs: ControlChartRun[] = [];
  let side: 'above' | 'below' | null = null;
  let startIndex = 0;
  let endIndex = 0;
  let length = 0;
  const close = (): void => {
    if (side !== null && length >= RUN_LENGTH) {
      const first = periods[startIndex] as ControlChartPeriod;
      const last = periods[endIndex] as ControlChartPeriod;
      runs.push({ side, startIndex, endIndex, firstLabel: first.label, lastLabel: last.label, length });
    }
  };
  periods.forEach((period, index) => {
    if (period.inspected === 0) return;
    const pointSide = sideOfCentre(period.defects * totalInspected - totalDefects * period.inspected);
    if (pointSide !== null && pointSide === side) {
      endIndex = index;
      length += 1;
      return;
    }
    close();
    side = pointSide;
    startIndex = index;
    endIndex = index;
    length = pointSide === null ? 0 : 1;
  });
  close();
  return runs;
}

/** Which side of the centre line a point lies on, from dᵢ·N − D·nᵢ; null on the line. */
function sideOfCentre(difference: number): 'above' | 'below' | null {
  if (difference > 0) return 'above';
  if (difference < 0) return 'below';
  return null;
}
