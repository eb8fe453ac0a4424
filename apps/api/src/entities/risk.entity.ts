import { randomUUID } from 'node:crypto';
import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { RiskStatus, RiskTreatmentOption } from '@assay/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RiskStatusEnum, RiskTreatmentEnum } from '../graphql-enums.js';
import { AiSystem } from './ai-system.entity.js';
import { Organisation } from './organisation.entity.js';
import { RiskAssessment } from './risk-assessment.entity.js';

@Entity({ tableName: 'risk' })
@Index({ properties: ['organisation', 'score'] })
@Index({ properties: ['organisation', 'aiSystem'] })
@ObjectType({ description: 'An AI risk, scored on the organisation\'s risk matrix (clause 6.1.2).' })
export class Risk {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'description' | 'aiSystem' | 'source' | 'objective' | 'controlIds' | 'status' | 'treatment' | 'owner' | 'reviewDate' | 'residualLikelihood' | 'residualImpact' | 'residualScore' | 'residualLevel' | 'reassessmentReason';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  /** Exposed in GraphQL through RiskResolver.aiSystem, which batches the loads. */
  @ManyToOne(() => AiSystem, { nullable: true, deleteRule: 'set null' })
  aiSystem: AiSystem | null = null;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  title!: string;

  /**
   * Why the risk must be re-assessed (a monitoring threshold breached, say); null when no
   * re-assessment is pending. Recording a new assessment clears it.
   */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the risk awaits re-assessment (e.g. a fairness threshold breached); null when none is pending.' })
  reassessmentReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Likelihood on the matrix scale, 1 = lowest.' })
  likelihood!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Impact on the matrix scale, 1 = lowest.' })
  impact!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Inherent score from the risk matrix (likelihood × impact by default).' })
  score!: number;

  @Property({ type: 'string', length: 40 })
  @Field(() => String, { description: 'Rating band of the score, e.g. Low, Medium, High, Critical.' })
  level!: string;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Whether the score is within the risk appetite.' })
  withinAppetite!: boolean;

  @Property({ type: 'string', length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: 'Risk source, a key of ISO/IEC 42001 Annex C.3 (e.g. level-of-automation).' })
  source: string | null = null;

  @Property({ type: 'string', length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: 'The objective at risk, a key of ISO/IEC 42001 Annex C.2 (e.g. fairness).' })
  objective: string | null = null;

  // The database default gives rows from before this column an empty list.
  @Property({ type: 'json', default: '[]' })
  @Field(() => [String], { description: 'Annex A controls that treat the risk.' })
  controlIds: string[] = [];

  @Property({ type: 'string', length: 30 })
  @Field(() => RiskStatusEnum)
  status: RiskStatus = 'identified';

  @Property({ type: 'string', length: 20, nullable: true })
  @Field(() => RiskTreatmentEnum, { nullable: true, description: 'The chosen treatment option, once decided.' })
  treatment: RiskTreatmentOption | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who answers for the risk.' })
  owner: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'When the risk is next due for review (YYYY-MM-DD).' })
  reviewDate: string | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Likelihood after treatment.' })
  residualLikelihood: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Impact after treatment.' })
  residualImpact: number | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Residual score, from the residual rating.' })
  residualScore: number | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  @Field(() => String, { nullable: true })
  residualLevel: string | null = null;

  /** Every assessment of the risk, kept as history. */
  @OneToMany(() => RiskAssessment, (assessment) => assessment.risk, { orderBy: { assessedAt: 'desc' } })
  assessments = new Collection<RiskAssessment>(this);

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: 'Increases with every change; send it back to detect conflicting edits.' })
  version!: number;

  @Property({ type: Date })
  @Field(() => Date)
  createdAt: Date = new Date();

  @Property({ type: Date, onUpdate: () => new Date() })
  @Field(() => Date)
  updatedAt: Date = new Date();
}
