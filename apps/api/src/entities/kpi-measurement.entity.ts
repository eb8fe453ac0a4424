import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AiObjective } from './ai-objective.entity.js';

/** One measurement of an objective's KPI: its value on a day (clause 9.1). */
@Entity({ tableName: 'kpi_measurement' })
@Unique({ properties: ['objective', 'measuredOn'] })
@ObjectType({ description: "One measurement of an AI objective's KPI." })
export class KpiMeasurement {
  [OptionalProps]?: 'note' | 'version' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  // Rel<> keeps the circular import with AiObjective out of the emitted decorator metadata.
  @ManyToOne(() => AiObjective, { deleteRule: 'cascade' })
  objective!: Rel<AiObjective>;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'YYYY-MM-DD; one measurement per day.' })
  measuredOn!: string;

  @Property({ type: 'double' })
  @Field(() => Float)
  value!: number;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;

  @Property({ type: Date })
  createdAt: Date = new Date();
}
