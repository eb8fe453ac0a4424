import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ManagementReview } from './management-review.entity.js';
import { Organisation } from './organisation.entity.js';

/** An action decided in a management review; its status is input (a) of the next review. */
@Entity({ tableName: 'review_action' })
@Index({ properties: ['review', 'dueDate'] })
@ObjectType({ description: 'An action decided in a management review.' })
export class ReviewAction {
  [OptionalProps]?: 'owner' | 'completedOn' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  // Rel<> keeps the circular import with ManagementReview out of the emitted decorator metadata.
  @ManyToOne(() => ManagementReview, { deleteRule: 'cascade' })
  review!: Rel<ManagementReview>;

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
