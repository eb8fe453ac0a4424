import { type FilterQuery, type QueryOrderMap, Reference } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Int } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { FairnessThreshold } from '../entities/fairness-threshold.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { ImpactAssessment } from '../entities/impact-assessment.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import { User } from '../entities/user.entity.js';
import { recordsAt } from '../audit/history.js';
import { badInput, notFound } from '../errors.js';
import { aiSystemOf } from '../services/ai-systems.js';
import { applyDetails, checkRating, ratingsOf, recordAssessment, rescore } from '../services/risk-register.js';
import { changeRiskCriteria, criteriaOf } from '../services/risk-criteria.js';
import { deleteRecord } from '../services/deletion.js';
import { SHORT_TEXT_MAX, requiredText } from '../services/text.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { riskConditions } from '../services/risk-filter.js';
import { todayIso } from '../services/dates.js';
import { sortInMemory } from '../services/sort.js';
import { CreateRiskInput, RiskFilter, UpdateRiskInput } from './risk.input.js';
import { connectionOf, type Page, PageArgs, SortDirection, orderInputOf, pageFromDatabase, pageFromList } from './pagination.js';
import { RiskMatrixInfo } from './risk-matrix.type.js';
import { RiskCriteriaInput } from './risk-criteria.input.js';
import { ownRecord, lookupId } from '../services/records.js';

/** Marks a risk rebuilt from the audit log with the moment it shows. */
const AS_OF = Symbol('asOf');

/** The register as it stood at a moment: detached Risk objects built from the audit log's records. */
async function risksAt(context: Context, at: Date): Promise<Risk[]> {
  const { organisation } = viewerOf(context).membership;
  if (at.getTime() > Date.now()) throw badInput('asOf', `must not be in the future, got ${at.toISOString()}`);
  const records = await recordsAt(context.em, organisation, 'Risk', at);
  const risks = [...records.values()].map((state) => {
    const risk = Object.assign(new Risk(), state, {
      organisation,
      aiSystem: typeof state.aiSystem === 'string' ? context.em.getReference(AiSystem, state.aiSystem) : null,
      // Entries written before JSON columns were logged as values hold the column's text.
      controlIds: typeof state.controlIds === 'string' ? (JSON.parse(state.controlIds) as string[]) : (state.controlIds ?? []),
      createdAt: new Date(String(state.createdAt)),
      updatedAt: new Date(String(state.updatedAt ?? state.createdAt)),
    }) as Risk & { [AS_OF]?: Date };
    risk[AS_OF] = at;
    return risk;
  });
  return risks.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}

const RiskConnection = connectionOf(Risk, 'Risk', 'risk');
const RiskOrder = orderInputOf('Risk', {
  SCORE: 'score',
  RESIDUAL_SCORE: 'residualScore',
  TITLE: 'title',
  STATUS: 'status',
  OWNER: 'owner',
  REVIEW_DATE: 'reviewDate',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
});
type RiskOrderField = Parameters<typeof RiskOrder.property>[0];

