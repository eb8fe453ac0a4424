import { trend } from '@assay/risk-engine';
import type { KpiDirection } from '@assay/schema';

/** One reading of a KPI, as a measurement row holds it. */
export interface KpiReading {
  readonly measuredOn: string;
  readonly value: number;
}

/** The trend of a KPI as the API shows it: least-squares slope and the Mann–Kendall test. */
export interface KpiTrend {
  readonly slopePerDay: number | null;
  readonly tau: number | null;
  readonly pValue: number | null;
  readonly direction: 'increasing' | 'decreasing' | 'no trend';
}

/** The most recent reading by date (the rows may come in any order); null when there is none. */
export function latestReading(readings: readonly KpiReading[]): KpiReading | null {
  let latest: KpiReading | null = null;
  for (const reading of readings) {
    if (latest === null || reading.measuredOn > latest.measuredOn) latest = reading;
  }
  return latest;
}

/**
 * Whether a KPI value meets its target: at least the target when higher is better, at most it
 * when lower is better (reaching the target exactly counts as on target). Null without a value.
 */
export function isOnTarget(value: number | null, kpi: { direction: KpiDirection; target: number }): boolean | null {
  if (value === null) return null;
  return kpi.direction === 'higher-is-better' ? value >= kpi.target : value <= kpi.target;
}

/**
 * The trend of a KPI over its readings, from the risk engine's `trend`: the least-squares slope
 * per day (null with fewer than 2 readings) and the Mann–Kendall direction at p < 0.05 (`no trend`
 * with fewer than 3 readings, when tau and the p-value are null too). Whether a direction is good
 * news depends on the KPI's direction.
 */
export function kpiTrend(readings: readonly KpiReading[]): KpiTrend {
  const line = trend(readings.map((reading) => ({ date: reading.measuredOn, value: reading.value })));
  return {
    slopePerDay: line.slopePerDay,
    tau: line.mannKendall?.tau ?? null,
    pValue: line.mannKendall?.pValue ?? null,
    direction: line.mannKendall?.direction ?? 'no trend',
  };
}
