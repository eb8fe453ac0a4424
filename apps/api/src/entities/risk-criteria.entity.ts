import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Organisation } from './organisation.entity.js';

/** A rating band as stored: scores from `min` to `max`, both included, carry `level`. */
export interface StoredBand {
  level: string;
  min: number;
  max: number;
}

/**
 * The organisation's risk criteria (ISO/IEC 42001 clause 6.1.1), as given to the risk engine's
 * `createRiskMatrix`: the likelihood and impact labels (lowest first), the rating bands and the
 * risk appetite. An organisation without a row uses the engine's default 5×5 matrix. Exposed in
 * GraphQL through the `riskMatrix` query, which computes the grid from it.
 */
@Entity({ tableName: 'risk_criteria' })
@Unique({ properties: ['organisation'] })
export class RiskCriteria {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  organisation!: Organisation;

  @Property({ type: 'json' })
  likelihood!: string[];

  @Property({ type: 'json' })
  impact!: string[];

  @Property({ type: 'json' })
  bands!: StoredBand[];

  @Property({ type: 'integer' })
  appetite!: number;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: Date })
  createdAt: Date = new Date();

  @Property({ type: Date, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
