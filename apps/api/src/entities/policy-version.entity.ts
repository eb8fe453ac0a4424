import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Policy } from './policy.entity.js';

/** One version of a policy's text; approved once, never edited afterwards. */
@Entity({ tableName: 'policy_version' })
@Unique({ properties: ['policy', 'number'] })
@ObjectType({ description: 'A version of a policy and its approval.' })
export class PolicyVersion {
  [OptionalProps]?: 'approvedBy' | 'approvedOn' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  // Rel<> keeps the circular import with Policy out of the emitted decorator metadata.
  @ManyToOne(() => Policy, { deleteRule: 'cascade' })
  policy!: Rel<Policy>;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '1 for the first version.' })
  number!: number;

  @Property({ type: 'text' })
  @Field(() => String)
  text!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  approvedBy: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  approvedOn: string | null = null;

  @Property({ type: Date })
  @Field(() => Date)
  createdAt: Date = new Date();
}
