const DAY_MS = 86_400_000;

/** The ISO date (YYYY-MM-DD, UTC) a number of days after another; negative days go back. */
export function isoDateAddDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}
