import { randomUUID } from 'node:crypto';
import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity.js';
import { ReviewAction } from './review-action.entity.js';

/** A management review of the AIMS by top management (clause 9.3), with its decisions and actions. */
@Entity({ tableName: 'management_review' })
@Index({ properties: ['organisation', 'heldOn'] })
@ObjectType({ description: 'A management review (clause 9.3): who attended, what was considered and decided.' })
export class ManagementReview {
  [OptionalProps]?: 'attendees' | 'inputs' | 'decisions' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'YYYY-MM-DD.' })
  heldOn!: string;

  @Property({ type: 'json' })
  @Field(() => [String])
  attendees: string[] = [];

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The inputs of clause 9.3.2 as considered.' })
  inputs: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Decisions on improvement and on changes to the AIMS (clause 9.3.3).' })
  decisions: string | null = null;

  @OneToMany(() => ReviewAction, (action) => action.review, { orderBy: { dueDate: 'asc' } })
  actions = new Collection<ReviewAction>(this);

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;
}
