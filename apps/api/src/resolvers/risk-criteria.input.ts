import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'One level of a likelihood or impact scale; its value is its position in the list, from 1.' })
export class ScaleLevelInput {
  @Field(() => String)
  label!: string;
}

@InputType({ description: 'A rating band: scores from min to max, both included, carry this level.' })
export class RiskBandInput {
  @Field(() => String)
  level!: string;

  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;
}

@InputType({
  description:
    'New risk criteria (clause 6.1.1). Fields left out keep their value. Scores are likelihood × impact; every score the matrix can produce must fall in exactly one band. Every risk is re-scored on the result.',
})
export class RiskCriteriaInput {
  @Field(() => Int, { description: 'The version the change is based on (0 for the defaults); a stale one is refused as a conflict.' })
  expectedVersion!: number;

  @Field(() => [ScaleLevelInput], { nullable: true, description: 'Likelihood levels, lowest first: 3 to 7. It may not drop a level a risk is rated at.' })
  likelihood?: ScaleLevelInput[] | null;

  @Field(() => [ScaleLevelInput], { nullable: true, description: 'Impact levels, lowest first: 3 to 7. It may not drop a level a risk is rated at.' })
  impact?: ScaleLevelInput[] | null;

  @Field(() => [RiskBandInput], { nullable: true, description: 'Rating bands, in any order, without overlap.' })
  bands?: RiskBandInput[] | null;

  @Field(() => Int, { nullable: true, description: 'The highest acceptable score, from 0 to the highest score of the matrix.' })
  appetite?: number | null;
}
