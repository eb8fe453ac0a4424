import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AiSystem } from '../entities/ai-system.entity.js';
import { Finding } from '../entities/finding.entity.js';

/** The metrics the API follows, as GraphQL names → the engine's names. */
export const FairnessMetricEnum = {
  DEMOGRAPHIC_PARITY_DIFFERENCE: 'demographicParityDifference',
  DEMOGRAPHIC_PARITY_RATIO: 'demographicParityRatio',
  EQUALIZED_ODDS_DIFFERENCE: 'equalizedOddsDifference',
  EQUALIZED_ODDS_RATIO: 'equalizedOddsRatio',
  EQUAL_OPPORTUNITY_DIFFERENCE: 'equalOpportunityDifference',
  EQUAL_OPPORTUNITY_RATIO: 'equalOpportunityRatio',
  DISPARATE_IMPACT: 'disparateImpact',
  STATISTICAL_PARITY_DIFFERENCE: 'statisticalParityDifference',
  EQUAL_OPPORTUNITY_GAP: 'equalOpportunityGap',
  AVERAGE_ODDS_DIFFERENCE: 'averageOddsDifference',
  AVERAGE_ABS_ODDS_DIFFERENCE: 'averageAbsOddsDifference',
  THEIL_INDEX: 'theilIndex',
  SELECTION_RATE: 'selectionRate',
  TRUE_POSITIVE_RATE: 'truePositiveRate',
  FALSE_POSITIVE_RATE: 'falsePositiveRate',
  ACCURACY: 'accuracy',
} as const;
export type FairnessMetricName = (typeof FairnessMetricEnum)[keyof typeof FairnessMetricEnum];
registerEnumType(FairnessMetricEnum, {
  name: 'FairnessMetric',
  description: 'A fairness metric: Fairlearn disparities (between groups), AIF360 comparisons with a privileged group, the Theil index, or a rate.',
});

/** Ratios and rates of the favourable outcome breach downwards; differences and indices upwards. */
export function defaultDirection(metric: FairnessMetricName): 'above' | 'below' {
  const below: readonly FairnessMetricName[] = ['demographicParityRatio', 'equalizedOddsRatio', 'equalOpportunityRatio', 'disparateImpact', 'selectionRate', 'truePositiveRate', 'accuracy'];
  return below.includes(metric) ? 'below' : 'above';
}

/** Usual thresholds: the four-fifths line for ratios, 0.1 for differences; none for the rest. */
export function defaultThreshold(metric: FairnessMetricName): number | null {
  if (metric.endsWith('Ratio') || metric === 'disparateImpact') return 0.8;
  if (metric.endsWith('Difference') || metric === 'equalOpportunityGap') return 0.1;
  return null;
}

/** The AIF360 metrics, which compare with a privileged group. */
export const privilegedMetrics: readonly FairnessMetricName[] = ['disparateImpact', 'statisticalParityDifference', 'equalOpportunityGap', 'averageOddsDifference', 'averageAbsOddsDifference'];

/** Plain names of the metrics, for findings and reports. */
export const metricLabels: Record<FairnessMetricName, string> = {
  demographicParityDifference: 'Demographic parity difference',
  demographicParityRatio: 'Demographic parity ratio',
  equalizedOddsDifference: 'Equalized odds difference',
  equalizedOddsRatio: 'Equalized odds ratio',
  equalOpportunityDifference: 'Equal opportunity difference',
  equalOpportunityRatio: 'Equal opportunity ratio',
  disparateImpact: 'Disparate impact',
  statisticalParityDifference: 'Statistical parity difference',
  equalOpportunityGap: 'Equal opportunity gap',
  averageOddsDifference: 'Average odds difference',
  averageAbsOddsDifference: 'Average absolute odds difference',
  theilIndex: 'Theil index',
  selectionRate: 'Selection rate',
  truePositiveRate: 'True positive rate',
  falsePositiveRate: 'False positive rate',
  accuracy: 'Accuracy',
};

export const ThresholdDirectionEnum = { ABOVE: 'above', BELOW: 'below' } as const;
registerEnumType(ThresholdDirectionEnum, { name: 'ThresholdDirection', description: 'Which side of a threshold is a breach.' });

@InputType({ description: 'Confusion counts of a set of rows; tp…fn may be weighted sums, rows counts rows.' })
export class CellInput {
  @Field(() => Float)
  tp!: number;

  @Field(() => Float)
  fp!: number;

  @Field(() => Float)
  tn!: number;

  @Field(() => Float)
  fn!: number;