@Resolver(() => Risk)
export class RiskResolver {
  @Query(() => RiskConnection, { description: "The organisation's risks, highest score first unless orderBy says otherwise; with asOf, the register exactly as it stood then, rebuilt from the audit log." })
  async risks(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => RiskFilter, { nullable: true }) filter: RiskFilter | null,
    @Arg('orderBy', () => RiskOrder.OrderInput, { nullable: true }) orderBy: { field: RiskOrderField; direction?: SortDirection | null } | null,
    @Arg('asOf', () => Date, { nullable: true, description: 'A past moment: the risks as recorded then (the audit log starts when Assay began recording).' }) asOf: Date | null,
    @Ctx() context: Context,
  ): Promise<Page<Risk>> {
    const { membership } = viewerOf(context);
    const today = todayIso();
    const conditions = riskConditions(context.em, filter, today);
    const order: QueryOrderMap<Risk> = orderBy
      ? { [RiskOrder.property(orderBy.field)]: orderBy.direction ?? SortDirection.ASC }
      : { score: 'desc', title: 'asc' };
    if (asOf != null) {
      const risks = (await risksAt(context, asOf)).filter((risk) => conditions.every((condition) => condition.test(risk)));
      return pageFromList(sortInMemory(risks, order), (risk) => risk.id, page);
    }
    // The filter is built afresh for each statement: a raw SQL fragment serves one query only.
    const where = (): FilterQuery<Risk> => ({ organisation: membership.organisation, $and: riskConditions(context.em, filter, today).map((condition) => condition.where) });
    return pageFromDatabase(context.em, Risk, where, order, page);
  }
  @Query(() => Risk, { nullable: true })
  async risk(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Risk | null> {
    return ownRecord(context, Risk, id);
  }

  @FieldResolver(() => AiSystem, { nullable: true, description: 'The AI system the risk belongs to, if any.' })
  async aiSystem(@Root() risk: Risk): Promise<AiSystem | null> {
    // Batched across the risks of one response by MikroORM's dataloader.
    return risk.aiSystem ? Reference.create(risk.aiSystem).load({ dataloader: true }) : null;
  }

  @FieldResolver(() => [RiskAssessment], { description: 'Every assessment of the risk, newest first (for a past register, those made by then).' })
  async assessments(@Root() risk: Risk, @Ctx() context: Context): Promise<RiskAssessment[]> {
    const asOf = (risk as Risk & { [AS_OF]?: Date })[AS_OF];
    if (asOf !== undefined) return context.em.find(RiskAssessment, { risk: risk.id, assessedAt: { $lte: asOf } }, { orderBy: { assessedAt: 'desc' } });
    // Batched across the risks of one response by MikroORM's dataloader.
    const loaded = await risk.assessments.load({ dataloader: true });
    return loaded.getItems();
  }
  @Query(() => RiskMatrixInfo, { description: "The organisation's risk criteria: its own, or the default 5×5 matrix." })
  async riskMatrix(@Ctx() context: Context): Promise<RiskMatrixInfo> {
    return RiskMatrixInfo.from(await criteriaOf(context.em, viewerOf(context).membership.organisation));
  }
  @Mutation(() => Risk, { description: 'Records a new risk and scores it on the risk matrix.' })
  async createRisk(@Arg('input', () => CreateRiskInput) input: CreateRiskInput, @Ctx() context: Context): Promise<Risk> {
    const viewer = viewerOf(context);
    const { matrix } = await criteriaOf(context.em, viewer.membership.organisation);
    const risk = context.em.create(Risk, {
      organisation: viewer.membership.organisation,
      title: requiredText('title', input.title, SHORT_TEXT_MAX),
      likelihood: checkRating('likelihood', 'likelihood', input.likelihood, matrix),
      impact: checkRating('impact', 'impact', input.impact, matrix),
      score: 0,
      level: '',
      withinAppetite: false,
    });
    applyDetails(risk, input);
    risk.aiSystem = await aiSystemOf(context, input.aiSystemId, risk.aiSystem);
    rescore(risk, matrix);
    recordAssessment(context.em, risk, viewer.membership.user);
    await context.em.flush();
    return risk;
  }
  @Mutation(() => Risk, { description: 'Changes a risk; refused as a conflict when someone changed it since expectedVersion.' })
  async updateRisk(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateRiskInput) input: UpdateRiskInput,
    @Ctx() context: Context,
  ): Promise<Risk> {
    const viewer = viewerOf(context);
    const risk = await context.em.findOne(Risk, { id: lookupId(id), organisation: viewer.membership.organisation });
    if (!risk) throw notFound('Risk', id);
    checkVersion(`Risk ${id}`, risk.version, input.expectedVersion);
    const { matrix } = await criteriaOf(context.em, viewer.membership.organisation);
    const ratingsBefore = ratingsOf(risk);
    if (input.title != null) risk.title = requiredText('title', input.title, SHORT_TEXT_MAX);
    if (input.likelihood != null) risk.likelihood = checkRating('likelihood', 'likelihood', input.likelihood, matrix);
    if (input.impact != null) risk.impact = checkRating('impact', 'impact', input.impact, matrix);
    applyDetails(risk, input);
    risk.aiSystem = await aiSystemOf(context, input.aiSystemId, risk.aiSystem);
    rescore(risk, matrix);
    // Ratings given while a re-assessment is pending confirm it, even when they do not change.
    const confirmsReassessment = risk.reassessmentReason !== null && (input.likelihood != null || input.impact != null);
    if (ratingsOf(risk) !== ratingsBefore || confirmsReassessment) recordAssessment(context.em, risk, viewer.membership.user);
    await flushOrConflict(context.em, `Risk ${id}`);
    return risk;
  }
  @Mutation(() => RiskMatrixInfo, {
    description:
      "Changes the organisation's risk criteria and re-scores every risk on them (inherent and residual score, level, within appetite) in the same transaction; recorded assessments keep their scores. Refused as a conflict when the criteria changed since expectedVersion.",
  })
  async updateRiskCriteria(@Arg('input', () => RiskCriteriaInput) input: RiskCriteriaInput, @Ctx() context: Context): Promise<RiskMatrixInfo> {
    const { expectedVersion, ...change } = input;
    return RiskMatrixInfo.from(await changeRiskCriteria(context.em, viewerOf(context).membership.organisation, change, expectedVersion));
  }

  @Mutation(() => Boolean, {
    description: 'Deletes a risk with its assessment history; refused while impact assessments, fairness thresholds or findings still refer to it. With expectedVersion, refused as a conflict when someone changed it since.',
  })
  async deleteRisk(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, Risk, 'Risk', id, expectedVersion, {
      referrers: {
        named: 'a risk',
        advice: 'remove the risk from them first',
        find: async (em, risk) => {
          // riskIds is a JSON list, which the two databases search differently: read the organisation's lists.
          const assessments = await em.find(ImpactAssessment, { organisation: risk.organisation }, { fields: ['riskIds'] });
          return [
            { count: assessments.filter((assessment) => assessment.riskIds.includes(risk.id)).length, one: 'impact assessment', many: 'impact assessments' },
            { count: await em.count(FairnessThreshold, { risk }), one: 'fairness threshold', many: 'fairness thresholds' },
            { count: await em.count(Finding, { risk }), one: 'finding', many: 'findings' },
          ];
        },
      },
      children: (em, risk) => em.find(RiskAssessment, { risk }),
    });
  }
}

@Resolver(() => RiskAssessment)
export class RiskAssessmentResolver {
  // The assessor is a reference MikroORM has not loaded (unless it is the caller, whose session
  // holds the user): load it, or its name would be missing.
  @FieldResolver(() => User, { nullable: true })
  async assessedBy(@Root() assessment: RiskAssessment): Promise<User | null> {
    // Batched across the assessments of one response by MikroORM's dataloader.
    return assessment.assessedBy ? Reference.create(assessment.assessedBy).load({ dataloader: true }) : null;
  }
}
