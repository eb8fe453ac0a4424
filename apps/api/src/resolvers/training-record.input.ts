import { Field, InputType, Int } from 'type-graphql';

/** Fields that creating and changing a training record share; all optional. */
@InputType()
abstract class TrainingRecordDetailsInput {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the last day it is valid; null when it does not expire.' })
  expiresOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the certificate or attendance record is kept.' })
  evidenceLocation?: string | null;
}

@InputType({ description: 'A new training or competence record.' })
export class CreateTrainingRecordInput extends TrainingRecordDetailsInput {
  @Field(() => String)
  person!: string;

  @Field(() => String)
  role!: string;

  @Field(() => String, { description: 'The competence shown or the course completed.' })
  competence!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  completedOn!: string;
}

@InputType({ description: 'Changes to a training record. Fields left out keep their value.' })
export class UpdateTrainingRecordInput extends TrainingRecordDetailsInput {
  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  person?: string | null;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  competence?: string | null;

  @Field(() => String, { nullable: true })
  completedOn?: string | null;
}
