import { Field, InputType, Int } from 'type-graphql';
import { TrackedActionInput } from './tracked-action.input.js';

@InputType({ description: 'A management review; on update, fields left out keep their value.' })
export class ManagementReviewInput {
  @Field(() => Int, { nullable: true, description: 'Required on update: the version the change is based on.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  heldOn?: string | null;

  @Field(() => [String], { nullable: true })
  attendees?: string[] | null;

  @Field(() => String, { nullable: true })
  inputs?: string | null;

  @Field(() => String, { nullable: true })
  decisions?: string | null;
}

@InputType({ description: 'A review action; on update, fields left out keep their value.' })
export class ReviewActionInput extends TrackedActionInput {}
