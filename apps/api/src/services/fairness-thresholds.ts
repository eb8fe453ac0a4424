import { fairnessSeries, type FairnessWindow as EngineWindow, type GroupCounts } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import type { Organisation } from '../entities/organisation.entity.js';
import { FairnessThreshold } from '../entities/fairness-threshold.entity.js';
import type { FairnessWindow } from '../entities/fairness-window.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { metricLabels } from '../resolvers/fairness.type.js';
import { gatheredWindows, thresholdWindowRows } from './fairness-windows.js';

/** A threshold's metric on one window, and whether it is breached; null when the window cannot define it. */
export function thresholdBreach(threshold: FairnessThreshold, window: { start: string; end: string; counts: GroupCounts }): { value: number; n: number; breached: boolean } | null {
  const [point] = fairnessSeries([window], threshold.metric, {
    ...(threshold.privilegedGroup !== null ? { privilegedGroup: threshold.privilegedGroup } : {}),
    minGroupSize: threshold.minGroupSize,
  });
  if (point === undefined || point.value === null) return null;
  const breached = threshold.direction === 'below' ? point.value < threshold.value : point.value > threshold.value;
  return { value: point.value, n: point.n, breached };
}

/**
 * Checks a newly stored window against the thresholds of its AI system and attribute. A breach
 * opens a monitoring finding (clause 9.1 feeding 10.2: a minor nonconformity against A.6.2.6,
 * linked to the AI system, the threshold's risk and the threshold) and asks for that risk to be
 * re-assessed. While a finding for the threshold is open, further breaches add nothing: they
 * are the same nonconformity. Returns the findings opened.
 */
export async function raiseBreachFindings(em: EntityManager, window: FairnessWindow, counts: GroupCounts, today: string): Promise<Finding[]> {
  const thresholds = await em.find(FairnessThreshold, { aiSystem: window.aiSystem, attribute: window.attribute }, { populate: ['risk'], orderBy: { createdAt: 'asc' } });
  const opened: Finding[] = [];
  for (const threshold of thresholds) {
    const result = thresholdBreach(threshold, { start: window.startsOn, end: window.endsOn, counts });
    if (result === null || !result.breached) continue;
    if ((await em.count(Finding, { threshold, status: 'open' })) > 0) continue;
    const fields = breachFindingFields(threshold, { attribute: window.attribute, start: window.startsOn, end: window.endsOn }, result, today);
    const finding = em.create(Finding, {
      organisation: window.organisation,
      ...fields,
      aiSystem: window.aiSystem,
      risk: threshold.risk,
      threshold,
    });
    if (threshold.risk !== null) threshold.risk.reassessmentReason = `Monitoring finding of ${fields.raisedOn}: ${fields.description}`;
    opened.push(finding);
  }
  return opened;
}

/**
 * What a monitoring finding for a breach says and where it stands: a minor nonconformity against
 * A.6.2.6 under clause 9.1, raised on the window's last day (or today, for a window not yet over).
 */
export function breachFindingFields(
  threshold: Pick<FairnessThreshold, 'metric' | 'direction' | 'privilegedGroup' | 'value'>,
  window: { attribute: string; start: string; end: string },
  reading: { value: number; n: number },
  today: string,
) {
  const side = threshold.direction === 'below' ? 'below' : 'above';
  const against = threshold.privilegedGroup === null ? '' : ` against ${threshold.privilegedGroup}`;
  return {
    source: 'monitoring' as const,
    kind: 'minor-nonconformity' as const,
    clauseId: '9.1',
    controlId: 'A.6.2.6',
    description: `${metricLabels[threshold.metric]} by ${window.attribute}${against} was ${reading.value.toFixed(3)} in the week from ${window.start} to ${window.end} (${reading.n} decisions), ${side} the threshold of ${threshold.value}.`,
    raisedOn: window.end <= today ? window.end : today,
  };
}

/** A threshold's metric on the latest window of its AI system and attribute. */
export interface ThresholdReading {
  readonly start: string;
  readonly end: string;
  /** Null when the window cannot define the metric (a group missing or too small). */
  readonly value: number | null;
  readonly n: number;
  readonly breached: boolean;
}

/** The latest window of every AI system and attribute that carries a threshold in the organisation, keyed "systemId attribute". */
export async function latestThresholdWindows(em: EntityManager, organisation: Organisation): Promise<Map<string, EngineWindow>> {
  const latest = new Map<string, EngineWindow>();
  for (const [key, rows] of await thresholdWindowRows(em, organisation, 'latest')) latest.set(key, gatheredWindows(rows).at(-1)!);
  return latest;
}

/** The reading of a threshold on its latest window, or null when it has no window yet. */
export function thresholdReading(threshold: FairnessThreshold, window: { start: string; end: string; counts: GroupCounts } | undefined): ThresholdReading | null {
  if (window === undefined) return null;
  const reading = thresholdBreach(threshold, window);
  return { start: window.start, end: window.end, value: reading?.value ?? null, n: reading?.n ?? 0, breached: reading?.breached ?? false };
}
