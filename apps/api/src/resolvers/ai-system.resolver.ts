import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EuAiActTier, LifeCycleStage } from '@assay/schema';
import { Arg, Args, Ctx, Field, InputType, FieldResolver, ID, Mutation, Query, Resolver, Root, Int } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { FairnessThreshold } from '../entities/fairness-threshold.entity.js';
import { FairnessWindow } from '../entities/fairness-window.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { ImpactAssessment } from '../entities/impact-assessment.entity.js';
import { Incident } from '../entities/incident.entity.js';
import { PredictionImport } from '../entities/prediction-import.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { Supplier } from '../entities/supplier.entity.js';
import { badInput, notFound } from '../errors.js';
import { deleteRecord } from '../services/deletion.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { searchWhere } from '../services/list-filters.js';
import { EuAiActTierEnum, LifeCycleStageEnum } from '../graphql-enums.js';
import { CreateAiSystemInput, UpdateAiSystemInput } from './ai-system.input.js';
import { type Page, PageArgs, SortDirection, connectionOf, orderInputOf, pageFromDatabase } from './pagination.js';
import { ownRecord } from '../services/records.js';

const AiSystemConnection = connectionOf(AiSystem, 'AiSystem', 'AI system');
const AiSystemOrder = orderInputOf('AiSystem', { NAME: 'name', EU_AI_ACT_TIER: 'euAiActTier', LIFE_CYCLE_STAGE: 'lifeCycleStage', OWNER: 'owner', UPDATED_AT: 'updatedAt' });

@InputType({ description: 'Narrows the AI system inventory; every condition given must hold.' })
class AiSystemFilter {
  @Field(() => [EuAiActTierEnum], { nullable: true })
  euAiActTier?: EuAiActTier[] | null;

  @Field(() => [LifeCycleStageEnum], { nullable: true })
  lifeCycleStage?: LifeCycleStage[] | null;

  @Field(() => String, { nullable: true, description: 'Words found in the name, purpose or owner.' })
  search?: string | null;
}

type Details = CreateAiSystemInput | UpdateAiSystemInput;

/** Applies the optional fields of an input: left out keeps the value, null clears a text. */
function applyDetails(system: AiSystem, input: Details): void {
  for (const field of ['purpose', 'intendedUse', 'dataResources', 'tierRationale'] as const) {
    if (input[field] !== undefined) system[field] = optionalText(field, input[field], LONG_TEXT_MAX);
  }
  for (const field of ['owner', 'supplier'] as const) {
    if (input[field] !== undefined) system[field] = optionalText(field, input[field], SHORT_TEXT_MAX);
  }
  for (const field of ['lifeCycleStage', 'euAiActTier'] as const) {
    if (input[field] === null) throw badInput(field, 'must not be null; leave it out to keep the current value');
  }
  if (input.lifeCycleStage) system.lifeCycleStage = input.lifeCycleStage;
  if (input.euAiActTier) system.euAiActTier = input.euAiActTier;
}

