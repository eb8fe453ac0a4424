import { gql } from 'urql';

export type Role = 'ADMIN' | 'RISK_MANAGER' | 'ANALYST' | 'AUDITOR' | 'EXECUTIVE';

export interface Viewer {
  role: Role;
  sessionExpiresAt: string;
  user: { id: string; name: string; email: string };
  organisation: { id: string; name: string };
}

export const ViewerFields = gql`
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
`;

export const ViewerQuery = gql`
  query Viewer {
    me {
      ...ViewerFields
    }
  }
  ${ViewerFields}
`;

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Administrator',
  RISK_MANAGER: 'Risk manager',
  ANALYST: 'Analyst',
  AUDITOR: 'Auditor',
  EXECUTIVE: 'Executive (read only)',
};
