import type { ImplementationStatus } from '@assay/schema';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ImplementationStatusEnum } from '../graphql-enums.js';

@ObjectType({ description: 'An Annex A control of ISO/IEC 42001, from the catalogue.' })
export class AnnexAControlInfo {
  @Field(() => String, { description: 'e.g. A.6.2.4' })
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'What the control asks, in Assay\'s words.' })
  summary!: string;

  @Field(() => String, { description: 'e.g. A.6' })
  objectiveId!: string;

  @Field(() => String)
  objectiveTitle!: string;
}

@ObjectType('SoaEntry', { description: 'The organisation\'s decision on one Annex A control (clause 6.1.3).' })
export class SoaEntryView {
  @Field(() => String)
  controlId!: string;

  @Field(() => AnnexAControlInfo)
  control!: AnnexAControlInfo;

  @Field(() => Boolean)
  applicable!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the control is included or excluded.' })
  justification!: string | null;

  @Field(() => ImplementationStatusEnum)
  implementationStatus!: ImplementationStatus;

  @Field(() => String, { nullable: true })
  owner!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueDate!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  implementedDate!: string | null;

  @Field(() => Int, { description: '0 until the entry is first recorded; send it back as expectedVersion.' })
  version!: number;
}

@InputType({ description: 'Changes to a Statement of Applicability entry. Fields left out keep their value.' })
export class UpdateSoaEntryInput {
  @Field(() => Int, { description: 'The version the change is based on (0 for an entry never recorded).' })
  expectedVersion!: number;

  @Field(() => Boolean, { nullable: true })
  applicable?: boolean | null;

  @Field(() => String, { nullable: true })
  justification?: string | null;

  @Field(() => ImplementationStatusEnum, { nullable: true })
  implementationStatus?: ImplementationStatus | null;

  @Field(() => String, { nullable: true })
  owner?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  implementedDate?: string | null;
}
