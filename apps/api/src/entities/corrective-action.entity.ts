import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Finding } from './finding.entity.js';
import { Organisation } from './organisation.entity.js';

/** An action to remove the cause of a nonconformity, and the check that it worked (clause 10.2). */
@Entity({ tableName: 'corrective_action' })
@Index({ properties: ['finding', 'dueDate'] })
@ObjectType({ description: 'A corrective action and the check of its effectiveness (clause 10.2).' })
export class CorrectiveAction {
  [OptionalProps]?: 'owner' | 'completedOn' | 'effectivenessCheck' | 'effective' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  // Rel<> keeps the circular import with Finding out of the emitted decorator metadata.
  @ManyToOne(() => Finding, { deleteRule: 'cascade' })
  finding!: Rel<Finding>;

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

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'How and when effectiveness was checked.' })
  effectivenessCheck: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: 'The outcome of the check; null until checked.' })
  effective: boolean | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;
}
