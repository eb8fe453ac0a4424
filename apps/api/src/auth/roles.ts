import { registerEnumType } from 'type-graphql';

/** What a member of an organisation may do in Assay. */
export enum Role {
  /** Everything, including members and settings. */
  ADMIN = 'admin',
  /** Maintains risks, treatments and assessments. */
  RISK_MANAGER = 'risk_manager',
  /** Reads everything; records audits and findings. */
  AUDITOR = 'auditor',
  /** Reads the dashboard and reports; changes nothing. */
  EXECUTIVE = 'executive',
}

// GraphQL names the values ADMIN, RISK_MANAGER, AUDITOR and EXECUTIVE.
registerEnumType(Role, { name: 'Role', description: "A member's role in an organisation." });

/** Roles allowed to change the risk register. */
export const RISK_EDITORS: readonly Role[] = [Role.ADMIN, Role.RISK_MANAGER];
