import { gql } from 'urql';

export type FindingKind = 'MAJOR_NONCONFORMITY' | 'MINOR_NONCONFORMITY' | 'OBSERVATION' | 'OPPORTUNITY';

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  MAJOR_NONCONFORMITY: 'Major nonconformity',
  MINOR_NONCONFORMITY: 'Minor nonconformity',
  OBSERVATION: 'Observation',
  OPPORTUNITY: 'Opportunity for improvement',
};

export const AUDIT_STATUS_LABELS: Record<AuditRow['status'], string> = { PLANNED: 'Planned', IN_PROGRESS: 'In progress', COMPLETED: 'Completed' };

export interface CorrectiveActionRow {
  id: string;
  description: string;
  owner: string | null;
  dueDate: string;
  completedOn: string | null;
  overdue: boolean;
  effective: boolean | null;
  effectivenessCheck: string | null;
}

export interface FindingRow {
  id: string;
  kind: FindingKind;
  clauseId: string | null;
  controlId: string | null;
  description: string;
  rootCause: string | null;
  raisedOn: string;
  status: 'OPEN' | 'CLOSED';
  correctiveActions: CorrectiveActionRow[];
  aiSystem?: { id: string; name: string } | null;
}

export interface AuditRow {
  id: string;
  title: string;
  scope: string | null;
  auditor: string | null;
  status: 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED';
  plannedOn: string;
  completedOn: string | null;
  findings: FindingRow[];
}

export interface AuditRegisterData {
  audits: { totalCount: number; nodes: AuditRow[] };
  findings: { totalCount: number; nodes: FindingRow[] };
}

const FindingFields = gql`
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
`;

/** The internal audits with their findings and actions, and the findings fairness monitoring raised. */
export const AuditRegisterQuery = gql`
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
  ${FindingFields}
`;

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
