import { Reference } from '@mikro-orm/core';
import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { FairnessThreshold } from '../entities/fairness-threshold.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { badInput, notFound } from '../errors.js';
import { deleteRecord } from '../services/deletion.js';
import { latestThresholdWindows, thresholdReading } from '../services/fairness-thresholds.js';
import { ownAiSystem } from '../services/fairness-windows.js';
import { lookupId, ownRecord } from '../services/records.js';
import { optionalText, requiredText } from '../services/text.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { FairnessMetricEnum, type FairnessMetricName, ThresholdDirectionEnum, defaultDirection, privilegedMetrics } from './fairness.type.js';

@InputType({ description: 'A fairness threshold; leave id out to add one.' })
export class FairnessThresholdInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => ID)
  aiSystemId!: string;

  @Field(() => String)
  attribute!: string;

  @Field(() => FairnessMetricEnum)
  metric!: FairnessMetricName;

  @Field(() => ThresholdDirectionEnum, { nullable: true, description: 'Default BELOW for ratios and rates, ABOVE otherwise.' })
  direction?: 'above' | 'below' | null;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true, description: 'Required for the AIF360 metrics (disparate impact, …).' })
  privilegedGroup?: string | null;

  @Field(() => Int, { nullable: true, description: 'Default 0.' })
  minGroupSize?: number | null;

  @Field(() => ID, { nullable: true, description: 'The risk to re-assess on a breach.' })
  riskId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required to change an existing threshold.' })
  expectedVersion?: number | null;
}

@ObjectType({ description: "A threshold's metric on the latest window of its AI system and attribute." })
export class FairnessReading {
  @Field(() => String, { description: 'First day of the window.' })
  start!: string;

  @Field(() => String, { description: 'Day after the window.' })
  end!: string;

  @Field(() => Float, { nullable: true, description: 'Null when the window cannot define the metric (a group missing or suppressed).' })
  value!: number | null;

  @Field(() => Int, { description: 'Rows of the window.' })
  n!: number;

  @Field(() => Boolean, { description: 'Whether the value is beyond the threshold.' })
  breached!: boolean;
}

/** The latest windows of a request's thresholds, read once per request whatever the number of thresholds listed. */
const latestWindowsOfRequest = new WeakMap<Context, ReturnType<typeof latestThresholdWindows>>();

@Resolver(() => FairnessThreshold)
export class FairnessThresholdResolver {
  @Query(() => [FairnessThreshold], { description: 'The fairness thresholds of the organisation, or of one AI system.' })
  async fairnessThresholds(@Arg('aiSystemId', () => ID, { nullable: true }) aiSystemId: string | null, @Ctx() context: Context): Promise<FairnessThreshold[]> {
    const { organisation } = viewerOf(context).membership;
    const aiSystem = aiSystemId == null ? undefined : await ownAiSystem(context.em, organisation, aiSystemId);
    return context.em.find(FairnessThreshold, { organisation, ...(aiSystem ? { aiSystem } : {}) }, { orderBy: { createdAt: 'asc' } });
  }
  @Mutation(() => FairnessThreshold, { description: 'Adds a fairness threshold, or changes one (with id and expectedVersion). New windows are checked against it.' })
  async setFairnessThreshold(@Arg('input', () => FairnessThresholdInput) input: FairnessThresholdInput, @Ctx() context: Context): Promise<FairnessThreshold> {
    const { organisation } = viewerOf(context).membership;
    const aiSystem = await ownAiSystem(context.em, organisation, input.aiSystemId);
    const attribute = requiredText('attribute', input.attribute, 100);
    if (!Number.isFinite(input.value)) throw badInput('value', `must be a finite number, got ${input.value}`);
    const privilegedGroup = optionalText('privilegedGroup', input.privilegedGroup, 200);
    if (privilegedMetrics.includes(input.metric) && privilegedGroup === null) throw badInput('privilegedGroup', `is required for ${input.metric}, which compares with a privileged group`);
    if (input.minGroupSize != null && input.minGroupSize < 0) throw badInput('minGroupSize', `must be 0 or more, got ${input.minGroupSize}`);
    let risk: Risk | null = null;
    if (input.riskId != null) {
      risk = await context.em.findOne(Risk, { id: lookupId(input.riskId), organisation });
      if (!risk) throw badInput('riskId', `names no risk of your organisation: ${input.riskId}`);
    }
    let threshold: FairnessThreshold;
    if (input.id != null) {
      const existing = await context.em.findOne(FairnessThreshold, { id: lookupId(input.id), organisation });
      if (!existing) throw notFound('Fairness threshold', input.id);
      checkVersion(`Fairness threshold ${input.id}`, existing.version, input.expectedVersion);
      threshold = existing;
    } else {
      threshold = context.em.create(FairnessThreshold, { organisation, aiSystem, attribute, metric: input.metric, direction: 'below', value: input.value });
    }
    Object.assign(threshold, {
      aiSystem,
      attribute,
      metric: input.metric,
      direction: input.direction ?? defaultDirection(input.metric),
      value: input.value,
      privilegedGroup,
      minGroupSize: input.minGroupSize ?? 0,
      risk,
    });
    await flushOrConflict(context.em, 'The fairness threshold');
    return threshold;
  }
  @Mutation(() => Boolean, { description: 'Removes a fairness threshold; the findings it raised stay. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteFairnessThreshold(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, FairnessThreshold, 'Fairness threshold', id, expectedVersion);
  }

  @FieldResolver(() => AiSystem)
  async aiSystem(@Root() threshold: FairnessThreshold): Promise<AiSystem> {
    return Reference.create(threshold.aiSystem).load({ dataloader: true }) as Promise<AiSystem>;
  }

  @FieldResolver(() => FairnessReading, { nullable: true, description: 'The metric on the latest window of the AI system and attribute; null before the first window.' })
  async latest(@Root() threshold: FairnessThreshold, @Ctx() context: Context): Promise<FairnessReading | null> {
    let windows = latestWindowsOfRequest.get(context);
    if (windows === undefined) {
      windows = latestThresholdWindows(context.em, viewerOf(context).membership.organisation);
      latestWindowsOfRequest.set(context, windows);
    }
    return thresholdReading(threshold, (await windows).get(`${threshold.aiSystem.id} ${threshold.attribute}`));
  }

  @FieldResolver(() => Risk, { nullable: true, description: 'The risk to re-assess on a breach.' })
  async risk(@Root() threshold: FairnessThreshold): Promise<Risk | null> {
    return threshold.risk ? Reference.create(threshold.risk).load({ dataloader: true }) : null;
  }
  @Query(() => FairnessThreshold, { nullable: true })
  async fairnessThreshold(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<FairnessThreshold | null> {
    return ownRecord(context, FairnessThreshold, id);
  }
}
