import type { DueDiligenceStatus, SupplyKind } from '@assay/schema';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DueDiligenceStatusEnum, SupplyKindEnum } from '../graphql-enums.js';

/** Fields that creating and changing a supplier share; all optional. */
@InputType()
abstract class SupplierDetailsInput {
  @Field(() => [ID], { nullable: true, description: 'The AI systems of the organisation the supplier provides for; null or [] unlinks them all.' })
  aiSystemIds?: string[] | null;

  @Field(() => String, { nullable: true })
  contractReference?: string | null;

  @Field(() => DueDiligenceStatusEnum, { nullable: true, description: 'Default NOT_ASSESSED; any other status needs lastAssessedOn.' })
  dueDiligenceStatus?: DueDiligenceStatus | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  lastAssessedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  nextReviewOn?: string | null;

  @Field(() => String, { nullable: true, description: 'How responsibilities are allocated between the supplier and the organisation (A.10.2).' })
  responsibilities?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType({ description: 'A new supplier.' })
export class CreateSupplierInput extends SupplierDetailsInput {
  @Field(() => String)
  name!: string;

  @Field(() => [SupplyKindEnum], { description: 'At least one.' })
  supplies!: SupplyKind[];
}

@InputType({ description: 'Changes to a supplier. Fields left out keep their value.' })
export class UpdateSupplierInput extends SupplierDetailsInput {
  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [SupplyKindEnum], { nullable: true })
  supplies?: SupplyKind[] | null;
}
