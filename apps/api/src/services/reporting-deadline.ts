import { addDays } from './dates.js';
import { type SeriousIncidentCase, seriousIncidentDeadlines } from '@assay/schema';

/** Days to report, by case (Art. 73); null for an incident that is not serious. */
const DAYS_TO_REPORT: Readonly<Record<SeriousIncidentCase, number | null>> = {
  none: null,
  general: seriousIncidentDeadlines.general,
  'widespread-or-critical-infrastructure': seriousIncidentDeadlines.widespreadOrCriticalInfrastructure,
  death: seriousIncidentDeadlines.death,
};

/**
 * The last day to report a serious incident under Art. 73 of the EU AI Act: the day the
 * organisation became aware plus 15 days in general, 2 for a widespread infringement or serious
 * disruption of critical infrastructure, 10 for a death. Null for an incident that is not serious.
 */
export function reportingDeadline(awareOn: string, seriousCase: SeriousIncidentCase): string | null {
  const days = DAYS_TO_REPORT[seriousCase];
  if (days === null) return null;
  return addDays(awareOn, days);
}
