/** How many days ahead an expiry counts as due soon. */
export const DUE_SOON_DAYS = 30;

const MILLISECONDS_PER_DAY = 86_400_000;

/**
 * Whether a training record has expired or expires soon, on `today` (both YYYY-MM-DD). `expiresOn`
 * is the last day it is valid: the record has expired from the day after; it is due soon from
 * DUE_SOON_DAYS days before that day up to and including it. A record without an expiry date is
 * neither.
 */
export function expiryFlags(expiresOn: string | null, today: string): { expired: boolean; dueSoon: boolean } {
  if (expiresOn === null) return { expired: false, dueSoon: false };
  const daysLeft = (Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / MILLISECONDS_PER_DAY;
  return { expired: daysLeft < 0, dueSoon: daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS };
}
