import type { AiRole, EuAiActTier, LifeCycleStage } from '@assay/schema';
import { Field, InputType, Int } from 'type-graphql';
import { AiRoleEnum, EuAiActTierEnum, LifeCycleStageEnum } from '../graphql-enums.js';

/** Fields that creating and changing an AI system share; all optional. */
@InputType()
abstract class AiSystemDetailsInput {
  @Field(() => String, { nullable: true })
  purpose?: string | null;

  @Field(() => String, { nullable: true })
  intendedUse?: string | null;

  @Field(() => LifeCycleStageEnum, { nullable: true })
  lifeCycleStage?: LifeCycleStage | null;

  @Field(() => String, { nullable: true })
  owner?: string | null;

  @Field(() => String, { nullable: true })
  dataResources?: string | null;

  @Field(() => String, { nullable: true })
  supplier?: string | null;

  @Field(() => EuAiActTierEnum, {
    nullable: true,
    description: 'Sets the EU AI Act tier by hand. Prefer classifyAiSystem, which derives the tier from the questionnaire and records the answers, who classified and when; a tier set here shows as overriddenByHand on aiActClassification.',
  })
  euAiActTier?: EuAiActTier | null;

  @Field(() => String, { nullable: true, description: 'Why the system has its tier, written by hand; classifyAiSystem writes it from the questionnaire instead.' })
  tierRationale?: string | null;
}

@InputType({ description: 'A new AI system for the inventory.' })
export class CreateAiSystemInput extends AiSystemDetailsInput {
  @Field(() => String)
  name!: string;

  @Field(() => AiRoleEnum)
  organisationRole!: AiRole;
}

@InputType({ description: 'Changes to an AI system. Fields left out keep their value; null clears an optional text.' })
export class UpdateAiSystemInput extends AiSystemDetailsInput {
  @Field(() => Int, { description: 'The version the change is based on; a stale one is refused as a conflict.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => AiRoleEnum, { nullable: true })
  organisationRole?: AiRole | null;
}
