import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { badInput } from '../errors.js';
import { checkDate, todayIso } from '../services/dates.js';
import { exposureOverTime, periodEnds, type TrendInterval } from '../services/risk-history.js';

export const TrendIntervalEnum = { WEEK: 'week', MONTH: 'month' } as const;
registerEnumType(TrendIntervalEnum, { name: 'TrendInterval' });

@ObjectType({ description: 'How many risks sit in a rating band.' })
export class LevelCount {
  @Field(() => String)
  level!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Exposure of the risk register: counts per band, mean score, how many above appetite.' })
export class ExposureView {
  @Field(() => Int)
  risks!: number;

  @Field(() => [LevelCount])
  byLevel!: LevelCount[];

  @Field(() => Float, { nullable: true })
  meanScore!: number | null;

  @Field(() => Float, { description: 'Sum of the scores.' })
  totalScore!: number;

  @Field(() => Int)
  aboveAppetite!: number;
}

@ObjectType({ description: 'Inherent and residual exposure at the end of one period.' })
export class RiskTrendPoint {
  @Field(() => String)
  date!: string;

  @Field(() => ExposureView)
  inherent!: ExposureView;

  @Field(() => ExposureView)
  residual!: ExposureView;
}

export function exposureView(exposure: { total: number; byLevel: readonly { level: string; count: number }[]; meanScore: number | null; aboveAppetite: number }): ExposureView {
  return {
    risks: exposure.total,
    byLevel: exposure.byLevel.map((entry) => ({ ...entry })),
    meanScore: exposure.meanScore,
    totalScore: exposure.meanScore === null ? 0 : Math.round(exposure.meanScore * exposure.total),
    aboveAppetite: exposure.aboveAppetite,
  };
}

@Resolver()
export class RiskTrendResolver {
  @Query(() => [RiskTrendPoint], { description: "Inherent and residual exposure on `from`, at the end of each period after it, and on `to`, rebuilt from the assessment history and scored on the organisation's criteria of today (a rating above the top of a scale that has since shrunk counts at its top)." })
  async riskTrend(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String, { nullable: true, description: 'Default: today.' }) to: string | null,
    @Arg('interval', () => TrendIntervalEnum, { nullable: true, description: 'Default MONTH.' }) interval: TrendInterval | null,
    @Ctx() context: Context,
  ): Promise<RiskTrendPoint[]> {
    const { organisation } = viewerOf(context).membership;
    const start = checkDate('from', from);
    const end = to == null ? todayIso() : checkDate('to', to);
    if (end <= start) throw badInput('to', `must be after from (${start}), got ${end}`);
    const ends = periodEnds(start, end, interval ?? 'month');
    // The span's own end closes the series even when it falls between two steps.
    if ((ends.at(-1) ?? start) !== end) ends.push(end);
    const points = await exposureOverTime(context.em, organisation, [start, ...ends]);
    return points.map((point) => ({ date: point.date, inherent: exposureView(point.inherent), residual: exposureView(point.residual) }));
  }
}
