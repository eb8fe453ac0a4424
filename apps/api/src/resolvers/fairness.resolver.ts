import {
  fairnessReport,
  mergeGroupCounts,
  RiskEngineError,
  type Disparity,
  type Estimate,
  type FairnessReportOptions,
  type GroupMetrics,
  type GroupReport,
} from '@assay/risk-engine';
import { Arg, Ctx, Float, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { ATTRIBUTE_MAX, FairnessWindow } from '../entities/fairness-window.entity.js';
import { badInput } from '../errors.js';
import { checkDate, todayIso } from '../services/dates.js';
import { raiseBreachFindings } from '../services/fairness-thresholds.js';
import { computeFairnessTrend } from '../services/fairness-trend.js';
import { groupCountsOf, ownAiSystem, periodOf, setCells, windowsOf } from '../services/fairness-windows.js';
import { requiredText } from '../services/text.js';
import {
  FairnessAttributeView,
  FairnessMetricEnum,
  type FairnessMetricName,
  FairnessReportView,
  FairnessTrendView,
  FairnessWindowView,
  GroupCountsInput,
  ThresholdDirectionEnum,
  defaultDirection,
  defaultThreshold,
  type DisparityView,
  type GroupMetricsView,
} from './fairness.type.js';

/** Options shared by the report and the trend, checked here so errors name the argument. */
function reportOptions(privilegedGroup: string | null | undefined, minGroupSize: number | null | undefined, confidenceLevel: number | null | undefined): FairnessReportOptions {
  if (minGroupSize != null && minGroupSize < 0) throw badInput('minGroupSize', `must be 0 or more, got ${minGroupSize}`);
  if (confidenceLevel != null && !(confidenceLevel > 0 && confidenceLevel < 1)) throw badInput('confidenceLevel', `must be between 0 and 1, got ${confidenceLevel}`);
  return {
    ...(privilegedGroup != null ? { privilegedGroup } : {}),
    minGroupSize: minGroupSize ?? 0,
    confidenceLevel: confidenceLevel ?? 0.95,
  };
}

function estimateView(estimate: Estimate) {
  return { value: estimate.value, lower: estimate.lower, upper: estimate.upper };
}

function groupView(group: string | null, metrics: GroupMetrics | GroupReport): GroupMetricsView {
  const report = 'suppressed' in metrics ? metrics : null;
  return {
    group,
    count: metrics.count,
    suppressed: report?.suppressed ?? false,
    selectionRate: estimateView(metrics.selectionRate),
    truePositiveRate: estimateView(metrics.truePositiveRate),
    falsePositiveRate: estimateView(metrics.falsePositiveRate),
    falseNegativeRate: estimateView(metrics.falseNegativeRate),
    trueNegativeRate: estimateView(metrics.trueNegativeRate),
    accuracy: estimateView(metrics.accuracy),
    precision: estimateView(metrics.precision),
    test: report?.test ?? null,
  };
}

function disparityView(disparity: Disparity): DisparityView {
  return {
    betweenGroups: disparity.betweenGroups,
    toOverall: disparity.toOverall,
    lower: disparity.interval?.lower ?? null,
    upper: disparity.interval?.upper ?? null,
    highestGroup: disparity.highestGroup,
    lowestGroup: disparity.lowestGroup,
  };
}

/** Runs engine code on stored data; an engine error here is a bad argument (a privileged group unknown to the data, say). */
function engine<T>(field: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RiskEngineError) {
      // "fairnessSeries: metric x needs …" → "x needs …" under the field, which badInput names first.
      const reason = error.message.replace(/^\w+: /, '');
      throw badInput(field, reason.startsWith(`${field} `) ? reason.slice(field.length + 1) : reason);
    }
    throw error;
  }
}

