import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'A new risk, rated on the organisation\'s matrix.' })
export class CreateRiskInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int)
  likelihood!: number;

  @Field(() => Int)
  impact!: number;
}

@InputType({ description: 'Changes to a risk. Fields left out keep their value.' })
export class UpdateRiskInput {
  @Field(() => Int, { description: 'The version the change is based on; a stale one is refused as a conflict.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true })
  likelihood?: number | null;

  @Field(() => Int, { nullable: true })
  impact?: number | null;
}
