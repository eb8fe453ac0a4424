import type { ResultOf } from '@graphql-typed-document-node/core';
import type { CombinedError } from 'urql';
import { graphql } from '../../gql/index.js';
import type { RiskFilter, RiskOrderField, RiskStatus, RiskTreatment, SortDirection } from '../../gql/graphql.js';
import type { Role } from '../auth/viewer.js';

export type { RiskFilter, RiskOrderField, RiskStatus, RiskTreatment, SortDirection };

/** The statuses in the order of a risk's life. */
export const RISK_STATUSES: readonly RiskStatus[] = ['IDENTIFIED', 'ASSESSED', 'TREATING', 'MONITORING', 'CLOSED'];

export const RISK_TREATMENTS: readonly RiskTreatment[] = ['MITIGATE', 'AVOID', 'TRANSFER', 'ACCEPT'];

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

export const RiskRegisterQuery = graphql(`
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
`);

export type RiskRegisterData = ResultOf<typeof RiskRegisterQuery>;
export type RegisterRow = RiskRegisterData['risks']['nodes'][number];

/** What the filter controls offer: the organisation's levels and AI systems. */
export const RegisterChoicesQuery = graphql(`
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
`);

export type RegisterChoicesData = ResultOf<typeof RegisterChoicesQuery>;

const RiskDetailFields = graphql(`
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
`);

export type RiskDetail = ResultOf<typeof RiskDetailFields>;
export type RiskAssessmentRow = RiskDetail['assessments'][number];

export const RiskDetailQuery = graphql(`
  query RiskDetail($id: ID!) {
    risk(id: $id) {
      ...RiskDetailFields
    }
    riskMatrix {
      ...RiskScaleFields
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
`);

export type RiskDetailData = ResultOf<typeof RiskDetailQuery>;
export type LinkedControl = RiskDetailData['controls']['nodes'][number];

/** What the form needs besides the risk: the scales and the AI systems to choose from. */
export const RiskFormChoicesQuery = graphql(`
  query RiskFormChoices {
    riskMatrix {
      ...RiskScaleFields
    }
    aiSystems(first: 500) {
      nodes {
        id
        name
      }
    }
  }
`);

export type RiskFormChoicesData = ResultOf<typeof RiskFormChoicesQuery>;

export const CreateRiskMutation = graphql(`
  mutation CreateRisk($input: CreateRiskInput!) {
    createRisk(input: $input) {
      ...RiskDetailFields
    }
  }
`);

export const UpdateRiskMutation = graphql(`
  mutation UpdateRisk($id: ID!, $input: UpdateRiskInput!) {
    updateRisk(id: $id, input: $input) {
      ...RiskDetailFields
    }
  }
`);

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
