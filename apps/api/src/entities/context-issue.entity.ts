import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity.js';

/**
 * An external or internal issue relevant to the AIMS (clause 4.1), climate change included where
 * relevant. Retired rather than deleted, so a management review can tell what changed since.
 */
@Entity({ tableName: 'context_issue' })
@Index({ properties: ['organisation', 'recordedOn'] })
@ObjectType({ description: 'An external or internal issue relevant to the AIMS (clause 4.1).' })
export class ContextIssue {
  [OptionalProps]?: 'effect' | 'climateRelated' | 'retiredOn' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'True for an issue outside the organisation, false for one inside it.' })
  external!: boolean;

  @Property({ type: 'text' })
  @Field(() => String)
  description!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'How the issue affects the intended outcomes of the AIMS.' })
  effect: string | null = null;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Clause 4.1 asks whether climate change is a relevant issue.' })
  climateRelated: boolean = false;

  @Property({ type: 'date' })
  @Field(() => String)
  recordedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'When the issue stopped being relevant.' })
  retiredOn: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;
}
