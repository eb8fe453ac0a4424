import { randomUUID } from 'node:crypto';
import type { AffectedLevel, ImpactKind } from '@assay/schema';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AffectedLevelEnum, ImpactKindEnum } from '../graphql-enums.js';
import { ImpactAssessment } from './impact-assessment.entity.js';
import { Organisation } from './organisation.entity.js';

/** One actual or reasonably foreseeable impact of an AI system, a harm or a benefit (ISO/IEC 42005 6.8–6.9). */
@Entity({ tableName: 'impact_item' })
@Index({ properties: ['assessment', 'kind'] })
@ObjectType({ description: 'A harm or benefit of an AI system: on whom it falls, how severe and how likely, and how it is addressed.' })
export class ImpactItem {
  [OptionalProps]?: 'affectedParties' | 'mitigation' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  // Rel<> keeps the circular import with ImpactAssessment out of the emitted decorator metadata.
  /** Exposed in GraphQL through ImpactItemResolver.assessment. */
  @ManyToOne(() => ImpactAssessment, { deleteRule: 'cascade' })
  assessment!: Rel<ImpactAssessment>;

  @Property({ type: 'string', length: 10 })
  @Field(() => ImpactKindEnum)
  kind!: ImpactKind;

  @Property({ type: 'string', length: 20 })
  @Field(() => AffectedLevelEnum)
  affected!: AffectedLevel;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who in particular is affected, e.g. "loan applicants over 60".' })
  affectedParties: string | null = null;

  @Property({ type: 'text' })
  @Field(() => String)
  description!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'How severe the harm, or how large the benefit: 1 = negligible, 5 = very severe or very large.' })
  severity!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'How likely it is to occur: 1 = rare, 5 = almost certain.' })
  likelihood!: number;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'How a harm is prevented or reduced, or a benefit secured (ISO/IEC 42005 6.9).' })
  mitigation: string | null = null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int)
  version!: number;
}
