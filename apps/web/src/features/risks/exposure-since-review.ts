import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';

/** The date of the latest management review, the point the overview compares exposure with. */
export const LastReviewQuery = graphql(`
  query LastReview {
    managementReviews(first: 1, orderBy: { field: HELD_ON, direction: DESC }) {
      nodes {
        heldOn
      }
    }
  }
`);

/** Residual exposure on the review's date and today, rebuilt by the API from the assessment history. */
export const ResidualSinceQuery = graphql(`
  query ResidualSince($from: String!) {
    riskTrend(from: $from, interval: MONTH) {
      date
      residual {
        totalScore
      }
    }
  }
`);

export interface ExposureChange {
  since: string;
  then: number;
  now: number;
  /** now − then: negative when exposure went down. */
  change: number;
  /** The change as a share of then; null when then was 0. */
  share: number | null;
}

/** The residual exposure on the first point (the review) against the last (today). */
export function exposureChange(points: ResultOf<typeof ResidualSinceQuery>['riskTrend']): ExposureChange | null {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return null;
  const change = last.residual.totalScore - first.residual.totalScore;
  return { since: first.date, then: first.residual.totalScore, now: last.residual.totalScore, change, share: first.residual.totalScore === 0 ? null : change / first.residual.totalScore };
}
