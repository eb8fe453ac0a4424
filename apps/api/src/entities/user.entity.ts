import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

@Entity({ tableName: 'app_user' })
@ObjectType({ description: 'A person who signs in to Assay.' })
export class User {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  /** Stored lower-cased, so sign-in ignores case. */
  @Property({ type: 'string', length: 320, unique: true })
  @Field(() => String)
  email!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  name!: string;

  /** `scrypt$…`; never exposed through GraphQL. */
  @Property({ type: 'string', length: 255, hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: Date })
  @Field(() => Date)
  createdAt: Date = new Date();
}
