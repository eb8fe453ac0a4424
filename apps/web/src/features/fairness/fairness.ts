import { formatNumber } from '@assay/ui';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';
import type { FairnessMetric, ThresholdDirection } from '../../gql/graphql.js';
import { formatDate } from '../../format/format-date.js';

export type { FairnessMetric, ThresholdDirection };

export const METRIC_LABELS: Record<FairnessMetric, string> = {
  ACCURACY: 'Accuracy',
  AVERAGE_ABS_ODDS_DIFFERENCE: 'Average absolute odds difference',
  AVERAGE_ODDS_DIFFERENCE: 'Average odds difference',
  DEMOGRAPHIC_PARITY_DIFFERENCE: 'Demographic parity difference',
  DEMOGRAPHIC_PARITY_RATIO: 'Demographic parity ratio',
  DISPARATE_IMPACT: 'Disparate impact',
  EQUALIZED_ODDS_DIFFERENCE: 'Equalized odds difference',
  EQUALIZED_ODDS_RATIO: 'Equalized odds ratio',
  EQUAL_OPPORTUNITY_DIFFERENCE: 'Equal opportunity difference',
  EQUAL_OPPORTUNITY_GAP: 'Equal opportunity gap',
  EQUAL_OPPORTUNITY_RATIO: 'Equal opportunity ratio',
  FALSE_POSITIVE_RATE: 'False positive rate',
  SELECTION_RATE: 'Selection rate',
  STATISTICAL_PARITY_DIFFERENCE: 'Statistical parity difference',
  THEIL_INDEX: 'Theil index',
  TRUE_POSITIVE_RATE: 'True positive rate',
};

/** Metrics that are a ratio of two groups' rates, where 0.8 is the four-fifths rule. */
const RATIOS: ReadonlySet<FairnessMetric> = new Set(['DISPARATE_IMPACT', 'DEMOGRAPHIC_PARITY_RATIO', 'EQUALIZED_ODDS_RATIO', 'EQUAL_OPPORTUNITY_RATIO']);

/** Metrics that are a rate of one group or of all rows, shown as percentages. */
const RATES: ReadonlySet<FairnessMetric> = new Set(['ACCURACY', 'FALSE_POSITIVE_RATE', 'SELECTION_RATE', 'TRUE_POSITIVE_RATE']);

/** Formats a value of the metric: rates as percentages, ratios and differences as decimals. */
export function metricFormatter(metric: FairnessMetric): (value: number | null) => string {
  if (RATES.has(metric)) return (value) => formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
  return (value) => formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The label of the threshold line: "Four-fifths line 0.8" for a ratio at 0.8, else "Threshold …". */
export function thresholdLabel(metric: FairnessMetric, value: number): string {
  if (RATIOS.has(metric) && value === 0.8) return `Four-fifths line ${formatNumber(value)}`;
  return `Threshold ${metricFormatter(metric)(value)}`;
}

/** A threshold as the pages show it; the AI system's page asks for its own with the same fields. */
export const FairnessThresholdFields = graphql(`
  fragment FairnessThresholdFields on FairnessThreshold {
    id
    aiSystem {
      id
      name
    }
    attribute
    metric
    value
    direction
    privilegedGroup
    minGroupSize
  }
`);

export type FairnessThresholdRow = ResultOf<typeof FairnessThresholdFields>;

export const FairnessThresholdsQuery = graphql(`
  query FairnessThresholds {
    fairnessThresholds {
      ...FairnessThresholdFields
      latest {
        start
        end
        value
        n
        breached
      }
    }
  }
`);

export const FairnessTrendQuery = graphql(`
  query FairnessTrend(
    $aiSystemId: ID!
    $metric: FairnessMetric!
    $attribute: String!
    $privilegedGroup: String
    $minGroupSize: Int
    $threshold: Float
    $thresholdDirection: ThresholdDirection
  ) {
    fairnessTrend(
      aiSystemId: $aiSystemId
      metric: $metric
      attribute: $attribute
      privilegedGroup: $privilegedGroup
      minGroupSize: $minGroupSize
      threshold: $threshold
      thresholdDirection: $thresholdDirection
    ) {
      threshold
      thresholdDirection
      breached
      points {
        start
        end
        value
        lower
        upper
        n
      }
      trend {
        direction
        slopePerDay
      }
      changePoints {
        date
        startDate
        direction
        magnitude
      }
      projectedBreach {
        date
        earliest
        latest
      }
    }
  }
`);

export type FairnessTrend = ResultOf<typeof FairnessTrendQuery>['fairnessTrend'];
export type FairnessPoint = FairnessTrend['points'][number];

/** Open monitoring findings: each is a fairness threshold breached by a new window and not yet closed. */
export const OpenFairnessAlertsQuery = graphql(`
  query OpenFairnessAlerts {
    findings(filter: { source: MONITORING, openOnly: true }, first: 1) {
      totalCount
    }
  }
`);

/**
 * One sentence on where a metric stands: its latest value, the direction of its trend, and how it
 * sits against the threshold ("below the threshold since …", "projected to cross on …").
 */
export function fairnessCaption(trend: FairnessTrend, metric: FairnessMetric): string {
  const measured = trend.points.filter((point) => point.value !== null);
  const latest = measured.at(-1);
  if (!latest) return 'No window has a value for this metric yet.';
  const format = metricFormatter(metric);
  const parts = [`Latest ${format(latest.value)} (window from ${formatDate(latest.start)})`, `trend ${trendWords(trend.trend.direction)}`];
  parts.push(standing(trend, measured));
  return `${parts.join('; ')}.`;
}

function trendWords(direction: string): string {
  return direction === 'no trend' ? 'flat (no significant trend)' : direction;
}

function standing(trend: FairnessTrend, measured: readonly FairnessPoint[]): string {
  const side = trend.thresholdDirection === 'BELOW' ? 'below' : 'above';
  if (trend.breached) return `${side} the threshold since ${formatDate(breachStart(trend, measured))}`;
  const projection = trend.projectedBreach;
  if (projection) {
    const range = projection.earliest && projection.latest ? ` (between ${formatDate(projection.earliest)} and ${formatDate(projection.latest)})` : '';
    return `projected to cross the threshold on ${formatDate(projection.date)}${range}`;
  }
  if (trend.threshold === null) return 'no threshold set';
  return 'within the threshold, not heading towards it';
}

/** The start of the run of breaching windows that ends with the latest one. */
function breachStart(trend: FairnessTrend, measured: readonly FairnessPoint[]): string | null {
  const { threshold } = trend;
  if (threshold === null) return null;
  const breaches = (value: number) => (trend.thresholdDirection === 'BELOW' ? value < threshold : value > threshold);
  let since: string | null = null;
  for (let position = measured.length - 1; position >= 0; position -= 1) {
    const point = measured[position];
    if (!point || point.value === null || !breaches(point.value)) break;
    since = point.start;
  }
  return since;
}
