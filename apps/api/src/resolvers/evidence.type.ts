import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CrosswalkLinkInfo } from './soa.type.js';

@ObjectType('Evidence', { description: 'A piece of evidence, the requirements it supports, and its validity.' })
export class EvidenceView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'A URL or a document reference.' })
  location!: string | null;

  @Field(() => String, { nullable: true })
  owner!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  collectedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when it does not expire.' })
  validUntil!: string | null;

  @Field(() => Boolean, { description: 'validUntil is before the date of the request.' })
  expired!: boolean;

  @Field(() => [String], { description: 'Annex A controls it supports.' })
  controlIds!: string[];

  @Field(() => [String], { description: 'ISO/IEC 42001 clauses it supports.' })
  clauseIds!: string[];

  @Field(() => [CrosswalkLinkInfo], { description: 'Requirements of other frameworks it also serves, through the crosswalk.' })
  alsoServes!: CrosswalkLinkInfo[];

  @Field(() => Int)
  version!: number;
}

@InputType()
abstract class EvidenceDetailsInput {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  owner?: string | null;

  @Field(() => String, { nullable: true })
  collectedOn?: string | null;

  @Field(() => String, { nullable: true })
  validUntil?: string | null;

  @Field(() => [String], { nullable: true })
  controlIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  clauseIds?: string[] | null;
}

@InputType({ description: 'A new piece of evidence.' })
export class CreateEvidenceInput extends EvidenceDetailsInput {
  @Field(() => String)
  title!: string;
}

@InputType({ description: 'Changes to a piece of evidence. Fields left out keep their value.' })
export class UpdateEvidenceInput extends EvidenceDetailsInput {
  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;
}
