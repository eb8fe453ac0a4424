import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity.js';

/** An interested party and what it needs of the AIMS (clause 4.2). Retired rather than deleted. */
@Entity({ tableName: 'interested_party' })
@Index({ properties: ['organisation', 'recordedOn'] })
@ObjectType({ description: 'An interested party and its relevant needs and expectations (clause 4.2).' })
export class InterestedParty {
  [OptionalProps]?: 'addressedThroughAims' | 'retiredOn' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  name!: string;

  @Property({ type: 'text' })
  @Field(() => String, { description: 'Their relevant needs and expectations.' })
  needs!: string;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'Whether the AIMS addresses these needs (clause 4.2 asks which it will).' })
  addressedThroughAims: boolean = true;

  @Property({ type: 'date' })
  @Field(() => String)
  recordedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  retiredOn: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;
}
