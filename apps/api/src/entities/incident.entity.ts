import { randomUUID } from 'node:crypto';
import type { IncidentStatus, SeriousIncidentCase } from '@assay/schema';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { AiSystem } from './ai-system.entity.js';
import { Organisation } from './organisation.entity.js';

/** An AI incident (A.8.4), with the Art. 73 reporting deadline for serious ones. */
@Entity({ tableName: 'incident' })
@Index({ properties: ['organisation', 'awareOn'] })
export class Incident {
  [OptionalProps]?: 'aiSystem' | 'description' | 'seriousCase' | 'reportedOn' | 'status' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @ManyToOne(() => AiSystem, { nullable: true, deleteRule: 'set null' })
  aiSystem: AiSystem | null = null;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** The day the organisation became aware of the incident: Art. 73 deadlines run from it. */
  @Property({ type: 'date' })
  awareOn!: string;

  @Property({ type: 'string', length: 40 })
  seriousCase: SeriousIncidentCase = 'none';

  /** The day the incident was reported to the market surveillance authority, if it was. */
  @Property({ type: 'date', nullable: true })
  reportedOn: string | null = null;

  @Property({ type: 'string', length: 20 })
  status: IncidentStatus = 'open';

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: Date })
  createdAt: Date = new Date();

  @Property({ type: Date, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
