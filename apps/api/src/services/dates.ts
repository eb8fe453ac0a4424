import { badInput } from '../errors.js';

/** A calendar date as YYYY-MM-DD that exists (no 30 February); returns it trimmed. */
export function checkDate(field: string, raw: string): string {
  const value = raw.trim();
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw badInput(field, `must be a date as YYYY-MM-DD, got "${raw}"`);
  }
  return value;
}

/** Today's date in UTC as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** An action is overdue when it is not completed and its due date has passed. */
export function isOverdue(dueDate: string, completedOn: string | null, today = todayIso()): boolean {
  return completedOn === null && dueDate < today;
}

/** The Monday on or before a date (weeks run Monday to Sunday), as YYYY-MM-DD. */
export function mondayOnOrBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** A date plus some days (negative for earlier), as YYYY-MM-DD. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
