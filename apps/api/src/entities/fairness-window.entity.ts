import { randomUUID } from 'node:crypto';
import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { AiSystem } from './ai-system.entity.js';
import { FairnessWindowCell } from './fairness-window-cell.entity.js';
import { Organisation } from './organisation.entity.js';

/** The longest attribute name a window keeps. */
export const ATTRIBUTE_MAX = 100;

/**
 * The confusion counts of one AI system's decisions over one period, for one sensitive attribute
 * (clause 9.1 monitoring; Annex A.6.2.6). Rows are never kept: the counts per group are all every
 * fairness metric needs, and windows add up to any longer period.
 */
@Entity({ tableName: 'fairness_window' })
@Unique({ properties: ['aiSystem', 'attribute', 'startsOn', 'endsOn'] })
@Index({ properties: ['organisation', 'aiSystem', 'attribute', 'startsOn'] })
@Index({ properties: ['organisation', 'updatedAt'] })
export class FairnessWindow {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @ManyToOne(() => AiSystem, { deleteRule: 'cascade' })
  aiSystem!: AiSystem;

  /** The sensitive attribute (or `|`-joined attributes) the groups are of, e.g. `sex` or `sex|age`. */
  @Property({ type: 'string', length: ATTRIBUTE_MAX })
  attribute!: string;

  /** First day of the window. */
  @Property({ type: 'date' })
  startsOn!: string;

  /** Day after the last day of the window (exclusive), so weekly windows chain end to start. */
  @Property({ type: 'date' })
  endsOn!: string;

  /** Rows counted, groups and missing values together. */
  @Property({ type: 'integer' })
  rows!: number;

  @OneToMany(() => FairnessWindowCell, (cell) => cell.window, { orphanRemoval: true })
  cells = new Collection<FairnessWindowCell>(this);

  @Property({ type: Date })
  createdAt: Date = new Date();

  /**
   * When the window's counts were last written (`setCells`); null for windows stored before this
   * was kept, or loaded in bulk. Answers kept between requests compare its latest value.
   */
  @Property({ type: Date, nullable: true })
  updatedAt: Date | null = new Date();
}
