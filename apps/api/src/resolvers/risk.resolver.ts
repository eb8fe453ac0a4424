import { createRiskMatrix, scoreRisk, type RiskMatrix } from '@assay/risk-engine';
import { OptimisticLockError } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { RISK_EDITORS } from '../auth/roles.js';
import { type Context, viewerOf } from '../context.js';
import { Risk } from '../entities/risk.entity.js';
import { badInput, conflict, notFound } from '../errors.js';
import { CreateRiskInput, UpdateRiskInput } from './risk.input.js';
import { RiskMatrixInfo } from './risk-matrix.type.js';

/** Every organisation uses the default 5×5 matrix until risk criteria become configurable. */
const matrix: RiskMatrix = createRiskMatrix();

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 10_000;

function cleanTitle(raw: string): string {
  const title = raw.trim();
  if (!title) throw badInput('title', 'must not be empty');
  if (title.length > TITLE_MAX) throw badInput('title', `must be at most ${TITLE_MAX} characters, got ${title.length}`);
  return title;
}

function cleanDescription(raw: string | null | undefined): string | null {
  const description = raw?.trim() ?? '';
  if (description.length > DESCRIPTION_MAX) {
    throw badInput('description', `must be at most ${DESCRIPTION_MAX} characters, got ${description.length}`);
  }
  return description || null;
}

function checkRating(field: 'likelihood' | 'impact', value: number): number {
  const scale = matrix[field];
  if (!Number.isInteger(value) || value < 1 || value > scale.length) {
    throw badInput(field, `must be a whole number from 1 to ${scale.length}, got ${value}`);
  }
  return value;
}

/** The stored score fields of a rating, computed by the risk engine. */
function scoreOf(likelihood: number, impact: number): Pick<Risk, 'score' | 'level' | 'withinAppetite'> {
  const { score, level, withinAppetite } = scoreRisk({ likelihood, impact }, matrix);
  return { score, level, withinAppetite };
}

@Resolver(() => Risk)
export class RiskResolver {
  @Authorized()
  @Query(() => [Risk], { description: "The organisation's risks, highest score first." })
  async risks(@Ctx() context: Context): Promise<Risk[]> {
    const { membership } = viewerOf(context);
    return context.em.find(Risk, { organisation: membership.organisation }, { orderBy: { score: 'desc', title: 'asc' } });
  }

  @Authorized()
  @Query(() => Risk, { nullable: true })
  async risk(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Risk | null> {
    const { membership } = viewerOf(context);
    return context.em.findOne(Risk, { id, organisation: membership.organisation });
  }

  @Authorized()
  @Query(() => RiskMatrixInfo, { description: "The organisation's risk criteria." })
  riskMatrix(): RiskMatrixInfo {
    return RiskMatrixInfo.from(matrix);
  }

  @Authorized(...RISK_EDITORS)
  @Mutation(() => Risk, { description: 'Records a new risk and scores it on the risk matrix.' })
  async createRisk(@Arg('input', () => CreateRiskInput) input: CreateRiskInput, @Ctx() context: Context): Promise<Risk> {
    const { membership } = viewerOf(context);
    const likelihood = checkRating('likelihood', input.likelihood);
    const impact = checkRating('impact', input.impact);
    const risk = context.em.create(Risk, {
      organisation: membership.organisation,
      title: cleanTitle(input.title),
      description: cleanDescription(input.description),
      likelihood,
      impact,
      ...scoreOf(likelihood, impact),
    });
    await context.em.persist(risk).flush();
    return risk;
  }

  @Authorized(...RISK_EDITORS)
  @Mutation(() => Risk, { description: 'Changes a risk; refused as a conflict when someone changed it since expectedVersion.' })
  async updateRisk(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateRiskInput) input: UpdateRiskInput,
    @Ctx() context: Context,
  ): Promise<Risk> {
    const { membership } = viewerOf(context);
    const risk = await context.em.findOne(Risk, { id, organisation: membership.organisation });
    if (!risk) throw notFound('Risk', id);
    if (risk.version !== input.expectedVersion) {
      throw conflict(`Risk ${id} was changed by someone else (now version ${risk.version}, your edit is based on ${input.expectedVersion}); reload it and apply your change again`);
    }
    if (input.title != null) risk.title = cleanTitle(input.title);
    if (input.description !== undefined) risk.description = cleanDescription(input.description);
    if (input.likelihood != null) risk.likelihood = checkRating('likelihood', input.likelihood);
    if (input.impact != null) risk.impact = checkRating('impact', input.impact);
    Object.assign(risk, scoreOf(risk.likelihood, risk.impact));
    try {
      await context.em.flush();
    } catch (error) {
      // Another request committed between our read and our write.
      if (error instanceof OptimisticLockError) throw conflict(`Risk ${id} was changed by someone else while you edited it; reload it and apply your change again`);
      throw error;
    }
    return risk;
  }
}
