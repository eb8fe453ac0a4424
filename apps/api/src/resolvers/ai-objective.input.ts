import type { KpiDirection, ObjectiveStatus } from '@assay/schema';
import { Field, Float, InputType, Int } from 'type-graphql';
import { KpiDirectionEnum, ObjectiveStatusEnum } from '../graphql-enums.js';

/** Fields that creating and changing an AI objective share; all optional. */
@InputType()
abstract class AiObjectiveDetailsInput {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  owner?: string | null;

  @Field(() => ObjectiveStatusEnum, { nullable: true, description: 'Default PLANNED.' })
  status?: ObjectiveStatus | null;

  @Field(() => [String], { nullable: true, description: 'Annex A control ids, e.g. A.5.4; null or [] clears them.' })
  controlIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'e.g. % or days.' })
  kpiUnit?: string | null;
}

@InputType({ description: 'A new AI objective with its KPI.' })
export class CreateAiObjectiveInput extends AiObjectiveDetailsInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  targetDate!: string;

  @Field(() => String)
  kpiName!: string;

  @Field(() => KpiDirectionEnum)
  kpiDirection!: KpiDirection;

  @Field(() => Float)
  kpiTarget!: number;
}

@InputType({ description: 'Changes to an AI objective. Fields left out keep their value.' })
export class UpdateAiObjectiveInput extends AiObjectiveDetailsInput {
  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  targetDate?: string | null;

  @Field(() => String, { nullable: true })
  kpiName?: string | null;

  @Field(() => KpiDirectionEnum, { nullable: true })
  kpiDirection?: KpiDirection | null;

  @Field(() => Float, { nullable: true })
  kpiTarget?: number | null;
}

@InputType({ description: 'A new measurement of a KPI.' })
export class CreateKpiMeasurementInput {
  @Field(() => String, { description: 'YYYY-MM-DD; one measurement per KPI and day.' })
  measuredOn!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'Changes to a KPI measurement. Fields left out keep their value.' })
export class UpdateKpiMeasurementInput {
  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  measuredOn?: string | null;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
