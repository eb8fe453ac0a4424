const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MILLISECONDS_PER_MINUTE = 60_000;

/**
 * Milliseconds since 1970-01-01T00:00Z of an ISO 8601 date (`2026-03-01`, midnight UTC) or
 * date-time (`2026-03-01T12:30`, `…:45.5Z`, `…+02:00`), or null when the text is not one (internal).
 * Unlike `Date.parse`, it rejects impossible calendar dates (`2026-02-30`, which `Date` rolls over
 * to 2 March) and reads a date-time without an offset as UTC, so the result never depends on the
 * time zone of the machine.
 */
export function parseIsoDate(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fractionText, offsetText] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  const milliseconds = fractionText === undefined ? 0 : Number(`0.${fractionText}`) * 1000;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offsetMinutes = parseOffset(offsetText);
  if (offsetMinutes === null) return null;
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, milliseconds);
  return date.getTime() - offsetMinutes * MILLISECONDS_PER_MINUTE;
}

/** The UTC calendar date (`YYYY-MM-DD`) of a time in milliseconds, or null after 9999-12-31 or before 0000-01-01 (internal). */
export function formatIsoDate(milliseconds: number): string | null {
  const date = new Date(milliseconds);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(year) || year < 0 || year > 9999) return null;
  return date.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === 2 && leap) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Minutes east of UTC for `Z`, `+02:00` or `-0530`; 0 when absent; null when out of range. */
function parseOffset(offsetText: string | undefined): number | null {
  if (offsetText === undefined || offsetText === 'Z') return 0;
  const sign = offsetText.startsWith('-') ? -1 : 1;
  const digits = offsetText.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
