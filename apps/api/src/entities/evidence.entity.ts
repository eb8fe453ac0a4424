import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Organisation } from './organisation.entity.js';

/**
 * A piece of evidence an auditor can check: a document, record or link, the Annex A controls and
 * clauses it supports, and until when it is valid. Through the crosswalk one piece also serves
 * the matching ISO 27001, ISO 9001, EU AI Act and NIST AI RMF requirements.
 */
@Entity({ tableName: 'evidence' })
@Index({ properties: ['organisation', 'validUntil'] })
export class Evidence {
  [OptionalProps]?: 'description' | 'location' | 'owner' | 'collectedOn' | 'validUntil' | 'controlIds' | 'clauseIds' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** Where the evidence is kept: a URL or a document reference. */
  @Property({ type: 'string', length: 1000, nullable: true })
  location: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  owner: string | null = null;

  @Property({ type: 'date', nullable: true })
  collectedOn: string | null = null;

  @Property({ type: 'date', nullable: true })
  validUntil: string | null = null;

  /** Annex A control ids, e.g. ["A.6.2.4"]. */
  @Property({ type: 'json' })
  controlIds: string[] = [];

  /** Clause ids of ISO/IEC 42001, e.g. ["9.2.2"]. */
  @Property({ type: 'json' })
  clauseIds: string[] = [];

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: Date })
  createdAt: Date = new Date();

  @Property({ type: Date, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
