import { RiskEngineError } from '../errors/risk-engine-error.js';
import { formatIsoDate } from '../time/parse-iso-date.js';

const MILLISECONDS_PER_DAY = 86_400_000;

/** The ISO date of a day count since 1970-01-01 (fractions dropped), or an error after 9999-12-31 (internal). */
export function isoDateOfDay(functionName: string, day: number): string {
  const date = formatIsoDate(Math.floor(day) * MILLISECONDS_PER_DAY);
  if (date === null) throw new RiskEngineError(`${functionName}: the projected dates run past 9999-12-31`);
  return date;
}

/**
 * The ISO date `months` calendar months after an ISO date, on the same day of the month or the
 * month's last day when it is shorter (2026-01-31 + 1 month = 2026-02-28) (internal).
 */
export function addMonths(functionName: string, date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  // Day 0 of the following month is the last day of the target month.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(targetYear, targetMonth + 1, 0);
  const result = new Date(0);
  result.setUTCFullYear(targetYear, targetMonth, Math.min(day, lastDay.getUTCDate()));
  return isoDateOfDay(functionName, result.getTime() / MILLISECONDS_PER_DAY);
}
