import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity.js';

@Entity({ tableName: 'risk' })
@Index({ properties: ['organisation', 'score'] })
@ObjectType({ description: 'An AI risk, scored on the organisation\'s risk matrix (clause 6.1.2).' })
export class Risk {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'description';

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

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: 'Increases with every change; send it back to detect conflicting edits.' })
  version!: number;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  @Field(() => Date)
  updatedAt: Date = new Date();
}
