import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { FairnessMetricEnum, type FairnessMetricName, ThresholdDirectionEnum } from '../resolvers/fairness.type.js';
import { AiSystem } from './ai-system.entity.js';
import { Organisation } from './organisation.entity.js';
import { Risk } from './risk.entity.js';

/**
 * The organisation's criterion for a fairness metric of one AI system and attribute, e.g.
 * disparate impact for sex below 0.8. Each new window that breaches it raises a monitoring
 * finding (clause 9.1 feeding 10.2) and asks for the linked risk to be re-assessed.
 */
@Entity({ tableName: 'fairness_threshold' })
@Index({ properties: ['aiSystem', 'attribute'] })
@ObjectType({ description: 'A fairness threshold of an AI system: a breach in a new window raises a finding and flags the linked risk.' })
export class FairnessThreshold {
  [OptionalProps]?: 'privilegedGroup' | 'minGroupSize' | 'risk' | 'version' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  /** Exposed in GraphQL through FairnessThresholdResolver.aiSystem. */
  @ManyToOne(() => AiSystem, { deleteRule: 'cascade' })
  aiSystem!: AiSystem;

  @Property({ type: 'string', length: 100 })
  @Field(() => String)
  attribute!: string;

  @Property({ type: 'string', length: 40 })
  @Field(() => FairnessMetricEnum)
  metric!: FairnessMetricName;

  @Property({ type: 'string', length: 10 })
  @Field(() => ThresholdDirectionEnum, { description: 'BELOW: a value under the threshold breaches it; ABOVE: a value over it.' })
  direction!: 'above' | 'below';

  @Property({ type: 'double' })
  @Field(() => Float)
  value!: number;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'For the AIF360 metrics (disparate impact, …).' })
  privilegedGroup: string | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Groups with fewer rows in a window are left out (suppressed).' })
  minGroupSize: number = 0;

  /** The risk to re-assess on a breach; exposed through FairnessThresholdResolver.risk. */
  @ManyToOne(() => Risk, { nullable: true, deleteRule: 'set null' })
  risk: Risk | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;

  @Property({ type: Date })
  createdAt: Date = new Date();
}
