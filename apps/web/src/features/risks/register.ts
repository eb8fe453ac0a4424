import type { CombinedError } from 'urql';
import { gql } from 'urql';
import type { Role } from '../auth/viewer.js';

export const RISK_STATUSES = ['IDENTIFIED', 'ASSESSED', 'TREATING', 'MONITORING', 'CLOSED'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const RISK_TREATMENTS = ['MITIGATE', 'AVOID', 'TRANSFER', 'ACCEPT'] as const;
export type RiskTreatment = (typeof RISK_TREATMENTS)[number];

export const STATUS_LABELS: Record<RiskStatus, string> = {
  IDENTIFIED: 'Identified',
  ASSESSED: 'Assessed',
  TREATING: 'Being treated',
  MONITORING: 'Monitoring',
  CLOSED: 'Closed',
};

export const TREATMENT_LABELS: Record<RiskTreatment, string> = {
  MITIGATE: 'Mitigate',
  AVOID: 'Avoid',
  TRANSFER: 'Transfer',
  ACCEPT: 'Accept',
};

/** The roles the API lets change risks (RISK_EDITORS in apps/api/src/auth/roles.ts). */
const RISK_EDITORS: readonly Role[] = ['ADMIN', 'RISK_MANAGER'];

export function canEditRisks(role: Role): boolean {
  return RISK_EDITORS.includes(role);
}

/** The columns the register sorts by (RiskOrderField). */
export type RiskOrderField = 'TITLE' | 'OWNER' | 'STATUS' | 'SCORE' | 'RESIDUAL_SCORE' | 'REVIEW_DATE';
export type SortDirection = 'ASC' | 'DESC';

export interface RiskFilter {
  search?: string;
  level?: string[];
  status?: RiskStatus[];
  aiSystemId?: string;
  withinAppetite?: boolean;
  reviewOverdue?: boolean;
}

export interface RegisterRow {
  id: string;
  title: string;
  owner: string | null;
  status: RiskStatus;
  score: number;
  level: string;
  residualScore: number | null;
  residualLevel: string | null;
  withinAppetite: boolean;
  reviewDate: string | null;
  aiSystem: { id: string; name: string } | null;
}

export interface RiskRegisterData {
  risks: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: RegisterRow[];
  };
}

export const RiskRegisterQuery = gql`
  query RiskRegister($first: Int!, $after: String, $filter: RiskFilter, $orderBy: RiskOrder) {
    risks(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        owner
        status
        score
        level
        residualScore
        residualLevel
        withinAppetite
        reviewDate
        aiSystem {
          id
          name
        }
      }
    }
  }
`;

/** What the filter controls offer: the organisation's levels and AI systems. */
export interface RegisterChoicesData {
  riskMatrix: { bands: { level: string }[] };
  aiSystems: { nodes: { id: string; name: string }[] };
}

export const RegisterChoicesQuery = gql`
  query RegisterChoices {
    riskMatrix {
      bands {
        level
      }
    }
    aiSystems(first: 500) {
      nodes {
        id
        name
      }
    }
  }
`;

export interface RiskAssessmentRow {
  id: string;
  assessedAt: string;
  likelihood: number;
  impact: number;
  score: number;
  level: string;
  residualScore: number | null;
  residualLevel: string | null;
  assessedBy: { name: string } | null;
}

export interface RiskDetail {
  id: string;
  version: number;
  title: string;
  description: string | null;
  status: RiskStatus;
  treatment: RiskTreatment | null;
  owner: string | null;
  reviewDate: string | null;
  objective: string | null;
  source: string | null;
  likelihood: number;
  impact: number;
  score: number;
  level: string;
  withinAppetite: boolean;
  residualLikelihood: number | null;
  residualImpact: number | null;
  residualScore: number | null;
  residualLevel: string | null;
  reassessmentReason: string | null;
  controlIds: string[];
  updatedAt: string;
  aiSystem: { id: string; name: string } | null;
  assessments: RiskAssessmentRow[];
}

export interface LinkedControl {
  controlId: string;
  applicable: boolean;
  implementationStatus: string;
  control: { title: string };
}

export interface RiskScale {
  likelihood: { value: number; label: string }[];
  impact: { value: number; label: string }[];
  appetite: number;
  maxScore: number;
}

export interface RiskDetailData {
  risk: RiskDetail | null;
  riskMatrix: RiskScale;
  controls: { nodes: LinkedControl[] };
}

const RiskDetailFields = gql`
  fragment RiskDetailFields on Risk {
    id
    version
    title
    description
    status
    treatment
    owner
    reviewDate
    objective
    source
    likelihood
    impact
    score
    level
    withinAppetite
    residualLikelihood
    residualImpact
    residualScore
    residualLevel
    reassessmentReason
    controlIds
    updatedAt
    aiSystem {
      id
      name
    }
    assessments {
      id
      assessedAt
      likelihood
      impact
      score
      level
      residualScore
      residualLevel
      assessedBy {
        name
      }
    }
  }
`;

export const RiskDetailQuery = gql`
  query RiskDetail($id: ID!) {
    risk(id: $id) {
      ...RiskDetailFields
    }
    riskMatrix {
      likelihood {
        value
        label
      }
      impact {
        value
        label
      }
      appetite
      maxScore
    }
    controls(first: 100) {
      nodes {
        controlId
        applicable
        implementationStatus
        control {
          title
        }
      }
    }
  }
  ${RiskDetailFields}
`;

/** What the form needs besides the risk: the scales and the AI systems to choose from. */
export interface RiskFormChoicesData {
  riskMatrix: RiskScale;
  aiSystems: { nodes: { id: string; name: string }[] };
}

export const RiskFormChoicesQuery = gql`
  query RiskFormChoices {
    riskMatrix {
      likelihood {
        value
        label
      }
      impact {
        value
        label
      }
      appetite
      maxScore
    }
    aiSystems(first: 500) {
      nodes {
        id
        name
      }
    }
  }
`;

export const CreateRiskMutation = gql`
  mutation CreateRisk($input: CreateRiskInput!) {
    createRisk(input: $input) {
      ...RiskDetailFields
    }
  }
  ${RiskDetailFields}
`;

export const UpdateRiskMutation = gql`
  mutation UpdateRisk($id: ID!, $input: UpdateRiskInput!) {
    updateRisk(id: $id, input: $input) {
      ...RiskDetailFields
    }
  }
  ${RiskDetailFields}
`;

/** The API's reasons for refusing input, by the field they name (extensions.field). */
export function fieldErrorsOf(error: CombinedError | undefined): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const problem of error?.graphQLErrors ?? []) {
    const field = problem.extensions?.field;
    if (problem.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string' && messages[field] === undefined) {
      messages[field] = problem.message;
    }
  }
  return messages;
}

/** Whether the API refused a change because the record changed since it was read. */
export function isConflict(error: CombinedError | undefined): boolean {
  return (error?.graphQLErrors ?? []).some((problem) => problem.extensions?.code === 'CONFLICT');
}
