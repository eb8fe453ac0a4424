import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';
import type { Role } from '../../gql/graphql.js';

export type { Role };

export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    role
    sessionExpiresAt
    user {
      id
      name
      email
    }
    organisation {
      id
      name
    }
  }
`);

/** Who is signed in, for which organisation, and in which role. */
export type Viewer = ResultOf<typeof ViewerFields>;

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      ...ViewerFields
    }
  }
`);

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Administrator',
  RISK_MANAGER: 'Risk manager',
  ANALYST: 'Analyst',
  AUDITOR: 'Auditor',
  EXECUTIVE: 'Executive (read only)',
};
