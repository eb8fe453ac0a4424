import { riskExposure, type RiskExposure } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import type { Organisation } from '../entities/organisation.entity.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import { badInput } from '../errors.js';
import { criteriaOf, onScale } from './risk-criteria.js';

export type TrendInterval = 'week' | 'month';

/** Period ends from `from` to `to` (both included as far as a whole step reaches), weekly or monthly. */
export function periodEnds(from: string, to: string, interval: TrendInterval): string[] {
  const ends: string[] = [];
  const cursor = new Date(`${from}T00:00:00Z`);
  const last = new Date(`${to}T00:00:00Z`);
  const day = cursor.getUTCDate();
  for (let step = 1; ends.length < 1000; step += 1) {
    const next = new Date(cursor);
    if (interval === 'week') next.setUTCDate(cursor.getUTCDate() + 7 * step);
    else {
      // Month ends keep the starting day, clamped to short months (31 January → 28 February).
      next.setUTCDate(1);
      next.setUTCMonth(cursor.getUTCMonth() + step);
      const daysInMonth = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
      next.setUTCDate(Math.min(day, daysInMonth));
    }
    if (next > last) break;
    ends.push(next.toISOString().slice(0, 10));
  }
  if (ends.length === 1000) throw badInput('interval', 'gives more than 1,000 periods; choose a longer interval or a shorter span');
  return ends;
}

export interface ExposurePoint {
  readonly date: string;
  readonly inherent: RiskExposure;
  readonly residual: RiskExposure;
}

/**
 * The risk register's exposure at the end of each period, rebuilt from the assessment history:
 * each risk counts with its latest assessment made on or before that day (risks not yet assessed
 * do not count). Residual exposure takes the residual rating where one was given, else the
 * inherent one (an untreated risk keeps its inherent level). Every point is scored on the
 * organisation's criteria of today, so the series stays comparable after they change; a past
 * rating above the top of a scale that has since shrunk counts at its top.
 */
export async function exposureOverTime(em: EntityManager, organisation: Organisation, dates: readonly string[]): Promise<ExposurePoint[]> {
  const { matrix } = await criteriaOf(em, organisation);
  const assessments = await em.find(RiskAssessment, { risk: { organisation } }, { orderBy: { assessedAt: 'asc', id: 'asc' }, fields: ['risk', 'assessedAt', 'likelihood', 'impact', 'residualLikelihood', 'residualImpact'] });
  const latest = new Map<string, (typeof assessments)[number]>();
  let next = 0;
  return dates.map((date) => {
    const endOfDay = new Date(`${date}T23:59:59.999Z`);
    while (next < assessments.length && assessments[next]!.assessedAt <= endOfDay) {
      const assessment = assessments[next]!;
      latest.set(assessment.risk.id, assessment);
      next += 1;
    }
    const current = [...latest.values()];
    return {
      date,
      inherent: riskExposure(current.map((entry) => ({ id: entry.risk.id, ...onScale({ likelihood: entry.likelihood, impact: entry.impact }, matrix) })), matrix),
      residual: riskExposure(
        current.map((entry) => ({ id: entry.risk.id, ...onScale({ likelihood: entry.residualLikelihood ?? entry.likelihood, impact: entry.residualImpact ?? entry.impact }, matrix) })),
        matrix,
      ),
    };
  });
}
