import { Entity, Index, ManyToOne, OptionalProps, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Finding } from './finding.entity.js';
import { TrackedAction } from './tracked-action.js';

/** An action to remove the cause of a nonconformity, and the check that it worked (clause 10.2). */
@Entity({ tableName: 'corrective_action' })
@Index({ properties: ['finding', 'dueDate'] })
@ObjectType({ description: 'A corrective action and the check of its effectiveness (clause 10.2).' })
export class CorrectiveAction extends TrackedAction {
  [OptionalProps]?: 'owner' | 'completedOn' | 'effectivenessCheck' | 'effective' | 'version';

  // Rel<> keeps the circular import with Finding out of the emitted decorator metadata.
  @ManyToOne(() => Finding, { deleteRule: 'cascade' })
  finding!: Rel<Finding>;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'How and when effectiveness was checked.' })
  effectivenessCheck: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: 'The outcome of the check; null until checked.' })
  effective: boolean | null = null;
}
