import { searchWhere } from '../services/list-filters.js';
import { type Page, PageArgs, connectionOf, orderInputOf, pageFromDatabase } from './pagination.js';
import { type FilterQuery, Reference } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, InputType, Mutation, Query, Resolver, Root, Int } from 'type-graphql';
import type { ObjectiveStatus } from '@assay/schema';
import { type Context, viewerOf } from '../context.js';
import { ObjectiveStatusEnum } from '../graphql-enums.js';
import { AiObjective } from '../entities/ai-objective.entity.js';
import { KpiMeasurement } from '../entities/kpi-measurement.entity.js';
import { badInput, notFound } from '../errors.js';
import { checkControlIds } from '../services/catalogue-refs.js';
import { checkDate } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { notNull } from '../services/inputs.js';
import { isOnTarget, kpiTrend, latestReading } from '../services/objective-kpi.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { CreateAiObjectiveInput, CreateKpiMeasurementInput, UpdateAiObjectiveInput, UpdateKpiMeasurementInput } from './ai-objective.input.js';
import { TrendView } from './fairness.type.js';
import { ownRecord, lookupId } from '../services/records.js';

/** Units are short labels such as %, days or reviews. */
const KPI_UNIT_MAX = 40;

function finite(field: string, value: number): number {
  if (!Number.isFinite(value)) throw badInput(field, `must be a finite number, got ${value}`);
  return value;
}

/** Applies the optional fields of an input: left out keeps the value, null clears a text. */
function applyDetails(objective: AiObjective, input: CreateAiObjectiveInput | UpdateAiObjectiveInput): void {
  if (input.description !== undefined) objective.description = optionalText('description', input.description, LONG_TEXT_MAX);
  if (input.owner !== undefined) objective.owner = optionalText('owner', input.owner, SHORT_TEXT_MAX);
  const status = notNull('status', input.status);
  if (status !== undefined) objective.status = status;
  if (input.controlIds !== undefined) objective.controlIds = checkControlIds(input.controlIds ?? []);
  if (input.kpiUnit !== undefined) objective.kpiUnit = optionalText('kpiUnit', input.kpiUnit, KPI_UNIT_MAX);
}

/**
 * Refuses a second measurement of the same KPI on one day (the table's unique key, said in words).
 * Runs before anything changes: a query with changes pending would flush them first.
 */
async function checkFreeDay(context: Context, objective: AiObjective, measuredOn: string, exceptId: string | null): Promise<void> {
  const taken = await context.em.count(KpiMeasurement, { objective, measuredOn, ...(exceptId === null ? {} : { id: { $ne: exceptId } }) });
  if (taken > 0) throw badInput('measuredOn', `already has a measurement of this KPI on ${measuredOn}; change that one instead`);
}

async function readingsOf(objective: AiObjective): Promise<KpiMeasurement[]> {
  // Batched across the objectives of one response by MikroORM's dataloader.
  return (await objective.measurements.load({ dataloader: true })).getItems();
}

async function findObjective(context: Context, id: string): Promise<AiObjective> {
  const objective = await context.em.findOne(AiObjective, { id: lookupId(id), organisation: viewerOf(context).membership.organisation });
  if (!objective) throw notFound('AI objective', id);
  return objective;
}

async function findMeasurement(context: Context, id: string): Promise<KpiMeasurement> {
  // With its objective, whose organisation the audit log files the change under.
  const measurement = await context.em.findOne(KpiMeasurement, { id: lookupId(id), objective: { organisation: viewerOf(context).membership.organisation } }, { populate: ['objective'] });
  if (!measurement) throw notFound('KPI measurement', id);
  return measurement;
}


const AiObjectiveConnection = connectionOf(AiObjective, 'AiObjective', 'AI objective');
const AiObjectiveOrder = orderInputOf('AiObjective', { TARGET_DATE: 'targetDate', TITLE: 'title', STATUS: 'status', OWNER: 'owner', UPDATED_AT: 'updatedAt' });

