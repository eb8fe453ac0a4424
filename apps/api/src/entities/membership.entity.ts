import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Role } from '../auth/roles.js';
import { Organisation } from './organisation.entity.js';
import { User } from './user.entity.js';

@Entity({ tableName: 'membership' })
@Unique({ properties: ['user', 'organisation'] })
@ObjectType({ description: "A user's role in one organisation." })
export class Membership {
  [OptionalProps]?: 'createdAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Field(() => User)
  user!: User;

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  @Field(() => Organisation)
  organisation!: Organisation;

  @Property({ type: 'string', length: 40 })
  @Field(() => Role)
  role!: Role;

  @Property({ type: Date })
  @Field(() => Date)
  createdAt: Date = new Date();

  /** Raised by every change of role, so two administrators cannot overwrite each other's edit. */
  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;
}
