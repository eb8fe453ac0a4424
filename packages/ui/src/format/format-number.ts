/** Formats a number for display in the user's locale; `null` (an undefined rate) shows as an en dash. */
export function formatNumber(value: number | null | undefined, options: Intl.NumberFormatOptions = {}, locale?: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, ...options }).format(value);
}
