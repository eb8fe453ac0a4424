import { Reference } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { FairnessThreshold } from '../entities/fairness-threshold.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { ImpactAssessment } from '../entities/impact-assessment.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import { recordsAt } from '../audit/history.js';
import { badInput, notFound } from '../errors.js';
import { aiSystemOf } from '../services/ai-systems.js';
import { deleteRecord } from '../services/deletion.js';
import { applyDetails, checkRating, matrix, ratingsOf, recordAssessment, rescore } from '../services/risk-register.js';
import { SHORT_TEXT_MAX, requiredText } from '../services/text.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { CreateRiskInput, UpdateRiskInput } from './risk.input.js';
import { RiskMatrixInfo } from './risk-matrix.type.js';

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
      createdAt: new Date(String(state.createdAt)),
      updatedAt: new Date(String(state.updatedAt ?? state.createdAt)),
    }) as Risk & { [AS_OF]?: Date };
    risk[AS_OF] = at;
    return risk;
  });
  return risks.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}

@Resolver(() => Risk)
export class RiskResolver {
  @Query(() => [Risk], { description: "The organisation's risks, highest score first; with asOf, the register exactly as it stood then, rebuilt from the audit log." })
  async risks(
    @Arg('asOf', () => Date, { nullable: true, description: 'A past moment: the risks as recorded then (the audit log starts when Assay began recording).' }) asOf: Date | null,
    @Ctx() context: Context,
  ): Promise<Risk[]> {
    const { membership } = viewerOf(context);
    if (asOf != null) return risksAt(context, asOf);
    return context.em.find(Risk, { organisation: membership.organisation }, { orderBy: { score: 'desc', title: 'asc' } });
  }
  @Query(() => Risk, { nullable: true })
  async risk(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Risk | null> {
    const { membership } = viewerOf(context);
    return context.em.findOne(Risk, { id, organisation: membership.organisation });
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
  @Query(() => RiskMatrixInfo, { description: "The organisation's risk criteria." })
  riskMatrix(): RiskMatrixInfo {
    return RiskMatrixInfo.from(matrix);
  }
  @Mutation(() => Risk, { description: 'Records a new risk and scores it on the risk matrix.' })
  async createRisk(@Arg('input', () => CreateRiskInput) input: CreateRiskInput, @Ctx() context: Context): Promise<Risk> {
    const viewer = viewerOf(context);
    const risk = context.em.create(Risk, {
      organisation: viewer.membership.organisation,
      title: requiredText('title', input.title, SHORT_TEXT_MAX),
      likelihood: checkRating('likelihood', 'likelihood', input.likelihood),
      impact: checkRating('impact', 'impact', input.impact),
      score: 0,
      level: '',
      withinAppetite: false,
    });
    applyDetails(risk, input);
    risk.aiSystem = await aiSystemOf(context, input.aiSystemId, risk.aiSystem);
    rescore(risk);
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
    const risk = await context.em.findOne(Risk, { id, organisation: viewer.membership.organisation });
    if (!risk) throw notFound('Risk', id);
    checkVersion(`Risk ${id}`, risk.version, input.expectedVersion);
    const ratingsBefore = ratingsOf(risk);
    if (input.title != null) risk.title = requiredText('title', input.title, SHORT_TEXT_MAX);
    if (input.likelihood != null) risk.likelihood = checkRating('likelihood', 'likelihood', input.likelihood);
    if (input.impact != null) risk.impact = checkRating('impact', 'impact', input.impact);
    applyDetails(risk, input);
    risk.aiSystem = await aiSystemOf(context, input.aiSystemId, risk.aiSystem);
    rescore(risk);
    // Ratings given while a re-assessment is pending confirm it, even when they do not change.
    const confirmsReassessment = risk.reassessmentReason !== null && (input.likelihood != null || input.impact != null);
    if (ratingsOf(risk) !== ratingsBefore || confirmsReassessment) recordAssessment(context.em, risk, viewer.membership.user);
    await flushOrConflict(context.em, `Risk ${id}`);
    return risk;
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
