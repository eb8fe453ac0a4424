import { gql } from 'urql';
import type { FairnessMetric, ThresholdDirection } from '../fairness/fairness.js';

/** An AI objective's KPI against its target (input (d)). */
export interface KpiRow {
  objective: string;
  kpi: string;
  unit: string | null;
  target: number;
  direction: string;
  latest: number | null;
  latestOn: string | null;
  onTarget: boolean | null;
  trend: string;
}

export interface ReviewActionRow {
  id: string;
  description: string;
  owner: string | null;
  dueDate: string;
  completedOn: string | null;
  overdue: boolean;
}

export interface ContextIssueRow {
  id: string;
  description: string;
  external: boolean;
  recordedOn: string;
  retiredOn: string | null;
}

export interface InterestedPartyRow {
  id: string;
  name: string;
  needs: string;
  recordedOn: string;
  retiredOn: string | null;
}

export interface ControlChartPointRow {
  label: string;
  inspected: number;
  defects: number;
  proportion: number | null;
  outOfControl: boolean;
}

export interface MonitoringRow {
  aiSystem: { id: string; name: string };
  attribute: string;
  metric: FairnessMetric;
  threshold: number;
  direction: ThresholdDirection;
  latest: number | null;
  latestEnd: string | null;
  breached: boolean;
  trend: string;
  projectedBreach: string | null;
  latestShift: string | null;
  openFinding: { id: string; raisedOn: string } | null;
}

export type FindingKind = 'MAJOR_NONCONFORMITY' | 'MINOR_NONCONFORMITY' | 'OBSERVATION' | 'OPPORTUNITY';

export interface AuditRow {
  id: string;
  title: string;
  plannedOn: string;
  completedOn: string | null;
  findings: { id: string; kind: FindingKind }[];
}

export interface OpportunityRow {
  id: string;
  description: string;
  raisedOn: string;
  source: string;
  clauseId: string | null;
  controlId: string | null;
  aiSystem: { id: string; name: string } | null;
}

export interface ExposureRow {
  risks: number;
  meanScore: number | null;
  totalScore: number;
  aboveAppetite: number;
}

export interface ReviewPack {
  asOf: string;
  since: string;
  organisation: string;
  lastReview: { id: string; heldOn: string } | null;
  previousActions: { total: number; open: number; completed: number; overdue: number; actions: ReviewActionRow[] };
  contextChanges: {
    issuesAdded: ContextIssueRow[];
    issuesRetired: ContextIssueRow[];
    partiesAdded: InterestedPartyRow[];
    partiesRetired: InterestedPartyRow[];
  };
  nonconformities: {
    raised: number;
    raisedByAudit: number;
    raisedByMonitoring: number;
    open: number;
    actionsDue: number;
    actionsOnTime: number;
    actionsOverdue: number;
    actionsEffective: number;
    actionsIneffective: number;
    actionsUnchecked: number;
    lateActions: { measure: string; centreLine: number | null; runs: string[]; points: ControlChartPointRow[] };
  };
  monitoring: MonitoringRow[];
  kpis: KpiRow[];
  audits: {
    completed: AuditRow[];
    majorNonconformities: number;
    minorNonconformities: number;
    observations: number;
    opportunities: number;
  };
  opportunities: OpportunityRow[];
  risks: {
    inherentThen: ExposureRow;
    inherentNow: ExposureRow;
    residualThen: ExposureRow;
    residualNow: ExposureRow;
    awaitingReassessment: { id: string; title: string; score: number; level: string; reassessmentReason: string | null }[];
  };
  certification: {
    readiness: number | null;
    clauseShare: number | null;
    controlShare: number | null;
    projection: {
      p50: string;
      p80: string;
      p95: string;
      /** The engine's stage name, e.g. stage-2. */
      criticalStage: string | null;
      note: string;
    } | null;
  };
}

const ReviewExposureFields = gql`
  fragment ReviewExposureFields on ExposureView {
    risks
    meanScore
    totalScore
    aboveAppetite
  }
`;

export const ManagementReviewPackQuery = gql`
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
          id
          description
          external
          recordedOn
          retiredOn
        }
        issuesRetired {
          id
          description
          external
          recordedOn
          retiredOn
        }
        partiesAdded {
          id
          name
          needs
          recordedOn
          retiredOn
        }
        partiesRetired {
          id
          name
          needs
          recordedOn
          retiredOn
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
          ...ReviewExposureFields
        }
        inherentNow {
          ...ReviewExposureFields
        }
        residualThen {
          ...ReviewExposureFields
        }
        residualNow {
          ...ReviewExposureFields
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
  ${ReviewExposureFields}
`;
