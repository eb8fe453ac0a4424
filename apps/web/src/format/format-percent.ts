import { formatNumber } from '@assay/ui';

/** A share from 0 to 1 as a whole percentage in the user's locale; null shows as an en dash. */
export function formatPercent(share: number | null | undefined): string {
  return formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}
