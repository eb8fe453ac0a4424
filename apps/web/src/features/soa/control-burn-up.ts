import { isoDateAddDays } from '../../format/iso-date-add-days.js';
import { DONE, type SoaRow } from './soa.js';

/** One month end of the burn-up: applicable controls implemented by then, due by then, and applicable in all. */
export interface BurnUpPoint {
  date: string;
  /** Null for the months after the current one: what will be implemented is not known yet. */
  implemented: number | null;
  planned: number;
  scope: number;
}

/** The last day of the month of an ISO date. */
function monthEnd(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * The implementation burn-up of the applicable Annex A controls (of one objective, or all when
 * `objective` is null), at each month end from the month of the first implementation or due date
 * to the month of the last one or of today, whichever is later. A control counts as implemented
 * from its implementation date (from the first month when it is done without one), and as planned
 * from its due date, or from its implementation date when it has no due date. The implemented
 * line stops at the current month; the planned one runs on.
 */
export function controlBurnUp(rows: readonly SoaRow[], objective: string | null, today: string): BurnUpPoint[] {
  const applicable = rows.filter((row) => row.applicable && (objective === null || row.control.objectiveId === objective));
  const dates = applicable.flatMap((row) => [row.implementedDate, row.dueDate]).filter((date): date is string => date != null);
  if (dates.length === 0) return [];
  dates.sort();
  const first = monthEnd(dates[0]!);
  const current = monthEnd(today);
  const last = monthEnd(dates.at(-1)! > today ? dates.at(-1)! : today);
  const points: BurnUpPoint[] = [];
  for (let end = first; end <= last; end = monthEnd(isoDateAddDays(end, 1))) {
    points.push({
      date: end,
      implemented: end > current ? null : applicable.filter((row) => DONE.has(row.implementationStatus) && (row.implementedDate == null || row.implementedDate <= end)).length,
      planned: applicable.filter((row) => {
        const planned = row.dueDate ?? row.implementedDate;
        return planned != null && planned <= end;
      }).length,
      scope: applicable.length,
    });
  }
  return points;
}
