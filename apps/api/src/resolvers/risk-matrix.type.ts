import type { OrganisationCriteria } from '../services/risk-criteria.js';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One step of a likelihood or impact scale.' })
export class ScaleLevel {
  @Field(() => Int)
  value!: number;

  @Field(() => String)
  label!: string;
}

@ObjectType({ description: 'A rating band: scores from min to max carry this level.' })
export class RiskBand {
  @Field(() => String)
  level!: string;

  @Field(() => Int)
  min!: number;

  @Field(() => Int)
  max!: number;
}

@ObjectType({ description: "The organisation's risk criteria (clause 6.1.1): scales, bands and appetite; the default 5×5 matrix until it sets its own." })
export class RiskMatrixInfo {
  @Field(() => [ScaleLevel])
  likelihood!: ScaleLevel[];

  @Field(() => [ScaleLevel])
  impact!: ScaleLevel[];

  @Field(() => [RiskBand])
  bands!: RiskBand[];

  @Field(() => [[Int]], { description: 'Score of every cell: grid[likelihood - 1][impact - 1].' })
  grid!: number[][];

  @Field(() => Int, { description: 'The highest score the organisation accepts without treatment.' })
  appetite!: number;

  @Field(() => Int)
  maxScore!: number;

  @Field(() => Int, { description: 'Increases with every change; 0 while the organisation uses the default criteria. Send it back as expectedVersion.' })
  version!: number;

  @Field(() => Date, { nullable: true, description: 'When the organisation last changed its criteria; null for the defaults.' })
  updatedAt!: Date | null;

  static from({ matrix, version, updatedAt }: OrganisationCriteria): RiskMatrixInfo {
    return Object.assign(new RiskMatrixInfo(), {
      likelihood: matrix.likelihood.map((step) => ({ ...step })),
      impact: matrix.impact.map((step) => ({ ...step })),
      grid: matrix.grid.map((row) => [...row]),
      bands: matrix.bands.map((band) => ({ ...band })),
      appetite: matrix.appetite,
      maxScore: matrix.maxScore,
      version,
      updatedAt,
    });
  }
}
