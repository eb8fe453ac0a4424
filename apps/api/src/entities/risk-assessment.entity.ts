import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Risk } from './risk.entity.js';
import { User } from './user.entity.js';

/**
 * One assessment of a risk: its ratings and scores at a moment. A new one is recorded whenever
 * the risk is created or re-rated, so the register keeps its history (clause 8.2 results).
 */
@Entity({ tableName: 'risk_assessment' })
@Index({ properties: ['risk', 'assessedAt'] })
@ObjectType({ description: 'A recorded assessment of a risk.' })
export class RiskAssessment {
  [OptionalProps]?: 'assessedAt' | 'assessedBy' | 'residualLikelihood' | 'residualImpact' | 'residualScore' | 'residualLevel';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  // Rel<> keeps the circular import with Risk out of the emitted decorator metadata.
  @ManyToOne(() => Risk, { deleteRule: 'cascade' })
  risk!: Rel<Risk>;

  @Property({ type: Date })
  @Field(() => Date)
  assessedAt: Date = new Date();

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  @Field(() => User, { nullable: true })
  assessedBy: User | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int)
  likelihood!: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  impact!: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  score!: number;

  @Property({ type: 'string', length: 40 })
  @Field(() => String)
  level!: string;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  residualLikelihood: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  residualImpact: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true })
  residualScore: number | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  @Field(() => String, { nullable: true })
  residualLevel: string | null = null;
}
