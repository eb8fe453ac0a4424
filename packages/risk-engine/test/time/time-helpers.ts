import fc from 'fast-check';
import type { SeriesPoint } from '../../src/time/types.js';

/** The ISO date `day` days after 2026-01-01. */
export function dayDate(day: number): string {
  return new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Series of up to 30 points on days 0–60 (dates may repeat), with some gaps. */
export function seriesArbitrary({ integerValues }: { integerValues: boolean }): fc.Arbitrary<SeriesPoint[]> {
  const value = integerValues ? fc.integer({ min: -1000, max: 1000 }) : fc.double({ min: -1e6, max: 1e6, noNaN: true });
  return fc.array(
    fc.record({ date: fc.integer({ min: 0, max: 60 }).map(dayDate), value: fc.option(value, { freq: 5 }) }),
    { maxLength: 30 },
  );
}
