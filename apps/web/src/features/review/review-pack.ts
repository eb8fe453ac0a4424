import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';
import type { FindingKind } from '../../gql/graphql.js';
import type { ExposureFields } from '../risks/risks.js';

export type { FindingKind };

export const ContextIssueFields = graphql(`
  fragment ContextIssueFields on ContextIssue {
    id
    description
    external
    recordedOn
    retiredOn
  }
`);

export const InterestedPartyFields = graphql(`
  fragment InterestedPartyFields on InterestedParty {
    id
    name
    needs
    recordedOn
    retiredOn
  }
`);

export const ManagementReviewPackQuery = graphql(`
  query ManagementReviewPack {
    managementReviewPack {
      asOf
      since
      organisation
      lastReview {
        id
        heldOn
      }
      previousActions {
        total
        open
        completed
        overdue
        actions {
          id
          description
          owner
          dueDate
          completedOn
          overdue
        }
      }
      contextChanges {
        issuesAdded {
          ...ContextIssueFields
        }
        issuesRetired {
          ...ContextIssueFields
        }
        partiesAdded {
          ...InterestedPartyFields
        }
        partiesRetired {
          ...InterestedPartyFields
        }
      }
      nonconformities {
        raised
        raisedByAudit
        raisedByMonitoring
        open
        actionsDue
        actionsOnTime
        actionsOverdue
        actionsEffective
        actionsIneffective
        actionsUnchecked
        lateActions {
          measure
          centreLine
          runs
          points {
            label
            inspected
            defects
            proportion
            outOfControl
          }
        }
      }
      monitoring {
        aiSystem {
          id
          name
        }
        attribute
        metric
        threshold
        direction
        latest
        latestEnd
        breached
        trend
        projectedBreach
        latestShift
        openFinding {
          id
          raisedOn
        }
      }
      kpis {
        objective
        kpi
        unit
        target
        direction
        latest
        latestOn
        onTarget
        trend
      }
      audits {
        completed {
          id
          title
          plannedOn
          completedOn
          findings {
            id
            kind
          }
        }
        majorNonconformities
        minorNonconformities
        observations
        opportunities
      }
      opportunities {
        id
        description
        raisedOn
        source
        clauseId
        controlId
        aiSystem {
          id
          name
        }
      }
      risks {
        inherentThen {
          ...ExposureFields
        }
        inherentNow {
          ...ExposureFields
        }
        residualThen {
          ...ExposureFields
        }
        residualNow {
          ...ExposureFields
        }
        awaitingReassessment {
          id
          title
          score
          level
          reassessmentReason
        }
      }
      certification {
        readiness
        clauseShare
        controlShare
        projection {
          p50
          p80
          p95
          criticalStage
          note
        }
      }
    }
  }
`);

/** Everything the management review (clause 9.3) considers, gathered by the API. */
export type ReviewPack = ResultOf<typeof ManagementReviewPackQuery>['managementReviewPack'];
/** Risk exposure at the last review or now. */
export type ExposureRow = ResultOf<typeof ExposureFields>;
