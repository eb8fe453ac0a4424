import { registerEnumType } from 'type-graphql';

/** What a member of an organisation may do in Assay. */
export enum Role {
  /** Everything, including members and settings. */
  ADMIN = 'admin',
  /** Maintains risks, treatments and assessments. */
  RISK_MANAGER = 'risk_manager',
  /** Reads everything, scripts against the API with tokens, and feeds monitoring data. */
  ANALYST = 'analyst',
  /** Reads everything; records audits and findings. */
  AUDITOR = 'auditor',
  /** Reads the dashboard and reports; changes nothing. */
  EXECUTIVE = 'executive',
}

// GraphQL names the values ADMIN, RISK_MANAGER, ANALYST, AUDITOR and EXECUTIVE.
registerEnumType(Role, { name: 'Role', description: "A member's role in an organisation." });

/** Roles allowed to change the registers. */
export const RISK_EDITORS: readonly Role[] = [Role.ADMIN, Role.RISK_MANAGER];

/** Roles that record audits, findings, corrective actions and evidence. */
export const AUDIT_EDITORS: readonly Role[] = [...RISK_EDITORS, Role.AUDITOR];

/** Roles that feed monitoring data: fairness windows and prediction logs. */
export const MONITORING_WRITERS: readonly Role[] = [...RISK_EDITORS, Role.ANALYST];
