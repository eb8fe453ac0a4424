import { controlChart } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { AiObjective } from '../entities/ai-objective.entity.js';
import { Audit } from '../entities/audit.entity.js';
import { ContextIssue } from '../entities/context-issue.entity.js';
import { CorrectiveAction } from '../entities/corrective-action.entity.js';
import { FairnessThreshold } from '../entities/fairness-threshold.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { InterestedParty } from '../entities/interested-party.entity.js';
import { ManagementReview } from '../entities/management-review.entity.js';
import type { Organisation } from '../entities/organisation.entity.js';
import { ReviewAction } from '../entities/review-action.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { computeProjection, computeReadiness } from '../services/certification-inputs.js';
import { checkDate, todayIso } from '../services/dates.js';
import { computeFairnessTrend } from '../services/fairness-trend.js';
import { gatheredWindows, thresholdWindowRows } from '../services/fairness-windows.js';
import { isOnTarget, kpiTrend, latestReading } from '../services/objective-kpi.js';
import { changePlace, KeptAnswers } from '../services/kept-answers.js';
import { exposureOverTime } from '../services/risk-history.js';
import { ManagementReviewPackView, type ControlChartView, type KpiResultView, type MonitoringResultView } from './review-pack.type.js';
import { exposureView } from './risk-trend.resolver.js';

const NONCONFORMITIES = ['major-nonconformity', 'minor-nonconformity'] as const;

function yearBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString().slice(0, 10);
}

/** Calendar months (YYYY-MM) from the month of `from` to the month of `to`. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]; `${year}-${String(month).padStart(2, '0')}` <= to.slice(0, 7); month === 12 ? ((year += 1), (month = 1)) : (month += 1)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

/** The share of corrective actions due each month that were completed late or not at all, as a p-chart. */
function lateActionsChart(actions: readonly CorrectiveAction[], since: string, asOf: string): ControlChartView {
  const periods = monthsBetween(since, asOf).map((month) => {
    const due = actions.filter((action) => action.dueDate.startsWith(month) && action.dueDate <= asOf);
    const late = due.filter((action) => action.completedOn === null || action.completedOn > action.dueDate);
    return { label: month, defects: late.length, inspected: due.length };
  });
  const chart = controlChart(periods);
  return {
    measure: 'Corrective actions due in the month that were completed late or are still open',
    centreLine: chart.centreLine,
    points: chart.points.map((point, index) => ({ ...point, defects: periods[index]!.defects, inspected: periods[index]!.inspected })),
    runs: chart.runs.flatMap((run) => periods.slice(run.startIndex, run.endIndex + 1).map((period) => period.label)),
  };
}

/** A threshold's metric over its windows up to a day, as the pack reports it. */
type ThresholdTrend = Pick<MonitoringResultView, 'latest' | 'latestEnd' | 'breached' | 'trend' | 'slopePerDay' | 'projectedBreach' | 'latestShift'>;

/**
 * The trend of every threshold's metric over its windows up to `day`, by threshold id: the costly
 * part of a pack (an organisation with a model per threshold has a thousand series of two years'
 * windows), so kept between requests while nothing changes (`keptTrends`).
 */
async function thresholdTrends(em: EntityManager, organisation: Organisation, thresholds: readonly FairnessThreshold[], day: string): Promise<Map<string, ThresholdTrend>> {
  const windowRows = await thresholdWindowRows(em, organisation, { to: day });
  const trends = new Map<string, ThresholdTrend>();
  for (const threshold of thresholds) {
    const windows = gatheredWindows(windowRows.get(`${threshold.aiSystem.id} ${threshold.attribute}`) ?? []);
    const computed = computeFairnessTrend(windows, threshold.metric, {
      ...(threshold.privilegedGroup !== null ? { privilegedGroup: threshold.privilegedGroup } : {}),
      minGroupSize: threshold.minGroupSize,
      threshold: threshold.value,
      direction: threshold.direction,
    });
    trends.set(threshold.id, {
      latest: computed.latest,
      latestEnd: computed.points.filter((point) => point.value !== null).at(-1)?.end ?? null,
      breached: computed.breached,
      trend: computed.trend.direction,
      slopePerDay: computed.trend.slopePerDay,
      projectedBreach: computed.projectedBreach?.date ?? null,
      latestShift: computed.changePoints.at(-1)?.startDate ?? null,
    });
  }
  return trends;
}

