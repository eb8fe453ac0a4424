import { randomUUID } from 'node:crypto';
import type { AuditStatus } from '@assay/schema';
import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AuditStatusEnum } from '../graphql-enums.js';
import { Finding } from './finding.entity.js';
import { Organisation } from './organisation.entity.js';

/** An internal audit of the AIMS (clause 9.2). */
@Entity({ tableName: 'audit' })
@Index({ properties: ['organisation', 'plannedOn'] })
@ObjectType({ description: 'An internal audit of the AI management system (clause 9.2).' })
export class Audit {
  [OptionalProps]?: 'scope' | 'auditor' | 'completedOn' | 'status' | 'version' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  title!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  scope: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Lead auditor.' })
  auditor: string | null = null;

  @Property({ type: 'date' })
  @Field(() => String, { description: 'YYYY-MM-DD.' })
  plannedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  completedOn: string | null = null;

  @Property({ type: 'string', length: 20 })
  @Field(() => AuditStatusEnum)
  status: AuditStatus = 'planned';

  @OneToMany(() => Finding, (finding) => finding.audit, { orderBy: { raisedOn: 'asc' } })
  findings = new Collection<Finding>(this);

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: 'Increases with every change to the audit; send it back to detect conflicting edits.' })
  version!: number;

  @Property({ type: Date })
  createdAt: Date = new Date();
}