@Resolver(() => AiSystem)
export class AiSystemResolver {
  @Query(() => AiSystemConnection, { description: "The organisation's AI systems, by name unless orderBy says otherwise." })
  async aiSystems(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AiSystemFilter, { nullable: true }) filter: AiSystemFilter | null,
    @Arg('orderBy', () => AiSystemOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof AiSystemOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<AiSystem>> {
    const { membership } = viewerOf(context);
    const where: FilterQuery<AiSystem> = {
      organisation: membership.organisation,
      ...(filter?.euAiActTier ? { euAiActTier: { $in: filter.euAiActTier } } : {}),
      ...(filter?.lifeCycleStage ? { lifeCycleStage: { $in: filter.lifeCycleStage } } : {}),
      $and: searchWhere<AiSystem>(context.em, filter?.search, ['name', 'purpose', 'owner']),
    };
    const order: QueryOrderMap<AiSystem> = orderBy ? { [AiSystemOrder.property(orderBy.field)]: orderBy.direction ?? SortDirection.ASC } : { name: 'asc' };
    return pageFromDatabase(context.em, AiSystem, where, order, page);
  }
  @Query(() => AiSystem, { nullable: true })
  async aiSystem(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<AiSystem | null> {
    return ownRecord(context, AiSystem, id);
  }

  @FieldResolver(() => [Risk], { description: 'The risks recorded against this system, highest score first.' })
  async risks(@Root() system: AiSystem): Promise<Risk[]> {
    // Batched across the systems of one response by MikroORM's dataloader.
    return (await system.risks.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => [ImpactAssessment], { description: 'The impact assessments of this system (ISO/IEC 42005), most recent first.' })
  async impactAssessments(@Root() system: AiSystem): Promise<ImpactAssessment[]> {
    // Batched across the systems of one response by MikroORM's dataloader.
    return (await system.impactAssessments.load({ dataloader: true })).getItems();
  }

  @Mutation(() => AiSystem, { description: 'Adds an AI system to the inventory.' })
  async createAiSystem(@Arg('input', () => CreateAiSystemInput) input: CreateAiSystemInput, @Ctx() context: Context): Promise<AiSystem> {
    const { membership } = viewerOf(context);
    const system = context.em.create(AiSystem, {
      organisation: membership.organisation,
      name: requiredText('name', input.name, SHORT_TEXT_MAX),
      organisationRole: input.organisationRole,
    });
    applyDetails(system, input);
    await context.em.flush();
    return system;
  }
  @Mutation(() => AiSystem, {
    description: 'Changes an AI system; refused as a conflict when someone changed it since expectedVersion. To set the EU AI Act tier, answer the questionnaire with classifyAiSystem; a tier given here is a manual override.',
  })
  async updateAiSystem(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAiSystemInput) input: UpdateAiSystemInput,
    @Ctx() context: Context,
  ): Promise<AiSystem> {
    const system = await ownRecord(context, AiSystem, id);
    if (!system) throw notFound('AI system', id);
    checkVersion(`AI system ${id}`, system.version, input.expectedVersion);
    if (input.name != null) system.name = requiredText('name', input.name, SHORT_TEXT_MAX);
    if (input.organisationRole === null) throw badInput('organisationRole', 'must not be null; leave it out to keep the current value');
    if (input.organisationRole) system.organisationRole = input.organisationRole;
    applyDetails(system, input);
    await flushOrConflict(context.em, `AI system ${id}`);
    return system;
  }
  @Mutation(() => Boolean, {
    description: 'Deletes an AI system; refused while risks, impact assessments, fairness data, incidents, findings or suppliers still refer to it. With expectedVersion, refused as a conflict when someone changed it since.',
  })
  async deleteAiSystem(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, AiSystem, 'AI system', id, expectedVersion, {
      referrers: {
        named: 'an AI system',
        advice: 'delete them or move them to another AI system first',
        find: async (em, system) => [
          { count: await em.count(Risk, { aiSystem: system }), one: 'risk', many: 'risks' },
          { count: await em.count(ImpactAssessment, { aiSystem: system }), one: 'impact assessment', many: 'impact assessments' },
          { count: await em.count(FairnessThreshold, { aiSystem: system }), one: 'fairness threshold', many: 'fairness thresholds' },
          { count: await em.count(FairnessWindow, { aiSystem: system }), one: 'fairness window', many: 'fairness windows' },
          { count: await em.count(PredictionImport, { aiSystem: system }), one: 'prediction import', many: 'prediction imports' },
          { count: await em.count(Incident, { aiSystem: system }), one: 'incident', many: 'incidents' },
          { count: await em.count(Finding, { aiSystem: system }), one: 'finding', many: 'findings' },
          { count: await em.count(Supplier, { aiSystems: system }), one: 'supplier', many: 'suppliers' },
        ],
      },
    });
  }
}
