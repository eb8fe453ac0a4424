import type { ImplementationStatus } from '@assay/schema';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ImplementationStatusEnum } from '../graphql-enums.js';

@ObjectType({ description: 'A link from an ISO/IEC 42001 control or clause to another framework.' })
export class CrosswalkLinkInfo {
  @Field(() => String, { description: 'iso27001, iso9001, eu-ai-act or nist-ai-rmf.' })
  framework!: string;

  @Field(() => String, { description: 'e.g. A.5.1, 10.3, Art 27, MAP 1.6' })
  ref!: string;

  @Field(() => String, { description: 'published (from a named mapping) or proposed (by Assay, for review).' })
  basis!: string;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

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

  @Field(() => [CrosswalkLinkInfo], { description: 'Where the control meets ISO 27001, ISO 9001, the EU AI Act and the NIST AI RMF.' })
  crosswalk!: CrosswalkLinkInfo[];
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
