import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AiSystem } from '../entities/ai-system.entity.js';
import type { IncidentStatus, SeriousIncidentCase } from '@assay/schema';
import { IncidentStatusEnum, SeriousIncidentCaseEnum } from '../graphql-enums.js';

@ObjectType('Incident', { description: 'An AI incident (A.8.4) and, for serious ones, its Art. 73 reporting deadline.' })
export class IncidentView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => AiSystem, { nullable: true })
  aiSystem!: AiSystem | null;

  @Field(() => String, { description: 'YYYY-MM-DD: when the organisation became aware.' })
  awareOn!: string;

  @Field(() => SeriousIncidentCaseEnum)
  seriousCase!: SeriousIncidentCase;

  @Field(() => String, { nullable: true, description: 'Last day to report under Art. 73; null when not serious.' })
  reportingDeadline!: string | null;

  @Field(() => String, { nullable: true })
  reportedOn!: string | null;

  @Field(() => Boolean, { description: 'Serious, not reported, and past its deadline on the day of the request.' })
  reportOverdue!: boolean;

  @Field(() => IncidentStatusEnum)
  status!: IncidentStatus;

  @Field(() => Int)
  version!: number;
}

@InputType()
abstract class IncidentDetailsInput {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, { nullable: true })
  aiSystemId?: string | null;

  @Field(() => SeriousIncidentCaseEnum, { nullable: true })
  seriousCase?: SeriousIncidentCase | null;

  @Field(() => String, { nullable: true })
  reportedOn?: string | null;

  @Field(() => IncidentStatusEnum, { nullable: true })
  status?: IncidentStatus | null;
}

@InputType({ description: 'A new incident.' })
export class CreateIncidentInput extends IncidentDetailsInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  awareOn!: string;
}

@InputType({ description: 'Changes to an incident. Fields left out keep their value.' })
export class UpdateIncidentInput extends IncidentDetailsInput {
  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  awareOn?: string | null;
}
