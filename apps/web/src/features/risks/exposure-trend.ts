import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';

export const RiskTrendQuery = graphql(`
  query RiskTrend($from: String!) {
    riskTrend(from: $from, interval: MONTH) {
      date
      inherent {
        ...ExposureFields
      }
      residual {
        ...ExposureFields
      }
    }
  }
`);

export type RiskTrendPoint = ResultOf<typeof RiskTrendQuery>['riskTrend'][number];

/** The ISO date (UTC) one year before a day; 29 February goes to 1 March. */
export function oneYearBefore(day: Date): string {
  return new Date(Date.UTC(day.getUTCFullYear() - 1, day.getUTCMonth(), day.getUTCDate())).toISOString().slice(0, 10);
}
