import { Field, InputType, Int } from 'type-graphql';

/** The fields every tracked action takes; on update, fields left out keep their value. */
@InputType()
export abstract class TrackedActionInput {
  @Field(() => Int, { nullable: true, description: 'Required on update: the version the change is based on.' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  owner?: string | null;

  @Field(() => String, { nullable: true })
  dueDate?: string | null;

  @Field(() => String, { nullable: true })
  completedOn?: string | null;
}