  @Field(() => Int)
  rows!: number;
}

@InputType({ description: "One group's confusion counts." })
export class GroupCellInput extends CellInput {
  @Field(() => String, { description: 'The group key, e.g. F, or F|over-60 for an intersection.' })
  group!: string;
}

@InputType({ description: 'Confusion counts per group, as the risk engine’s groupCounts makes them.' })
export class GroupCountsInput {
  @Field(() => [GroupCellInput])
  groups!: GroupCellInput[];

  @Field(() => CellInput, { nullable: true, description: 'Rows whose group value was missing: counted overall, in no group.' })
  missing?: CellInput | null;
}

@ObjectType({ description: 'A stored fairness window.' })
export class FairnessWindowView {
  @Field(() => ID)
  id!: string;

  @Field(() => AiSystem)
  aiSystem!: AiSystem;

  @Field(() => String)
  attribute!: string;

  @Field(() => String, { description: 'First day of the window.' })
  start!: string;

  @Field(() => String, { description: 'Day after its last day.' })
  end!: string;

  @Field(() => Float, { description: 'Rows counted.' })
  rows!: number;

  @Field(() => [String], { description: 'The groups with rows in the window.' })
  groups!: string[];

  @Field(() => Boolean, { description: 'The window replaced one recorded earlier for the same period.' })
  replaced!: boolean;

  @Field(() => [Finding], { description: 'Monitoring findings this window opened by breaching a threshold.' })
  findingsOpened!: Finding[];
}

@ObjectType({ description: 'A sensitive attribute monitored for an AI system.' })
export class FairnessAttributeView {
  @Field(() => String)
  attribute!: string;

  @Field(() => Int)
  windows!: number;

  @Field(() => String)
  firstStart!: string;

  @Field(() => String)
  lastEnd!: string;

  @Field(() => [String], { description: 'Every group seen in any window.' })
  groups!: string[];
}

@ObjectType({ description: 'A rate with its Wilson interval; null when undefined or suppressed.' })
export class EstimateView {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;
}

@ObjectType({ description: "A group's selection rate tested against the other groups pooled." })
export class GroupTestView {
  @Field(() => Float)
  selectionRateDifference!: number;

  @Field(() => Float)
  pValue!: number;

  @Field(() => Float, { description: 'Benjamini–Hochberg q-value across the groups.' })
  qValue!: number;
}

@ObjectType({ description: 'The rates of one group, or of all rows.' })
export class GroupMetricsView {
  @Field(() => String, { nullable: true, description: 'The group key; null for all rows.' })
  group!: string | null;

  @Field(() => Float, { description: 'Rows.' })
  count!: number;

  @Field(() => Boolean, { description: 'Fewer rows than minGroupSize: rates withheld.' })
  suppressed!: boolean;

  @Field(() => EstimateView)
  selectionRate!: EstimateView;

  @Field(() => EstimateView)
  truePositiveRate!: EstimateView;

  @Field(() => EstimateView)
  falsePositiveRate!: EstimateView;

  @Field(() => EstimateView)
  falseNegativeRate!: EstimateView;

  @Field(() => EstimateView)
  trueNegativeRate!: EstimateView;

  @Field(() => EstimateView)
  accuracy!: EstimateView;

  @Field(() => EstimateView)
  precision!: EstimateView;

  @Field(() => GroupTestView, { nullable: true })
  test!: GroupTestView | null;
}

@ObjectType({ description: 'A disparity as Fairlearn computes it, with the interval of the between-groups figure.' })
export class DisparityView {
  @Field(() => Float, { nullable: true })
  betweenGroups!: number | null;

  @Field(() => Float, { nullable: true })
  toOverall!: number | null;

  @Field(() => Float, { nullable: true })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;

  @Field(() => String, { nullable: true })
  highestGroup!: string | null;

  @Field(() => String, { nullable: true })
  lowestGroup!: string | null;
}

@ObjectType({ description: 'A comparison with a privileged group, with its interval.' })
export class ComparisonView {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;
}

@ObjectType({ description: 'AIF360 metrics: the privileged group against all other groups pooled.' })
export class PrivilegedComparisonView {
  @Field(() => String)
  privilegedGroup!: string;

  @Field(() => ComparisonView)
  disparateImpact!: ComparisonView;

  @Field(() => ComparisonView)
  statisticalParityDifference!: ComparisonView;

  @Field(() => ComparisonView)
  equalOpportunityGap!: ComparisonView;

  @Field(() => Float, { nullable: true })
  averageOddsDifference!: number | null;

