import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from './organisation.entity.js';

/**
 * One change to a record of the AIMS: who, when, what, and the values before and after. Entries
 * of an organisation form a chain: each carries the SHA-256 of the one before, so an entry that
 * is altered, inserted or deleted afterwards breaks the chain where it happened.
 */
@Entity({ tableName: 'audit_log_entry' })
@Unique({ properties: ['organisation', 'sequence'] })
@Index({ properties: ['organisation', 'entityType', 'entityId'] })
@ObjectType({ description: 'A change to a record: who, when, what, before and after (tamper-evident).' })
export class AuditLogEntry {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  /** 1, 2, 3, … within the organisation, with no gaps. */
  @Property({ type: 'integer' })
  @Field(() => Int)
  sequence!: number;

  @Property({ type: Date })
  @Field(() => Date)
  at!: Date;

  /** The user's id, or null for Assay itself (the demo seed, the import command line). */
  @Property({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Who made the change, as shown then (a user’s email, or what ran it).' })
  actor!: string;

  @Property({ type: 'string', length: 60 })
  @Field(() => String, { description: 'The kind of record, e.g. Risk or SoaEntry.' })
  entityType!: string;

  @Property({ type: 'string', length: 60 })
  @Field(() => String)
  entityId!: string;

  @Property({ type: 'string', length: 10 })
  @Field(() => String, { description: 'create, update or delete.' })
  operation!: 'create' | 'update' | 'delete';

  /** JSON of the changed fields' values before (updates) or of the whole record (deletes). */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'JSON: the changed fields before the change (the whole record for a delete).' })
  before!: string | null;

  /** JSON of the changed fields' values after (updates) or of the whole record (creates). */
  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'JSON: the changed fields after the change (the whole record for a create).' })
  after!: string | null;

  @Property({ type: 'string', length: 64 })
  previousHash!: string;

  @Property({ type: 'string', length: 64 })
  @Field(() => String, { description: 'SHA-256 over the previous hash and this entry.' })
  hash!: string;
}
