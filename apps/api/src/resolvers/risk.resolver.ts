import { Reference } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import { notFound } from '../errors.js';
import { aiSystemOf } from '../services/ai-systems.js';
import { applyDetails, checkRating, matrix, ratingsOf, recordAssessment, rescore } from '../services/risk-register.js';
import { SHORT_TEXT_MAX, requiredText } from '../services/text.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { CreateRiskInput, UpdateRiskInput } from './risk.input.js';
import { RiskMatrixInfo } from './risk-matrix.type.js';

@Resolver(() => Risk)
export class RiskResolver {
  @Query(() => [Risk], { description: "The organisation's risks, highest score first." })
  async risks(@Ctx() context: Context): Promise<Risk[]> {
    const { membership } = viewerOf(context);
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

  @FieldResolver(() => [RiskAssessment], { description: 'Every assessment of the risk, newest first.' })
  async assessments(@Root() risk: Risk): Promise<RiskAssessment[]> {
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
}
