import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { recordsAt } from '../audit/history.js';
import { verifyChain } from '../audit/verify-chain.js';
import { type Context, viewerOf } from '../context.js';
import { AuditLogEntry } from '../entities/audit-log-entry.entity.js';
import { badInput } from '../errors.js';
import { searchWhere } from '../services/list-filters.js';
import { type CellCount, exposureFromHeatmap, heatmapFromCounts, ratingCounts } from '../services/risk-aggregates.js';
import { criteriaOf } from '../services/risk-criteria.js';
import { ExposureView, exposureView } from './risk-trend.resolver.js';
import { type Page, PageArgs, connectionOf, pageFromDatabase } from './pagination.js';

const OPERATIONS = ['create', 'update', 'delete'] as const;

function checkOperation(operation: string): (typeof OPERATIONS)[number] {
  const known = OPERATIONS.find((entry) => entry === operation);
  if (!known) throw badInput('filter.operation', `must be one of ${OPERATIONS.join(', ')}, got "${operation}"`);
  return known;
}

const AuditLogEntryConnection = connectionOf(AuditLogEntry, 'AuditLogEntry', 'audit log');

@InputType({ description: 'Narrows the audit log; every condition given must hold.' })
class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'e.g. Risk, SoaEntry, Policy.' })
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'create, update or delete.' })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: "Words found in the author's label (email, API token name)." })
  actor?: string | null;

  @Field(() => Date, { nullable: true, description: 'Changes at or after this moment.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Changes before this moment.' })
  to?: Date | null;
}

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

  @Field(() => ExposureView, { description: 'The same ratings summed up: risks per band, mean and total score, how many above appetite.' })
  exposure!: ExposureView;
}

@Resolver()
export class AuditLogResolver {
  @Query(() => AuditLogEntryConnection, { description: 'Changes to the AIMS records, newest first; filter by record, author or time.' })
  async auditLog(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Ctx() context: Context,
  ): Promise<Page<AuditLogEntry>> {
    const { organisation } = viewerOf(context).membership;
    if (filter?.from && filter.to && filter.from >= filter.to) throw badInput('filter.to', `must be after filter.from (${filter.from.toISOString()})`);
    const where: FilterQuery<AuditLogEntry> = {
      organisation,
      ...(filter?.entityType ? { entityType: filter.entityType } : {}),
      ...(filter?.entityId ? { entityId: filter.entityId } : {}),
      ...(filter?.operation ? { operation: checkOperation(filter.operation) } : {}),
      ...(filter?.from || filter?.to ? { at: { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) } } : {}),
      $and: searchWhere<AuditLogEntry>(context.em, filter?.actor, ['actor']),
    };
    return pageFromDatabase(context.em, AuditLogEntry, where, { sequence: 'desc' }, page);
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
    const { matrix } = await criteriaOf(context.em, organisation);
    const useResidual = residual ?? false;
    let counts: CellCount[];
    if (asOf != null) {
      if (asOf.getTime() > Date.now()) throw badInput('asOf', `must not be in the future, got ${asOf.toISOString()}`);
      const ratings = [...(await recordsAt(context.em, organisation, 'Risk', asOf)).values()] as unknown as { likelihood: number; impact: number; residualLikelihood: number | null; residualImpact: number | null }[];
      counts = ratings.map((risk) => (useResidual ? { likelihood: risk.residualLikelihood ?? risk.likelihood, impact: risk.residualImpact ?? risk.impact, count: 1 } : { likelihood: risk.likelihood, impact: risk.impact, count: 1 }));
    } else {
      // Counted by the database: one row per rating in use, whatever the size of the register.
      counts = await ratingCounts(context.em, organisation, useResidual);
    }
    const heatmap = heatmapFromCounts(counts, matrix);
    return Object.assign(new RiskHeatmapView(), { residual: useResidual, asOf, total: heatmap.total, maxCount: heatmap.maxCount, cells: heatmap.cells, exposure: exposureView(exposureFromHeatmap(heatmap, matrix)) });
  }
}
