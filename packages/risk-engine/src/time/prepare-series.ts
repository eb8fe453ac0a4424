import { RiskEngineError } from '../errors/risk-engine-error.js';
import { parseIsoDate } from './parse-iso-date.js';
import type { SeriesPoint } from './types.js';

const MILLISECONDS_PER_DAY = 86_400_000;

/** A point with a value, ready for the over-time functions (internal). */
export interface PreparedPoint {
  /** Position in the caller's array. */
  readonly index: number;
  /** The date as given. */
  readonly date: string;
  /** Milliseconds since 1970-01-01T00:00Z. */
  readonly time: number;
  /** Days since the first point used (0 for it). */
  readonly day: number;
  readonly value: number;
}

/**
 * Checks a series, leaves out its gaps (null values) and sorts the rest by date, points on the
 * same date keeping their input order (internal). The caller's array is not changed.
 * Cost: O(n log n).
 *
 * @throws {RiskEngineError} when the series is not an array, a point is not an object, a date is
 *   not an ISO 8601 date, or a value is neither a finite number nor null, naming the point, e.g.
 *   `trend: series[3].date is not a valid ISO date, got "2026-13-01"`.
 */
export function prepareSeries(functionName: string, series: readonly SeriesPoint[]): PreparedPoint[] {
  if (!Array.isArray(series)) {
    throw new RiskEngineError(`${functionName}: series must be an array of points, got ${describe(series)}`);
  }
  const timed: Omit<PreparedPoint, 'day'>[] = [];
  series.forEach((point: unknown, index) => {
    if (typeof point !== 'object' || point === null) {
      throw new RiskEngineError(`${functionName}: series[${index}] must be a point { date, value }, got ${describe(point)}`);
    }
    const { date, value } = point as { date?: unknown; value?: unknown };
    const time = parseIsoDate(date);
    if (time === null) {
      throw new RiskEngineError(`${functionName}: series[${index}].date is not a valid ISO date, got ${describe(date)}`);
    }
    if (value === null) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RiskEngineError(`${functionName}: series[${index}].value must be a finite number or null, got ${describe(value)}`);
    }
    timed.push({ index, date: date as string, time, value });
  });
  // Array.prototype.sort is stable, so points on the same date keep their input order.
  timed.sort((left, right) => left.time - right.time);
  const origin = timed[0]?.time ?? 0;
  return timed.map((point) => ({ ...point, day: (point.time - origin) / MILLISECONDS_PER_DAY }));
}

/** A value as an error message shows it: text in quotes, anything else as String() writes it. */
export function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