/** Threshold trends already computed, by organisation and day (packs are asked for today, again and again). */
const keptTrends = new KeptAnswers<Map<string, ThresholdTrend>>(50);

@Resolver()
export class ReviewPackResolver {
  @Query(() => ManagementReviewPackView, {
    description:
      'The management review pack: the inputs of ISO/IEC 42001 clause 9.3.2 computed from the records since the last review (actions, context changes, nonconformity and monitoring trends, audit results, opportunities), with the risk movement and the certification outlook.',
  })
  async managementReviewPack(@Arg('asOf', () => String, { nullable: true, description: 'Default: today.' }) asOf: string | null, @Ctx() context: Context): Promise<ManagementReviewPackView> {
    const { organisation } = viewerOf(context).membership;
    const em = context.em;
    const day = asOf == null ? todayIso() : checkDate('asOf', asOf);
    const lastReview = await em.findOne(ManagementReview, { organisation, heldOn: { $lt: day } }, { orderBy: { heldOn: 'desc' } });
    const since = lastReview?.heldOn ?? yearBefore(day);
    const inPeriod = { $gt: since, $lte: day };

    // (a) Actions of earlier reviews: still open, or completed since the last review.
    const reviewActions = await em.find(ReviewAction, { organisation, review: { heldOn: { $lt: day } } }, { orderBy: { dueDate: 'asc' } });
    const relevant = reviewActions.filter((action) => action.completedOn === null || action.completedOn > since);
    const openActions = relevant.filter((action) => action.completedOn === null || action.completedOn > day);

    // (b), (c) Context changes.
    const [issuesAdded, issuesRetired, partiesAdded, partiesRetired] = await Promise.all([
      em.find(ContextIssue, { organisation, recordedOn: inPeriod }, { orderBy: { recordedOn: 'asc' } }),
      em.find(ContextIssue, { organisation, retiredOn: inPeriod }, { orderBy: { retiredOn: 'asc' } }),
      em.find(InterestedParty, { organisation, recordedOn: inPeriod }, { orderBy: { recordedOn: 'asc' } }),
      em.find(InterestedParty, { organisation, retiredOn: inPeriod }, { orderBy: { retiredOn: 'asc' } }),
    ]);

    // (d) Nonconformities and corrective actions.
    const raised = await em.find(Finding, { organisation, kind: { $in: [...NONCONFORMITIES] }, raisedOn: inPeriod });
    const openNonconformities = await em.count(Finding, { organisation, kind: { $in: [...NONCONFORMITIES] }, status: 'open', raisedOn: { $lte: day } });
    const actions = await em.find(CorrectiveAction, { organisation, dueDate: { $lte: day } });
    const dueInPeriod = actions.filter((action) => action.dueDate > since);
    const completedInPeriod = actions.filter((action) => action.completedOn !== null && action.completedOn > since && action.completedOn <= day);

    // (d) Monitoring results: every fairness threshold against its windows up to asOf.
    // Four statements whatever the number of thresholds: where the records stand, the thresholds,
    // their windows (only when no trend was kept at that place), their open findings.
    const place = em.isInTransaction() ? null : await changePlace(em, organisation);
    const thresholds = await em.find(FairnessThreshold, { organisation }, { populate: ['aiSystem'], orderBy: { createdAt: 'asc' } });
    const compute = () => thresholdTrends(em, organisation, thresholds, day);
    let trends = place === null ? await compute() : await keptTrends.answer(`${organisation.id} ${day}`, place, compute);
    // A threshold added between the place and the thresholds being read is not in a kept answer.
    if (thresholds.some((threshold) => !trends.has(threshold.id))) trends = await compute();
    const openFindings = new Map<string, Finding>();
    for (const finding of await em.find(Finding, { organisation, threshold: { $ne: null }, status: 'open', raisedOn: { $lte: day } }, { orderBy: { raisedOn: 'desc', id: 'asc' } })) {
      const thresholdId = finding.threshold!.id;
      if (!openFindings.has(thresholdId)) openFindings.set(thresholdId, finding);
    }
    const monitoring: MonitoringResultView[] = thresholds.map((threshold) => ({
      aiSystem: threshold.aiSystem,
      attribute: threshold.attribute,
      metric: threshold.metric,
      threshold: threshold.value,
      direction: threshold.direction,
      ...trends.get(threshold.id)!,
      openFinding: openFindings.get(threshold.id) ?? null,
    }));

    // (d) KPIs of the AI objectives, as measured up to asOf.
    const objectives = await em.find(AiObjective, { organisation, status: { $nin: ['withdrawn'] } }, { populate: ['measurements'], orderBy: { title: 'asc' } });
    const kpis: KpiResultView[] = objectives.map((objective) => {
      const readings = objective.measurements.getItems().filter((measurement) => measurement.measuredOn <= day).map(({ measuredOn, value }) => ({ measuredOn, value }));
      const latest = latestReading(readings);
      return {
        objective: objective.title,
        kpi: objective.kpiName,
        unit: objective.kpiUnit,
        target: objective.kpiTarget,
        direction: objective.kpiDirection,
        latest: latest?.value ?? null,
        latestOn: latest?.measuredOn ?? null,
        onTarget: isOnTarget(latest?.value ?? null, { direction: objective.kpiDirection, target: objective.kpiTarget }),
        trend: kpiTrend(readings).direction,
      };
    });

    // (d) Audit results; (e) opportunities.
    const audits = await em.find(Audit, { organisation, status: 'completed', completedOn: inPeriod }, { orderBy: { completedOn: 'asc' } });
    const auditFindings = await em.find(Finding, { audit: { $in: audits } });
    const countKind = (kind: string) => auditFindings.filter((finding) => finding.kind === kind).length;
    const opportunities = await em.find(Finding, { organisation, kind: 'opportunity', status: 'open', raisedOn: { $lte: day } }, { orderBy: { raisedOn: 'asc' } });

    // Risk movement and certification outlook.
    const [then, now] = await exposureOverTime(em, organisation, [since, day]);
    const awaitingReassessment = await em.find(Risk, { organisation, reassessmentReason: { $ne: null } }, { orderBy: { score: 'desc' } });
    const { result: readiness } = await computeReadiness(em, organisation, day);
    // A pack for a past date before the plan's recorded actual dates has no projection to show.
    const projection = await computeProjection(em, organisation, day, { profile: { size: 'medium', complexity: 'medium' }, simulations: 10_000, seed: 42 }).catch((error: unknown) => {
      if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return null;
      throw error;
    });

    return Object.assign(new ManagementReviewPackView(), {
      organisation: organisation.name,
      asOf: day,
      since,
      lastReview,
      previousActions: {
        total: relevant.length,
        completed: relevant.length - openActions.length,
        open: openActions.length,
        overdue: openActions.filter((action) => action.dueDate < day).length,
        actions: [...openActions, ...relevant.filter((action) => !openActions.includes(action))],
      },
      contextChanges: { issuesAdded, issuesRetired, partiesAdded, partiesRetired },
      nonconformities: {
        raised: raised.length,
        raisedByAudit: raised.filter((finding) => finding.source === 'audit').length,
        raisedByMonitoring: raised.filter((finding) => finding.source === 'monitoring').length,
        open: openNonconformities,
        actionsDue: dueInPeriod.length,
        actionsOnTime: dueInPeriod.filter((action) => action.completedOn !== null && action.completedOn <= action.dueDate).length,
        actionsOverdue: actions.filter((action) => action.completedOn === null && action.dueDate < day).length,
        actionsEffective: completedInPeriod.filter((action) => action.effective === true).length,
        actionsIneffective: completedInPeriod.filter((action) => action.effective === false).length,
        actionsUnchecked: completedInPeriod.filter((action) => action.effective === null).length,
        lateActions: lateActionsChart(actions, since, day),
      },
      monitoring,
      kpis,
      audits: {
        completed: audits,
        majorNonconformities: countKind('major-nonconformity'),
        minorNonconformities: countKind('minor-nonconformity'),
        observations: countKind('observation'),
        opportunities: countKind('opportunity'),
      },
      opportunities,
      risks: {
        inherentThen: exposureView(then!.inherent),
        inherentNow: exposureView(now!.inherent),
        residualThen: exposureView(then!.residual),
        residualNow: exposureView(now!.residual),
        awaitingReassessment,
      },
      certification: {
        readiness: readiness.overall.overall,
        controlShare: readiness.overall.controls,
        clauseShare: readiness.overall.clauses,
        projection: projection === null ? null : { ...projection.certificationDate, criticalStage: projection.criticalStage, note: projection.note },
      },
    });
  }
}
