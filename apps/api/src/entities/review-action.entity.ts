import { Entity, Index, ManyToOne, OptionalProps, type Rel } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { ManagementReview } from './management-review.entity.js';
import { TrackedAction } from './tracked-action.js';

/** An action decided in a management review; its status is input (a) of the next review. */
@Entity({ tableName: 'review_action' })
@Index({ properties: ['review', 'dueDate'] })
@ObjectType({ description: 'An action decided in a management review.' })
export class ReviewAction extends TrackedAction {
  [OptionalProps]?: 'owner' | 'completedOn' | 'version';

  // Rel<> keeps the circular import with ManagementReview out of the emitted decorator metadata.
  @ManyToOne(() => ManagementReview, { deleteRule: 'cascade' })
  review!: Rel<ManagementReview>;
}
