import { randomUUID } from 'node:crypto';
import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity.js';
import { PolicyVersion } from './policy-version.entity.js';

/** A policy of the AIMS (clause 5.2, A.2), kept with every version and its approval. */
@Entity({ tableName: 'policy' })
@Index({ properties: ['organisation', 'title'] })
@ObjectType({ description: 'A policy (clause 5.2, Annex A.2) with its versions and approvals.' })
export class Policy {
  [OptionalProps]?: 'owner' | 'nextReviewOn' | 'latestVersionNumber' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  title!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  owner: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'When the policy is next due for review (A.2.4).' })
  nextReviewOn: string | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'The number of the newest version.' })
  latestVersionNumber: number = 1;

  @OneToMany(() => PolicyVersion, (version) => version.policy, { orderBy: { number: 'desc' } })
  versions = new Collection<PolicyVersion>(this);

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;
}
