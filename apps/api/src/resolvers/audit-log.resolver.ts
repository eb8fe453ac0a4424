import { riskHeatmap } from '@assay/risk-engine';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { recordsAt } from '../audit/history.js';
import { verifyChain } from '../audit/verify-chain.js';
import { type Context, viewerOf } from '../context.js';
import { AuditLogEntry } from '../entities/audit-log-entry.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { badInput } from '../errors.js';
import { criteriaOf, onScale } from '../services/risk-criteria.js';

const PAGE_MAX = 500;

@ObjectType({ description: 'The result of checking the audit log’s hash chain.' })
export class AuditLogCheck {
  @Field(() => Int)
  entries!: number;

  @Field(() => Boolean)
  intact!: boolean;

  @Field(() => Int, { nullable: true, description: 'Where the chain first breaks.' })
  brokenAt!: number | null;

  @Field(() => String, { nullable: true })
  problem!: string | null;
}

@ObjectType({ description: 'One cell of the risk matrix and how many risks sit in it.' })
export class HeatmapCellView {
  @Field(() => Int)
  likelihood!: number;

  @Field(() => Int)
  impact!: number;

  @Field(() => Int)
  score!: number;

  @Field(() => String)
  level!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Risks per cell of the matrix, every cell included.' })
export class RiskHeatmapView {
  @Field(() => Boolean, { description: 'Residual ratings (the inherent rating where none was given), or inherent.' })
  residual!: boolean;

  @Field(() => Date, { nullable: true, description: 'The moment shown; null for now.' })
  asOf!: Date | null;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  maxCount!: number;

  @Field(() => [HeatmapCellView])
  cells!: HeatmapCellView[];
}

@Resolver()
export class AuditLogResolver {
  @Query(() => [AuditLogEntry], { description: 'Changes to the AIMS records, newest first; filter by record, and page back with beforeSequence.' })
  async auditLog(
    @Arg('entityType', () => String, { nullable: true, description: 'e.g. Risk, SoaEntry, Policy.' }) entityType: string | null,
    @Arg('entityId', () => String, { nullable: true }) entityId: string | null,
    @Arg('first', () => Int, { nullable: true, description: `Default 100, at most ${PAGE_MAX}.` }) first: number | null,
    @Arg('beforeSequence', () => Int, { nullable: true, description: 'Entries older than this sequence number.' }) beforeSequence: number | null,
    @Ctx() context: Context,
  ): Promise<AuditLogEntry[]> {
    const { organisation } = viewerOf(context).membership;
    const limit = first ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_MAX) throw badInput('first', `must be from 1 to ${PAGE_MAX}, got ${limit}`);
    return context.em.find(
      AuditLogEntry,
      {
        organisation,
        ...(entityType ? { entityType } : {}),
        ...(entityId ? { entityId } : {}),
        ...(beforeSequence != null ? { sequence: { $lt: beforeSequence } } : {}),
      },
      { orderBy: { sequence: 'desc' }, limit },
    );
  }

  @Query(() => AuditLogCheck, { description: 'Checks the audit log’s hash chain and reports the first altered, inserted or deleted entry.' })
  async verifyAuditLog(@Ctx() context: Context): Promise<AuditLogCheck> {
    const { organisation } = viewerOf(context).membership;
    return Object.assign(new AuditLogCheck(), await verifyChain(context.em, organisation.id));
  }

  @Query(() => RiskHeatmapView, {
    description:
      "Risks per cell of the organisation's risk matrix, inherent or residual; with asOf, the ratings as the register stood then, on today's criteria (a rating above the top of a scale that has since shrunk counts at its top).",
  })
  async riskHeatmap(
    @Arg('residual', () => Boolean, { nullable: true, description: 'Default false (inherent).' }) residual: boolean | null,
    @Arg('asOf', () => Date, { nullable: true }) asOf: Date | null,
    @Ctx() context: Context,
  ): Promise<RiskHeatmapView> {
    const { organisation } = viewerOf(context).membership;
    let ratings: { likelihood: number; impact: number; residualLikelihood: number | null; residualImpact: number | null }[];
    if (asOf != null) {
      if (asOf.getTime() > Date.now()) throw badInput('asOf', `must not be in the future, got ${asOf.toISOString()}`);
      ratings = [...(await recordsAt(context.em, organisation, 'Risk', asOf)).values()] as unknown as typeof ratings;
    } else {
      ratings = await context.em.find(Risk, { organisation }, { fields: ['likelihood', 'impact', 'residualLikelihood', 'residualImpact'] });
    }
    const { matrix } = await criteriaOf(context.em, organisation);
    const useResidual = residual ?? false;
    const heatmap = riskHeatmap(
      ratings.map((risk) => onScale(useResidual ? { likelihood: risk.residualLikelihood ?? risk.likelihood, impact: risk.residualImpact ?? risk.impact } : { likelihood: risk.likelihood, impact: risk.impact }, matrix)),
      matrix,
    );
    return Object.assign(new RiskHeatmapView(), { residual: useResidual, asOf, total: heatmap.total, maxCount: heatmap.maxCount, cells: heatmap.cells.map((cell) => ({ ...cell })) });
  }
}