@Resolver()
export class FairnessResolver {
  @Mutation(() => FairnessWindowView, {
    description:
      'Records the confusion counts per group of one AI system for one attribute and period (as made by groupCounts). Recording the same period again replaces it.',
  })
  async recordFairnessWindow(
    @Arg('aiSystemId', () => ID) aiSystemId: string,
    @Arg('attribute', () => String, { description: 'The sensitive attribute, e.g. sex, or sex|age for intersections.' }) attribute: string,
    @Arg('start', () => String, { description: 'First day of the window, YYYY-MM-DD.' }) start: string,
    @Arg('end', () => String, { description: 'Day after its last day, YYYY-MM-DD.' }) end: string,
    @Arg('counts', () => GroupCountsInput) countsInput: GroupCountsInput,
    @Ctx() context: Context,
  ): Promise<FairnessWindowView> {
    const { organisation } = viewerOf(context).membership;
    const name = requiredText('attribute', attribute, ATTRIBUTE_MAX);
    const startsOn = checkDate('start', start);
    const endsOn = checkDate('end', end);
    if (endsOn <= startsOn) throw badInput('end', `must be after start (${startsOn}), got ${endsOn}`);
    const counts = groupCountsOf(countsInput);
    const aiSystem = await ownAiSystem(context.em, organisation, aiSystemId);

    return context.em.transactional(async (em) => {
      const earlier = await em.findOne(FairnessWindow, { aiSystem, attribute: name, startsOn, endsOn }, { populate: ['cells'] });
      const window = earlier ?? em.create(FairnessWindow, { organisation, aiSystem, attribute: name, startsOn, endsOn, rows: 0 });
      setCells(em, window, counts);
      await em.flush();
      const findings = await raiseBreachFindings(em, window, counts, todayIso());
      await em.flush();
      return Object.assign(new FairnessWindowView(), {
        id: window.id,
        aiSystem,
        attribute: name,
        start: startsOn,
        end: endsOn,
        rows: window.rows,
        groups: Object.keys(counts.groups),
        replaced: earlier !== null,
        findingsOpened: findings,
      });
    });
  }
  @Query(() => [FairnessAttributeView], { description: 'The attributes monitored for an AI system, with their span of windows.' })
  async fairnessAttributes(@Arg('aiSystemId', () => ID) aiSystemId: string, @Ctx() context: Context): Promise<FairnessAttributeView[]> {
    const { organisation } = viewerOf(context).membership;
    const aiSystem = await ownAiSystem(context.em, organisation, aiSystemId);
    const windows = await context.em.find(FairnessWindow, { organisation, aiSystem }, { orderBy: { attribute: 'asc', startsOn: 'asc' }, populate: ['cells'] });
    const byAttribute = new Map<string, FairnessWindow[]>();
    for (const window of windows) byAttribute.set(window.attribute, [...(byAttribute.get(window.attribute) ?? []), window]);
    return [...byAttribute].map(([attribute, list]) => {
      const groups = new Set(list.flatMap((window) => window.cells.getItems().flatMap((cell) => (cell.groupKey === null ? [] : [cell.groupKey]))));
      return Object.assign(new FairnessAttributeView(), {
        attribute,
        windows: list.length,
        firstStart: list[0]!.startsOn,
        lastEnd: list.reduce((latest, window) => (window.endsOn > latest ? window.endsOn : latest), list[0]!.endsOn),
        groups: [...groups].sort(),
      });
    });
  }
  @Query(() => FairnessReportView, { description: 'The fairness report of an AI system for one attribute, its windows in the period merged.' })
  async fairnessReport(
    @Arg('aiSystemId', () => ID) aiSystemId: string,
    @Arg('attribute', () => String) attribute: string,
    @Arg('from', () => String, { nullable: true, description: 'Windows starting on or after this date.' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Windows starting before this date.' }) to: string | null,
    @Arg('privilegedGroup', () => String, { nullable: true }) privilegedGroup: string | null,
    @Arg('minGroupSize', () => Int, { nullable: true, description: 'Groups with fewer rows are suppressed (default 0).' }) minGroupSize: number | null,
    @Arg('confidenceLevel', () => Float, { nullable: true, description: 'Default 0.95.' }) confidenceLevel: number | null,
    @Ctx() context: Context,
  ): Promise<FairnessReportView> {
    const { organisation } = viewerOf(context).membership;
    const period = periodOf(from, to);
    const options = reportOptions(privilegedGroup, minGroupSize, confidenceLevel);
    const aiSystem = await ownAiSystem(context.em, organisation, aiSystemId);
    const windows = await windowsOf(context.em, organisation, aiSystem, attribute, period);
    if (windows.length === 0) throw badInput('attribute', `has no fairness windows for this AI system in the period: ${attribute}`);
    const counts = mergeGroupCounts(...windows.map((window) => window.counts));
    const report = engine('privilegedGroup', () => fairnessReport(counts, options));
    return Object.assign(new FairnessReportView(), {
      aiSystem,
      attribute,
      from: windows[0]!.start,
      to: windows.reduce((latest, window) => (window.end > latest ? window.end : latest), windows[0]!.end),
      windows: windows.length,
      confidenceLevel: report.confidenceLevel,
      overall: groupView(null, report.overall),
      groups: Object.entries(report.byGroup).map(([key, group]) => groupView(key, group)),
      demographicParityDifference: disparityView(report.demographicParityDifference),
      demographicParityRatio: disparityView(report.demographicParityRatio),
      equalizedOddsDifference: disparityView(report.equalizedOddsDifference),
      equalizedOddsRatio: disparityView(report.equalizedOddsRatio),
      equalOpportunityDifference: disparityView(report.equalOpportunityDifference),
      equalOpportunityRatio: disparityView(report.equalOpportunityRatio),
      privileged:
        report.privileged === null
          ? null
          : {
              ...report.privileged,
              disparateImpact: comparison(report.privileged.disparateImpact),
              statisticalParityDifference: comparison(report.privileged.statisticalParityDifference),
              equalOpportunityGap: comparison(report.privileged.equalOpportunityGap),
            },
      fourFifthsRule: report.fourFifthsRule,
      theilIndex: report.theilIndex,
    });
  }
  @Query(() => FairnessTrendView, { description: 'A fairness metric of an AI system over time, with its trend, change points and projected threshold breach.' })
  async fairnessTrend(
    @Arg('aiSystemId', () => ID) aiSystemId: string,
    @Arg('metric', () => FairnessMetricEnum) metric: FairnessMetricName,
    @Arg('attribute', () => String) attribute: string,
    @Arg('from', () => String, { nullable: true }) from: string | null,
    @Arg('to', () => String, { nullable: true }) to: string | null,
    @Arg('privilegedGroup', () => String, { nullable: true, description: 'Needed by the AIF360 metrics (disparate impact, …).' }) privilegedGroup: string | null,
    @Arg('group', () => String, { nullable: true, description: 'For a rate: the group to follow (all rows when left out).' }) group: string | null,
    @Arg('minGroupSize', () => Int, { nullable: true }) minGroupSize: number | null,
    @Arg('threshold', () => Float, { nullable: true, description: 'Default 0.8 for ratios and disparate impact, 0.1 for differences.' }) threshold: number | null,
    @Arg('thresholdDirection', () => ThresholdDirectionEnum, { nullable: true, description: 'Default BELOW for ratios and rates, ABOVE otherwise.' })
    thresholdDirection: 'above' | 'below' | null,
    @Ctx() context: Context,
  ): Promise<FairnessTrendView> {
    const { organisation } = viewerOf(context).membership;
    const period = periodOf(from, to);
    const options = reportOptions(privilegedGroup, minGroupSize, null);
    if (threshold != null && !Number.isFinite(threshold)) throw badInput('threshold', `must be a finite number, got ${threshold}`);
    const aiSystem = await ownAiSystem(context.em, organisation, aiSystemId);
    const windows = await windowsOf(context.em, organisation, aiSystem, attribute, period);
    const limit = threshold ?? defaultThreshold(metric);
    const direction = thresholdDirection ?? defaultDirection(metric);
    const computed = engine(privilegedGroup == null ? 'metric' : 'privilegedGroup', () =>
      computeFairnessTrend(windows, metric, { ...options, ...(group != null ? { group } : {}), threshold: limit, direction }),
    );
    return Object.assign(new FairnessTrendView(), {
      aiSystem,
      attribute,
      metric,
      threshold: limit,
      thresholdDirection: direction,
      points: computed.points.map((point) => ({ start: point.start, end: point.end, value: point.value, lower: point.interval?.lower ?? null, upper: point.interval?.upper ?? null, n: point.n })),
      trend: computed.trend,
      changePoints: computed.changePoints,
      breached: computed.breached,
      projectedBreach: computed.projectedBreach,
    });
  }
}

function comparison(value: { value: number | null; interval: { lower: number; upper: number } | null }) {
  return { value: value.value, lower: value.interval?.lower ?? null, upper: value.interval?.upper ?? null };
}
