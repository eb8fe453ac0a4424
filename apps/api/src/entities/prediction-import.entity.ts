import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { AiSystem } from './ai-system.entity.js';
import { Organisation } from './organisation.entity.js';
import { User } from './user.entity.js';

/**
 * One import of a prediction log: which file (by its SHA-256), by whom, how many rows and into how
 * many windows. It is the provenance of the fairness windows it added to, and it stops the same
 * file from being counted twice.
 */
@Entity({ tableName: 'prediction_import' })
@Index({ properties: ['aiSystem', 'sha256'] })
export class PredictionImport {
  [OptionalProps]?: 'importedBy' | 'importedAt' | 'source';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @ManyToOne(() => AiSystem, { deleteRule: 'cascade' })
  aiSystem!: AiSystem;

  @Property({ type: 'string', length: 64 })
  sha256!: string;

  /** Where it came from: `http` or `command line`, and the file name when known. */
  @Property({ type: 'string', length: 300 })
  source: string = 'http';

  @Property({ type: 'integer' })
  rows!: number;

  @Property({ type: 'integer' })
  windows!: number;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  importedBy: User | null = null;

  @Property({ type: Date })
  importedAt: Date = new Date();
}
