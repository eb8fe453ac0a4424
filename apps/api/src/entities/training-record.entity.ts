import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity.js';

/**
 * Evidence of competence (clause 7.2) or awareness (7.3): a person in a role completed a course or
 * showed a competence on a day, possibly valid only until a later one.
 */
@Entity({ tableName: 'training_record' })
@Index({ properties: ['organisation', 'person'] })
@ObjectType({ description: 'A training or competence record (clauses 7.2 and 7.3).' })
export class TrainingRecord {
  [OptionalProps]?: 'expiresOn' | 'evidenceLocation' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  person!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'The role the competence is needed for.' })
  role!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'The competence shown or the course completed.' })
  competence!: string;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'YYYY-MM-DD.' })
  completedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the last day it is valid; null when it does not expire.' })
  expiresOn: string | null = null;

  /** Where the certificate or attendance record is kept: a URL or a document reference. */
  @Property({ type: 'string', length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where the certificate or attendance record is kept.' })
  evidenceLocation: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;

  @Property({ type: Date })
  createdAt: Date = new Date();

  @Property({ type: Date, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
