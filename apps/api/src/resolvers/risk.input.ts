import type { RiskStatus, RiskTreatmentOption } from '@assay/schema';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RiskStatusEnum, RiskTreatmentEnum } from '../graphql-enums.js';

/** Fields that creating and changing a risk share; all optional. */
@InputType()
abstract class RiskDetailsInput {
  @Field(() => ID, { nullable: true, description: 'The AI system the risk belongs to; null detaches it.' })
  aiSystemId?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'A key of Annex C.3, e.g. level-of-automation.' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'A key of Annex C.2, e.g. fairness.' })
  objective?: string | null;

  @Field(() => [String], { nullable: true, description: 'Annex A controls that treat the risk.' })
  controlIds?: string[] | null;

  @Field(() => RiskStatusEnum, { nullable: true })
  status?: RiskStatus | null;

  @Field(() => RiskTreatmentEnum, { nullable: true })
  treatment?: RiskTreatmentOption | null;

  @Field(() => String, { nullable: true })
  owner?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  reviewDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Likelihood after treatment; no higher than the inherent likelihood.' })
  residualLikelihood?: number | null;

  @Field(() => Int, { nullable: true, description: 'Impact after treatment; no higher than the inherent impact.' })
  residualImpact?: number | null;
}

@InputType({ description: "A new risk, rated on the organisation's matrix." })
export class CreateRiskInput extends RiskDetailsInput {
  @Field(() => String)
  title!: string;

  @Field(() => Int)
  likelihood!: number;

  @Field(() => Int)
  impact!: number;
}

@InputType({ description: 'Changes to a risk. Fields left out keep their value; null clears an optional field.' })
export class UpdateRiskInput extends RiskDetailsInput {
  @Field(() => Int, { description: 'The version the change is based on; a stale one is refused as a conflict.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true })
  likelihood?: number | null;

  @Field(() => Int, { nullable: true })
  impact?: number | null;
}

@InputType({ description: 'Narrows the risk register; every condition given must hold.' })
export class RiskFilter {
  @Field(() => [RiskStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  status?: RiskStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these inherent levels, e.g. ["High", "Critical"].' })
  level?: string[] | null;

  @Field(() => [RiskTreatmentEnum], { nullable: true })
  treatment?: RiskTreatmentOption[] | null;

  @Field(() => ID, { nullable: true })
  aiSystemId?: string | null;

  @Field(() => Boolean, { nullable: true })
  withinAppetite?: boolean | null;

  @Field(() => String, { nullable: true, description: 'An Annex A control the risk is linked to, e.g. A.6.2.4.' })
  controlId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only risks whose review date has passed (true) or has not (false).' })
  reviewOverdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Words found in the title, description or owner (case does not matter).' })
  search?: string | null;
}
