import { randomUUID } from 'node:crypto';
import type { ImplementationStatus } from '@assay/schema';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Organisation } from './organisation.entity.js';

/**
 * The organisation's decision on one Annex A control in its Statement of Applicability (clause
 * 6.1.3): whether it applies, why, and how far it is implemented. A control without a row is
 * applicable and not started.
 */
@Entity({ tableName: 'soa_entry' })
@Unique({ properties: ['organisation', 'controlId'] })
export class SoaEntry {
  [OptionalProps]?: 'applicable' | 'justification' | 'implementationStatus' | 'owner' | 'dueDate' | 'implementedDate' | 'version' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  /** An Annex A control id from @assay/schema, e.g. `A.6.2.4`. */
  @Property({ type: 'string', length: 20 })
  controlId!: string;

  @Property({ type: 'boolean' })
  applicable: boolean = true;

  @Property({ type: 'text', nullable: true })
  justification: string | null = null;

  @Property({ type: 'string', length: 20 })
  implementationStatus: ImplementationStatus = 'not-started';

  @Property({ type: 'string', length: 200, nullable: true })
  owner: string | null = null;

  @Property({ type: 'date', nullable: true })
  dueDate: string | null = null;

  @Property({ type: 'date', nullable: true })
  implementedDate: string | null = null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: Date, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
