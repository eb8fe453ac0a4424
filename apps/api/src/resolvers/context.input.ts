import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A context issue; on update, fields left out keep their value.' })
export class ContextIssueInput {
  @Field(() => Int, { nullable: true, description: 'Required on update: the version the change is based on.' })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true })
  external?: boolean | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  effect?: string | null;

  @Field(() => Boolean, { nullable: true })
  climateRelated?: boolean | null;

  @Field(() => String, { nullable: true })
  recordedOn?: string | null;

  @Field(() => String, { nullable: true })
  retiredOn?: string | null;
}

@InputType({ description: 'An interested party; on update, fields left out keep their value.' })
export class InterestedPartyInput {
  @Field(() => Int, { nullable: true, description: 'Required on update: the version the change is based on.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  needs?: string | null;

  @Field(() => Boolean, { nullable: true })
  addressedThroughAims?: boolean | null;

  @Field(() => String, { nullable: true })
  recordedOn?: string | null;

  @Field(() => String, { nullable: true })
  retiredOn?: string | null;
}

@InputType({ description: 'Changes to the organisation itself (administrators only).' })
export class OrganisationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The boundaries and applicability of the AIMS (clause 4.3).' })
  aimsScope?: string | null;
}
