import { randomUUID } from 'node:crypto';
import type { DueDiligenceStatus, SupplyKind } from '@assay/schema';
import { Collection, Entity, Index, ManyToMany, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DueDiligenceStatusEnum, SupplyKindEnum } from '../graphql-enums.js';
import { AiSystem } from './ai-system.entity.js';
import { Organisation } from './organisation.entity.js';

/**
 * A supplier of models, data, platforms or services for the organisation's AI systems (Annex
 * A.10.3), with the responsibilities allocated between it and the organisation (A.10.2) and the
 * state of its due diligence.
 */
@Entity({ tableName: 'supplier' })
@Index({ properties: ['organisation', 'name'] })
@ObjectType({ description: 'A supplier for AI systems (Annex A.10.2–A.10.3) and its due diligence.' })
export class Supplier {
  [OptionalProps]?: 'supplies' | 'contractReference' | 'dueDiligenceStatus' | 'lastAssessedOn' | 'nextReviewOn' | 'responsibilities' | 'notes' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'string', length: 200 })
  @Field(() => String)
  name!: string;

  @Property({ type: 'json' })
  @Field(() => [SupplyKindEnum], { description: 'What the supplier provides.' })
  supplies: SupplyKind[] = [];

  /** The organisation's AI systems the supplier provides for; exposed through SupplierResolver.aiSystems. */
  @ManyToMany({ entity: () => AiSystem, pivotTable: 'supplier_ai_system', owner: true })
  aiSystems = new Collection<AiSystem>(this);

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  contractReference: string | null = null;

  @Property({ type: 'string', length: 20 })
  @Field(() => DueDiligenceStatusEnum)
  dueDiligenceStatus: DueDiligenceStatus = 'not-assessed';

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when the due diligence was last done.' })
  lastAssessedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when the supplier is next to be reviewed.' })
  nextReviewOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'How responsibilities are allocated between the supplier and the organisation (A.10.2).' })
  responsibilities: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  notes: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;

  @Property({ type: Date })
  createdAt: Date = new Date();

  @Property({ type: Date, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
