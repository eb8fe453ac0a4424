import { randomUUID } from 'node:crypto';
import type { CertificationStage as StageName } from '@assay/risk-engine';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Organisation } from './organisation.entity.js';

/**
 * One stage of the organisation's way to certification (gap analysis … certification decision,
 * after the ISO/IEC 17021-1 audit process), with planned and actual dates. A stage without a row
 * has no dates yet; rows are written only when someone records a date.
 */
@Entity({ tableName: 'certification_stage' })
@Unique({ properties: ['organisation', 'stage'] })
export class CertificationStage {
  [OptionalProps]?: 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd' | 'notes' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'string', length: 40 })
  stage!: StageName;

  @Property({ type: 'date', nullable: true })
  plannedStart: string | null = null;

  @Property({ type: 'date', nullable: true })
  plannedEnd: string | null = null;

  @Property({ type: 'date', nullable: true })
  actualStart: string | null = null;

  @Property({ type: 'date', nullable: true })
  actualEnd: string | null = null;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'integer', version: true })
  version!: number;
}
