import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { FairnessWindow } from './fairness-window.entity.js';

/** The longest group name a cell keeps. */
export const GROUP_KEY_MAX = 200;

/** One group's confusion counts in a fairness window; `groupKey` null holds rows whose group value was missing. */
@Entity({ tableName: 'fairness_window_cell' })
@Index({ properties: ['window'] })
export class FairnessWindowCell {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  // Rel<> keeps the circular import with FairnessWindow out of the emitted decorator metadata.
  @ManyToOne(() => FairnessWindow, { deleteRule: 'cascade' })
  window!: Rel<FairnessWindow>;

  @Property({ type: 'string', length: GROUP_KEY_MAX, nullable: true })
  groupKey!: string | null;

  // Weighted sums when the rows had sample weights, hence not integers.
  @Property({ type: 'double' })
  tp!: number;

  @Property({ type: 'double' })
  fp!: number;

  @Property({ type: 'double' })
  tn!: number;

  @Property({ type: 'double' })
  fn!: number;

  @Property({ type: 'integer' })
  rows!: number;
}
