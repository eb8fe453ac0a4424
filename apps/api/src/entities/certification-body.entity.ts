import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Organisation } from './organisation.entity.js';

/**
 * A certification body the organisation considers or has chosen, with its accreditation: who
 * accredited it, under which number, whether that accreditation's scope covers ISO/IEC 42001, and
 * when someone last checked. Certificates from unaccredited bodies exist; this record shows which.
 */
@Entity({ tableName: 'certification_body' })
@Index({ properties: ['organisation', 'name'] })
export class CertificationBody {
  [OptionalProps]?: 'accreditationBody' | 'accreditationNumber' | 'scopeCovers42001' | 'verifiedOn' | 'chosen' | 'notes' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The accreditation body's acronym, e.g. UKAS; null when the body is not accredited. */
  @Property({ type: 'string', length: 40, nullable: true })
  accreditationBody: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  accreditationNumber: string | null = null;

  /** The accreditation's scope names ISO/IEC 42001 (MLA status is per scope). */
  @Property({ type: 'boolean', fieldName: 'scope_covers_42001' })
  scopeCovers42001: boolean = false;

  /** When the accreditation was last checked in the accreditation body's directory. */
  @Property({ type: 'date', nullable: true })
  verifiedOn: string | null = null;

  /** The body chosen for the certification audits; at most one per organisation. */
  @Property({ type: 'boolean' })
  chosen: boolean = false;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'integer', version: true })
  version!: number;
}
