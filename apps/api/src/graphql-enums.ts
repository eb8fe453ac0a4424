import { riskStatuses, riskTreatmentOptions, type RiskStatus, type RiskTreatmentOption } from '@assay/schema';
import { registerEnumType } from 'type-graphql';

/** `['design-development']` → `{ DESIGN_DEVELOPMENT: 'design-development' }`: GraphQL names, stored values. */
function enumOf<Value extends string>(values: readonly Value[]): Record<string, Value> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase().replace(/-/g, '_'), value]));
}

/** The shared vocabularies of @assay/schema as GraphQL enums. */
export const RiskTreatmentEnum = enumOf<RiskTreatmentOption>(riskTreatmentOptions);
registerEnumType(RiskTreatmentEnum, { name: 'RiskTreatment', description: 'How a risk is treated (ISO 31000 §6.5.2).' });

export const RiskStatusEnum = enumOf<RiskStatus>(riskStatuses);
registerEnumType(RiskStatusEnum, { name: 'RiskStatus', description: 'Where a risk stands in its handling.' });
