import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

@Entity({ tableName: 'organisation' })
@ObjectType({ description: 'An organisation whose AI management system (AIMS) Assay holds.' })
export class Organisation {
  [OptionalProps]?: 'createdAt' | 'aimsScope';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  name!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The boundaries and applicability of the AIMS (clause 4.3).' })
  aimsScope: string | null = null;

  @Property({ type: Date })
  @Field(() => Date)
  createdAt: Date = new Date();
}
