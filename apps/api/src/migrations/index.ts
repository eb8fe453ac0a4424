import { Migration20261128000000_initial } from './Migration20261128000000_initial.js';
import { Migration20261128120000_risk_assessments } from './Migration20261128120000_risk_assessments.js';
import { Migration20261128130000_ai_systems } from './Migration20261128130000_ai_systems.js';
import { Migration20261128140000_statement_of_applicability } from './Migration20261128140000_statement_of_applicability.js';
import { Migration20261128150000_evidence } from './Migration20261128150000_evidence.js';
import { Migration20261128160000_incidents } from './Migration20261128160000_incidents.js';
import { Migration20261128170000_audits } from './Migration20261128170000_audits.js';
import { Migration20261128180000_risk_sources_and_controls } from './Migration20261128180000_risk_sources_and_controls.js';
import { Migration20261128190000_organisation_context } from './Migration20261128190000_organisation_context.js';
import { Migration20261128200000_management_reviews } from './Migration20261128200000_management_reviews.js';
import { Migration20261128210000_policies } from './Migration20261128210000_policies.js';
import { Migration20261129010000_fairness_windows } from './Migration20261129010000_fairness_windows.js';
import { Migration20261129020000_certification_plan } from './Migration20261129020000_certification_plan.js';
import { Migration20261129030000_fairness_thresholds } from './Migration20261129030000_fairness_thresholds.js';
import { Migration20261129040000_prediction_imports } from './Migration20261129040000_prediction_imports.js';
import { Migration20261129050000_impact_assessments } from './Migration20261129050000_impact_assessments.js';
import { Migration20261129060000_objectives_training_suppliers } from './Migration20261129060000_objectives_training_suppliers.js';
import { Migration20261129070000_api_tokens } from './Migration20261129070000_api_tokens.js';
import { Migration20261129080000_audit_log } from './Migration20261129080000_audit_log.js';
import { Migration20261129090000_sign_in_failures } from './Migration20261129090000_sign_in_failures.js';
import { Migration20261129120000_membership_management } from './Migration20261129120000_membership_management.js';

/** Every migration in order; listed explicitly so the build needs no folder scanning. */
export const migrations = [
  { name: 'Migration20261128000000_initial', class: Migration20261128000000_initial },
  { name: 'Migration20261128120000_risk_assessments', class: Migration20261128120000_risk_assessments },
  { name: 'Migration20261128130000_ai_systems', class: Migration20261128130000_ai_systems },
  { name: 'Migration20261128140000_statement_of_applicability', class: Migration20261128140000_statement_of_applicability },
  { name: 'Migration20261128150000_evidence', class: Migration20261128150000_evidence },
  { name: 'Migration20261128160000_incidents', class: Migration20261128160000_incidents },
  { name: 'Migration20261128170000_audits', class: Migration20261128170000_audits },
  { name: 'Migration20261128180000_risk_sources_and_controls', class: Migration20261128180000_risk_sources_and_controls },
  { name: 'Migration20261128190000_organisation_context', class: Migration20261128190000_organisation_context },
  { name: 'Migration20261128200000_management_reviews', class: Migration20261128200000_management_reviews },
  { name: 'Migration20261128210000_policies', class: Migration20261128210000_policies },
  { name: 'Migration20261129010000_fairness_windows', class: Migration20261129010000_fairness_windows },
  { name: 'Migration20261129020000_certification_plan', class: Migration20261129020000_certification_plan },
  { name: 'Migration20261129030000_fairness_thresholds', class: Migration20261129030000_fairness_thresholds },
  { name: 'Migration20261129040000_prediction_imports', class: Migration20261129040000_prediction_imports },
  { name: 'Migration20261129050000_impact_assessments', class: Migration20261129050000_impact_assessments },
  { name: 'Migration20261129060000_objectives_training_suppliers', class: Migration20261129060000_objectives_training_suppliers },
  { name: 'Migration20261129070000_api_tokens', class: Migration20261129070000_api_tokens },
  { name: 'Migration20261129080000_audit_log', class: Migration20261129080000_audit_log },
  { name: 'Migration20261129090000_sign_in_failures', class: Migration20261129090000_sign_in_failures },
  { name: 'Migration20261129120000_membership_management', class: Migration20261129120000_membership_management },
];
