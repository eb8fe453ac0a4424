import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity.js';

/**
 * What every action Assay tracks has: what is to be done, by whom, by when, and when it was
 * done. Corrective actions and management-review actions extend it.
 */
@Entity({ abstract: true })
@ObjectType()
export abstract class TrackedAction {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'text' })
  @Field(() => String)
  description!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  owner: string | null = null;

  @Property({ type: 'date' })
  @Field(() => String)
  dueDate!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  completedOn: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;
}
