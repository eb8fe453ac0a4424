import { randomUUID } from 'node:crypto';
import type { AiActAnswers, AiActClassificationTier, AiRole, EuAiActTier, LifeCycleStage } from '@assay/schema';
import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AiRoleEnum, EuAiActTierEnum, LifeCycleStageEnum } from '../graphql-enums.js';
import { ImpactAssessment } from './impact-assessment.entity.js';
import { Organisation } from './organisation.entity.js';
import type { Risk } from './risk.entity.js';

/** An AI system in the organisation's inventory (clause 4.1, Annex A.4 and A.6). */
@Entity({ tableName: 'ai_system' })
@Index({ properties: ['organisation', 'name'] })
@ObjectType({ description: "An AI system in the organisation's inventory." })
export class AiSystem {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'purpose' | 'intendedUse' | 'owner' | 'dataResources' | 'supplier' | 'euAiActTier' | 'tierRationale' | 'lifeCycleStage' | 'aiActAnswers' | 'aiActTier' | 'aiActRationale' | 'aiActClassifiedBy' | 'aiActClassifiedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the system is for.' })
  purpose: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The use it is designed and documented for (A.9.4).' })
  intendedUse: string | null = null;

  @Property({ type: 'string', length: 40 })
  @Field(() => LifeCycleStageEnum)
  lifeCycleStage: LifeCycleStage = 'inception';

  @Property({ type: 'string', length: 40 })
  @Field(() => AiRoleEnum, { description: "The organisation's role for this system (ISO/IEC 22989)." })
  organisationRole!: AiRole;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  owner: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The data the system is built and run on (A.4.3).' })
  dataResources: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who supplies the system or its model, if anyone (A.10.3).' })
  supplier: string | null = null;

  @Property({ type: 'string', length: 30 })
  @Field(() => EuAiActTierEnum, {
    description:
      'The risk tier under the EU AI Act. Set it with classifyAiSystem, which derives it from the answers to the questionnaire (aiActQuestionnaire) and keeps them; a tier set by hand with createAiSystem or updateAiSystem after a classification shows as overriddenByHand on aiActClassification.',
  })
  euAiActTier: EuAiActTier = 'unclassified';

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the system has its EU AI Act tier: the rationale classifyAiSystem wrote from the questionnaire, or one given by hand.' })
  tierRationale: string | null = null;

  /** The EU AI Act classification, exposed together as `aiActClassification` by AiActResolver; null until classifyAiSystem runs. */
  @Property({ type: 'json', nullable: true })
  aiActAnswers: AiActAnswers | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  aiActTier: AiActClassificationTier | null = null;

  @Property({ type: 'text', nullable: true })
  aiActRationale: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  aiActClassifiedBy: string | null = null;

  @Property({ type: Date, nullable: true })
  aiActClassifiedAt: Date | null = null;

  /** Exposed in GraphQL through AiSystemResolver.impactAssessments, which batches the loads. */
  /** The risks recorded against the system (named, not imported: Risk imports this class). */
  @OneToMany<Risk, AiSystem>('Risk', 'aiSystem', { orderBy: { score: 'desc', title: 'asc' } })
  risks = new Collection<Risk>(this);

  @OneToMany(() => ImpactAssessment, (assessment) => assessment.aiSystem, { orderBy: { assessedOn: 'desc', title: 'asc' } })
  impactAssessments = new Collection<ImpactAssessment>(this);

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;

  @Property({ type: Date })
  @Field(() => Date)
  createdAt: Date = new Date();

  @Property({ type: Date, onUpdate: () => new Date() })
  @Field(() => Date)
  updatedAt: Date = new Date();
}
