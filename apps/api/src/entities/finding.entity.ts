import { randomUUID } from 'node:crypto';
import type { FindingKind, FindingStatus } from '@assay/schema';
import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { FindingKindEnum, FindingStatusEnum } from '../graphql-enums.js';
import { AiSystem } from './ai-system.entity.js';
import { Audit } from './audit.entity.js';
import { CorrectiveAction } from './corrective-action.entity.js';
import { FairnessThreshold } from './fairness-threshold.entity.js';
import { Organisation } from './organisation.entity.js';
import { Risk } from './risk.entity.js';

/** What an audit found: a nonconformity, an observation or an opportunity (clauses 9.2, 10.2). */
@Entity({ tableName: 'finding' })
@Index({ properties: ['audit', 'raisedOn'] })
@ObjectType({ description: 'An audit finding, against a clause or an Annex A control.' })
export class Finding {
  [OptionalProps]?: 'audit' | 'source' | 'aiSystem' | 'risk' | 'threshold' | 'clauseId' | 'controlId' | 'rootCause' | 'status' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  // Rel<> keeps the circular import with Audit out of the emitted decorator metadata.
  /** The internal audit that raised it; null for a finding raised by monitoring. */
  @ManyToOne(() => Audit, { nullable: true, deleteRule: 'cascade' })
  audit: Rel<Audit> | null = null;

  @Property({ type: 'string', length: 20 })
  @Field(() => String, { description: 'audit (raised by an internal audit) or monitoring (raised when a new window breached a threshold).' })
  source: 'audit' | 'monitoring' = 'audit';

  /** Exposed in GraphQL through FindingResolver.aiSystem, which batches the loads. */
  @ManyToOne(() => AiSystem, { nullable: true, deleteRule: 'set null' })
  aiSystem: AiSystem | null = null;

  /** Exposed in GraphQL through FindingResolver.risk. */
  @ManyToOne(() => Risk, { nullable: true, deleteRule: 'set null' })
  risk: Risk | null = null;

  /** The threshold whose breach raised it (monitoring findings). */
  @ManyToOne(() => FairnessThreshold, { nullable: true, deleteRule: 'set null' })
  threshold: FairnessThreshold | null = null;

  @Property({ type: 'string', length: 30 })
  @Field(() => FindingKindEnum)
  kind!: FindingKind;

  @Property({ type: 'string', length: 20, nullable: true })
  @Field(() => String, { nullable: true, description: 'The ISO/IEC 42001 clause concerned, e.g. 8.2.' })
  clauseId: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  @Field(() => String, { nullable: true, description: 'The Annex A control concerned, e.g. A.6.2.8.' })
  controlId: string | null = null;

  @Property({ type: 'text' })
  @Field(() => String)
  description!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  rootCause: string | null = null;

  @Property({ type: 'date' })
  @Field(() => String)
  raisedOn!: string;

  @Property({ type: 'string', length: 20 })
  @Field(() => FindingStatusEnum)
  status: FindingStatus = 'open';

  @OneToMany(() => CorrectiveAction, (action) => action.finding, { orderBy: { dueDate: 'asc' } })
  correctiveActions = new Collection<CorrectiveAction>(this);

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;
}
