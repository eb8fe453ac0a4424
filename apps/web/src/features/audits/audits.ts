import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';
import type { AuditStatus, FindingKind } from '../../gql/graphql.js';

export type { FindingKind };

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  MAJOR_NONCONFORMITY: 'Major nonconformity',
  MINOR_NONCONFORMITY: 'Minor nonconformity',
  OBSERVATION: 'Observation',
  OPPORTUNITY: 'Opportunity for improvement',
};

export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = { PLANNED: 'Planned', IN_PROGRESS: 'In progress', COMPLETED: 'Completed' };

const FindingFields = graphql(`
  fragment FindingFields on Finding {
    id
    kind
    clauseId
    controlId
    description
    rootCause
    raisedOn
    status
    correctiveActions {
      id
      description
      owner
      dueDate
      completedOn
      overdue
      effective
      effectivenessCheck
    }
  }
`);

/** The internal audits with their findings and actions, and the findings fairness monitoring raised. */
export const AuditRegisterQuery = graphql(`
  query AuditRegister {
    audits(first: 100) {
      totalCount
      nodes {
        id
        title
        scope
        auditor
        status
        plannedOn
        completedOn
        findings {
          ...FindingFields
        }
      }
    }
    findings(filter: { source: MONITORING }, first: 100) {
      totalCount
      nodes {
        ...FindingFields
        aiSystem {
          id
          name
        }
      }
    }
  }
`);

export type AuditRow = ResultOf<typeof AuditRegisterQuery>['audits']['nodes'][number];
type MonitoringFinding = ResultOf<typeof AuditRegisterQuery>['findings']['nodes'][number];
/** A finding of an audit, or one raised by monitoring, which also names its AI system. */
export type FindingRow = ResultOf<typeof FindingFields> & Partial<Pick<MonitoringFinding, 'aiSystem'>>;
export type CorrectiveActionRow = FindingRow['correctiveActions'][number];

/** Open findings, and corrective actions still open or overdue, over a set of findings. */
export function actionFigures(findings: readonly FindingRow[]): { openFindings: number; openActions: number; overdueActions: number; uncheckedActions: number } {
  const actions = findings.flatMap((finding) => finding.correctiveActions);
  return {
    openFindings: findings.filter((finding) => finding.status === 'OPEN').length,
    openActions: actions.filter((action) => action.completedOn === null).length,
    overdueActions: actions.filter((action) => action.overdue).length,
    uncheckedActions: actions.filter((action) => action.completedOn !== null && action.effective === null).length,
  };
}