@InputType({ description: 'Narrows the objectives; every condition given must hold.' })
class AiObjectiveFilter {
  @Field(() => [ObjectiveStatusEnum], { nullable: true })
  status?: ObjectiveStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Words found in the title, description, owner or KPI name.' })
  search?: string | null;
}
@Resolver(() => AiObjective)
export class AiObjectiveResolver {
  @Query(() => AiObjectiveConnection, { description: "The organisation's AI objectives (clause 6.2), by target date unless orderBy says otherwise." })
  async objectives(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AiObjectiveFilter, { nullable: true }) filter: AiObjectiveFilter | null,
    @Arg('orderBy', () => AiObjectiveOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof AiObjectiveOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<AiObjective>> {
    const { organisation } = viewerOf(context).membership;
    const where: FilterQuery<AiObjective> = {
      organisation,
      ...(filter?.status ? { status: { $in: filter.status } } : {}),
      $and: searchWhere<AiObjective>(context.em, filter?.search, ['title', 'description', 'owner', 'kpiName']),
    };
    return pageFromDatabase(context.em, AiObjective, where, AiObjectiveOrder.orderMap(orderBy, { targetDate: 'asc', title: 'asc' }), page);
  }
  @Query(() => AiObjective, { nullable: true })
  async objective(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<AiObjective | null> {
    return ownRecord(context, AiObjective, id);
  }

  @FieldResolver(() => [KpiMeasurement], { description: 'The KPI measurements, oldest first.' })
  async measurements(@Root() objective: AiObjective): Promise<KpiMeasurement[]> {
    return readingsOf(objective);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The value of the most recent measurement; null before the first.' })
  async latestValue(@Root() objective: AiObjective): Promise<number | null> {
    return latestReading(await readingsOf(objective))?.value ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The day of the most recent measurement.' })
  async latestMeasuredOn(@Root() objective: AiObjective): Promise<string | null> {
    return latestReading(await readingsOf(objective))?.measuredOn ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the latest value meets the target (at least it when higher is better, at most it when lower is); null before the first measurement.' })
  async onTarget(@Root() objective: AiObjective): Promise<boolean | null> {
    const latest = latestReading(await readingsOf(objective));
    return isOnTarget(latest?.value ?? null, { direction: objective.kpiDirection, target: objective.kpiTarget });
  }

  @FieldResolver(() => TrendView, { description: 'The trend of the KPI over its measurements: least-squares slope per day and the Mann–Kendall direction.' })
  async trend(@Root() objective: AiObjective): Promise<TrendView> {
    return Object.assign(new TrendView(), kpiTrend(await readingsOf(objective)));
  }
  @Mutation(() => AiObjective, { description: 'Records an AI objective with its KPI.' })
  async createAiObjective(@Arg('input', () => CreateAiObjectiveInput) input: CreateAiObjectiveInput, @Ctx() context: Context): Promise<AiObjective> {
    const { membership } = viewerOf(context);
    const objective = context.em.create(AiObjective, {
      organisation: membership.organisation,
      title: requiredText('title', input.title, SHORT_TEXT_MAX),
      targetDate: checkDate('targetDate', input.targetDate),
      kpiName: requiredText('kpiName', input.kpiName, SHORT_TEXT_MAX),
      kpiDirection: input.kpiDirection,
      kpiTarget: finite('kpiTarget', input.kpiTarget),
    });
    applyDetails(objective, input);
    await context.em.flush();
    return objective;
  }
  @Mutation(() => AiObjective, { description: 'Changes an AI objective; refused as a conflict when someone changed it since expectedVersion.' })
  async updateAiObjective(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAiObjectiveInput) input: UpdateAiObjectiveInput,
    @Ctx() context: Context,
  ): Promise<AiObjective> {
    const objective = await findObjective(context, id);
    checkVersion(`AI objective ${id}`, objective.version, input.expectedVersion);
    const title = notNull('title', input.title);
    if (title !== undefined) objective.title = requiredText('title', title, SHORT_TEXT_MAX);
    const targetDate = notNull('targetDate', input.targetDate);
    if (targetDate !== undefined) objective.targetDate = checkDate('targetDate', targetDate);
    const kpiName = notNull('kpiName', input.kpiName);
    if (kpiName !== undefined) objective.kpiName = requiredText('kpiName', kpiName, SHORT_TEXT_MAX);
    const kpiDirection = notNull('kpiDirection', input.kpiDirection);
    if (kpiDirection !== undefined) objective.kpiDirection = kpiDirection;
    const kpiTarget = notNull('kpiTarget', input.kpiTarget);
    if (kpiTarget !== undefined) objective.kpiTarget = finite('kpiTarget', kpiTarget);
    applyDetails(objective, input);
    await flushOrConflict(context.em, `AI objective ${id}`);
    return objective;
  }
  @Mutation(() => Boolean, { description: 'Removes an AI objective with its measurements. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteAiObjective(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, AiObjective, 'AI objective', id, expectedVersion, {
      children: (em, objective) => em.find(KpiMeasurement, { objective }),
    });
  }
  @Mutation(() => KpiMeasurement, { description: "Records a measurement of an objective's KPI (one per day)." })
  async addKpiMeasurement(
    @Arg('objectiveId', () => ID) objectiveId: string,
    @Arg('input', () => CreateKpiMeasurementInput) input: CreateKpiMeasurementInput,
    @Ctx() context: Context,
  ): Promise<KpiMeasurement> {
    const objective = await findObjective(context, objectiveId);
    const measuredOn = checkDate('measuredOn', input.measuredOn);
    const value = finite('value', input.value);
    const note = optionalText('note', input.note, LONG_TEXT_MAX);
    await checkFreeDay(context, objective, measuredOn, null);
    const measurement = context.em.create(KpiMeasurement, { objective, measuredOn, value, note });
    await flushOrConflict(context.em, `The measurement of ${measurement.measuredOn}`);
    return measurement;
  }
  @Mutation(() => KpiMeasurement, { description: 'Changes a KPI measurement; refused as a conflict when someone changed it since expectedVersion.' })
  async updateKpiMeasurement(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateKpiMeasurementInput) input: UpdateKpiMeasurementInput,
    @Ctx() context: Context,
  ): Promise<KpiMeasurement> {
    const measurement = await findMeasurement(context, id);
    checkVersion(`KPI measurement ${id}`, measurement.version, input.expectedVersion);
    const rawDay = notNull('measuredOn', input.measuredOn);
    const measuredOn = rawDay === undefined ? measurement.measuredOn : checkDate('measuredOn', rawDay);
    const rawValue = notNull('value', input.value);
    const value = rawValue === undefined ? measurement.value : finite('value', rawValue);
    const note = input.note === undefined ? measurement.note : optionalText('note', input.note, LONG_TEXT_MAX);
    if (measuredOn !== measurement.measuredOn) await checkFreeDay(context, measurement.objective, measuredOn, measurement.id);
    Object.assign(measurement, { measuredOn, value, note });
    await flushOrConflict(context.em, `KPI measurement ${id}`);
    return measurement;
  }
  @Mutation(() => Boolean, { description: 'Removes a KPI measurement. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteKpiMeasurement(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, KpiMeasurement, 'KPI measurement', id, expectedVersion, {
      where: { id, objective: { organisation: viewerOf(context).membership.organisation } },
      populate: ['objective'],
    });
  }
}

@Resolver(() => KpiMeasurement)
export class KpiMeasurementResolver {
  @FieldResolver(() => AiObjective, { description: 'The objective whose KPI was measured.' })
  async objective(@Root() measurement: KpiMeasurement): Promise<AiObjective> {
    return Reference.create(measurement.objective).load({ dataloader: true }) as Promise<AiObjective>;
  }
}
