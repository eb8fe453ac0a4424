const mediumUtcDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * The locale's medium date (e.g. "1 Mar 2026") of an ISO date from the API, read in UTC so the
 * day does not shift west of Greenwich; null shows as an en dash, other text passes through.
 */
export function formatDate(isoDate: string | null | undefined): string {
  if (isoDate === null || isoDate === undefined || isoDate === '') return '–';
  const time = Date.parse(isoDate);
  return Number.isNaN(time) ? isoDate : mediumUtcDate.format(time);
}