  @Field(() => Float, { nullable: true })
  averageAbsOddsDifference!: number | null;
}

@ObjectType({ description: 'The four-fifths rule: each group’s selection rate over the highest.' })
export class FourFifthsRuleView {
  @Field(() => Boolean, { nullable: true })
  passes!: boolean | null;

  @Field(() => Float, { nullable: true })
  lowestRatio!: number | null;

  @Field(() => String, { nullable: true })
  group!: string | null;

  @Field(() => String, { nullable: true })
  highestGroup!: string | null;
}

@ObjectType({ description: 'Fairness of an AI system for one attribute over a period (its windows merged).' })
export class FairnessReportView {
  @Field(() => AiSystem)
  aiSystem!: AiSystem;

  @Field(() => String)
  attribute!: string;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => Int, { description: 'Windows merged.' })
  windows!: number;

  @Field(() => Float)
  confidenceLevel!: number;

  @Field(() => GroupMetricsView)
  overall!: GroupMetricsView;

  @Field(() => [GroupMetricsView])
  groups!: GroupMetricsView[];

  @Field(() => DisparityView)
  demographicParityDifference!: DisparityView;

  @Field(() => DisparityView)
  demographicParityRatio!: DisparityView;

  @Field(() => DisparityView)
  equalizedOddsDifference!: DisparityView;

  @Field(() => DisparityView)
  equalizedOddsRatio!: DisparityView;

  @Field(() => DisparityView)
  equalOpportunityDifference!: DisparityView;

  @Field(() => DisparityView)
  equalOpportunityRatio!: DisparityView;

  @Field(() => PrivilegedComparisonView, { nullable: true })
  privileged!: PrivilegedComparisonView | null;

  @Field(() => FourFifthsRuleView)
  fourFifthsRule!: FourFifthsRuleView;

  @Field(() => Float, { nullable: true })
  theilIndex!: number | null;
}

@ObjectType({ description: 'One window of a fairness trend.' })
export class FairnessPointView {
  @Field(() => String)
  start!: string;

  @Field(() => String)
  end!: string;

  @Field(() => Float, { nullable: true, description: 'Null when the window cannot define the metric.' })
  value!: number | null;

  @Field(() => Float, { nullable: true })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;

  @Field(() => Float, { description: 'Rows the value rests on.' })
  n!: number;
}

@ObjectType({ description: 'Least-squares slope and the Mann–Kendall test of a series.' })
export class TrendView {
  @Field(() => Float, { nullable: true })
  slopePerDay!: number | null;

  @Field(() => Float, { nullable: true, description: 'Kendall’s tau.' })
  tau!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mann–Kendall two-sided p-value.' })
  pValue!: number | null;

  @Field(() => String, { description: 'increasing, decreasing or no trend.' })
  direction!: string;
}

@ObjectType({ description: 'A shift detected by CUSUM.' })
export class ChangePointView {
  @Field(() => String, { description: 'Start of the window at which the shift was detected.' })
  date!: string;

  @Field(() => String, { description: 'Estimated start of the shift.' })
  startDate!: string;

  @Field(() => String, { description: 'up or down.' })
  direction!: string;

  @Field(() => Float)
  magnitude!: number;
}

@ObjectType({ description: 'When the trend line crosses the threshold, with the slope’s interval.' })
export class BreachProjectionView {
  @Field(() => String)
  date!: string;

  @Field(() => String, { nullable: true })
  earliest!: string | null;

  @Field(() => String, { nullable: true })
  latest!: string | null;
}

@ObjectType({ description: 'A fairness metric over time with its trend, change points and projected breach.' })
export class FairnessTrendView {
  @Field(() => AiSystem)
  aiSystem!: AiSystem;

  @Field(() => String)
  attribute!: string;

  @Field(() => FairnessMetricEnum)
  metric!: FairnessMetricName;

  @Field(() => Float, { nullable: true })
  threshold!: number | null;

  @Field(() => ThresholdDirectionEnum, { description: 'Which side of the threshold is a breach.' })
  thresholdDirection!: 'above' | 'below';

  @Field(() => [FairnessPointView])
  points!: FairnessPointView[];

  @Field(() => TrendView)
  trend!: TrendView;

  @Field(() => [ChangePointView])
  changePoints!: ChangePointView[];

  @Field(() => Boolean, { description: 'The latest value is on the breach side of the threshold.' })
  breached!: boolean;

  @Field(() => BreachProjectionView, { nullable: true, description: 'Null when not heading to the threshold, or already beyond it.' })
  projectedBreach!: BreachProjectionView | null;
}
