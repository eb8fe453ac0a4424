import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';

const BodyFields = graphql(`
  fragment BodyFields on CertificationBodyView {
    id
    name
    accreditationBody
    accreditationBodyIsMlaSignatory
    accreditationNumber
    accreditedFor42001
    scopeCovers42001
    verifiedOn
    chosen
    notes
  }
`);

export type CertificationBody = ResultOf<typeof BodyFields>;

/** The plan's seven stages with their planned and actual dates, and the certification bodies. */
export const CertificationPlanQuery = graphql(`
  query CertificationPlan {
    certificationPlan {
      stages {
        stage
        status
        plannedStart
        plannedEnd
        actualStart
        actualEnd
        notes
      }
      chosenBody {
        ...BodyFields
      }
      bodies {
        ...BodyFields
      }
    }
  }
`);

export type PlanStage = ResultOf<typeof CertificationPlanQuery>['certificationPlan']['stages'][number];

/** "Finished late" when the actual end is after the planned end; dates are ISO, so text order is date order. */
export function finishedLate(stage: PlanStage): boolean {
  return stage.actualEnd !== null && stage.plannedEnd !== null && stage.actualEnd > stage.plannedEnd;
}
