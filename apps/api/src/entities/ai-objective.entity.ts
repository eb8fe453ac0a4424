import { randomUUID } from 'node:crypto';
import type { KpiDirection, ObjectiveStatus } from '@assay/schema';
import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { KpiDirectionEnum, ObjectiveStatusEnum } from '../graphql-enums.js';
import { KpiMeasurement } from './kpi-measurement.entity.js';
import { Organisation } from './organisation.entity.js';

/**
 * An AI objective (clause 6.2) with the KPI that shows whether it is met, measured over time
 * under clause 9.1. The measurements are child rows; latest value, target and trend are computed.
 */
@Entity({ tableName: 'ai_objective' })
@Index({ properties: ['organisation', 'targetDate'] })
@ObjectType({ description: 'An AI objective (clause 6.2) and the KPI it is measured by (clause 9.1).' })
export class AiObjective {
  [OptionalProps]?: 'description' | 'owner' | 'status' | 'controlIds' | 'kpiUnit' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  title!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  owner: string | null = null;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'YYYY-MM-DD: when the objective is to be achieved.' })
  targetDate!: string;

  @Property({ type: 'string', length: 20 })
  @Field(() => ObjectiveStatusEnum)
  status: ObjectiveStatus = 'planned';

  /** Annex A control ids the objective supports, e.g. ["A.5.4"]. */
  @Property({ type: 'json' })
  @Field(() => [String], { description: 'Annex A controls the objective supports, e.g. A.5.4.' })
  controlIds: string[] = [];

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'What the KPI measures.' })
  kpiName!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'The unit of the KPI, e.g. % or days.' })
  kpiUnit: string | null = null;

  @Property({ type: 'string', length: 20 })
  @Field(() => KpiDirectionEnum)
  kpiDirection!: KpiDirection;

  @Property({ type: 'double' })
  @Field(() => Float, { description: 'The value the KPI is to reach: at least it when higher is better, at most it when lower is.' })
  kpiTarget!: number;

  @OneToMany(() => KpiMeasurement, (measurement) => measurement.objective, { orderBy: { measuredOn: 'asc' } })
  measurements = new Collection<KpiMeasurement>(this);

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;

  @Property({ type: Date })
  createdAt: Date = new Date();

  @Property({ type: Date, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
