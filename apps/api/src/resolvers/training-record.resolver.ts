import type { FilterQuery } from '@mikro-orm/core';
import { searchWhere } from '../services/list-filters.js';
import { type Page, PageArgs, connectionOf, orderInputOf, pageFromDatabase } from './pagination.js';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root, Int } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { TrainingRecord } from '../entities/training-record.entity.js';
import { badInput, notFound } from '../errors.js';
import { checkDate, todayIso } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { notNull, optionalDate } from '../services/inputs.js';
import { SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { DUE_SOON_DAYS, expiryFlags } from '../services/training-expiry.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { CreateTrainingRecordInput, UpdateTrainingRecordInput } from './training-record.input.js';
import { ownRecord, lookupId } from '../services/records.js';

/** Locations are URLs or document references, as for evidence. */
const LOCATION_MAX = 1000;

/** Applies the optional fields, then checks that the record does not expire before it was completed. */
function applyDetails(record: TrainingRecord, input: CreateTrainingRecordInput | UpdateTrainingRecordInput): void {
  record.expiresOn = optionalDate('expiresOn', input.expiresOn, record.expiresOn);
  if (input.evidenceLocation !== undefined) record.evidenceLocation = optionalText('evidenceLocation', input.evidenceLocation, LOCATION_MAX);
  if (record.expiresOn !== null && record.expiresOn < record.completedOn) {
    throw badInput('expiresOn', `must not be before completedOn (${record.completedOn}), got ${record.expiresOn}`);
  }
}

async function findRecord(context: Context, id: string): Promise<TrainingRecord> {
  const record = await context.em.findOne(TrainingRecord, { id: lookupId(id), organisation: viewerOf(context).membership.organisation });
  if (!record) throw notFound('Training record', id);
  return record;
}


const TrainingRecordConnection = connectionOf(TrainingRecord, 'TrainingRecord', 'training record');
const TrainingRecordOrder = orderInputOf('TrainingRecord', { PERSON: 'person', COMPETENCE: 'competence', COMPLETED_ON: 'completedOn', EXPIRES_ON: 'expiresOn' });

@InputType({ description: 'Narrows the training record list; every condition given must hold.' })
class TrainingRecordFilter {
  @Field(() => String, { nullable: true, description: 'Words found in person, role, competence (case does not matter).' })
  search?: string | null;
}

@Resolver(() => TrainingRecord)
export class TrainingRecordResolver {
  @Query(() => TrainingRecordConnection, { description: 'Training and competence records (clauses 7.2, 7.3), by person and newest first unless orderBy says otherwise.' })
  async trainingRecords(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TrainingRecordFilter, { nullable: true }) filter: TrainingRecordFilter | null,
    @Arg('orderBy', () => TrainingRecordOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof TrainingRecordOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<TrainingRecord>> {
    const { organisation } = viewerOf(context).membership;
    const where: FilterQuery<TrainingRecord> = {
      organisation,
      $and: searchWhere<TrainingRecord>(context.em, filter?.search, ['person', 'role', 'competence']),
    };
    return pageFromDatabase(context.em, TrainingRecord, where, TrainingRecordOrder.orderMap(orderBy, { person: 'asc', completedOn: 'desc', competence: 'asc' }), page);
  }

  @Query(() => TrainingRecord, { nullable: true })
  async trainingRecord(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<TrainingRecord | null> {
    return ownRecord(context, TrainingRecord, id);
  }

  @FieldResolver(() => Boolean, { description: 'Past its expiry date on the day of the request.' })
  expired(@Root() record: TrainingRecord): boolean {
    return expiryFlags(record.expiresOn, todayIso()).expired;
  }

  @FieldResolver(() => Boolean, { description: `Not expired, but expires within ${DUE_SOON_DAYS} days of the day of the request.` })
  dueSoon(@Root() record: TrainingRecord): boolean {
    return expiryFlags(record.expiresOn, todayIso()).dueSoon;
  }
  @Mutation(() => TrainingRecord, { description: 'Records training completed or a competence shown.' })
  async createTrainingRecord(@Arg('input', () => CreateTrainingRecordInput) input: CreateTrainingRecordInput, @Ctx() context: Context): Promise<TrainingRecord> {
    const { membership } = viewerOf(context);
    const record = context.em.create(TrainingRecord, {
      organisation: membership.organisation,
      person: requiredText('person', input.person, SHORT_TEXT_MAX),
      role: requiredText('role', input.role, SHORT_TEXT_MAX),
      competence: requiredText('competence', input.competence, SHORT_TEXT_MAX),
      completedOn: checkDate('completedOn', input.completedOn),
    });
    applyDetails(record, input);
    await context.em.flush();
    return record;
  }
  @Mutation(() => TrainingRecord, { description: 'Changes a training record; refused as a conflict when someone changed it since expectedVersion.' })
  async updateTrainingRecord(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTrainingRecordInput) input: UpdateTrainingRecordInput,
    @Ctx() context: Context,
  ): Promise<TrainingRecord> {
    const record = await findRecord(context, id);
    checkVersion(`Training record ${id}`, record.version, input.expectedVersion);
    for (const field of ['person', 'role', 'competence'] as const) {
      const text = notNull(field, input[field]);
      if (text !== undefined) record[field] = requiredText(field, text, SHORT_TEXT_MAX);
    }
    const completedOn = notNull('completedOn', input.completedOn);
    if (completedOn !== undefined) record.completedOn = checkDate('completedOn', completedOn);
    applyDetails(record, input);
    await flushOrConflict(context.em, `Training record ${id}`);
    return record;
  }
  @Mutation(() => Boolean, { description: 'Removes a training record. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteTrainingRecord(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, TrainingRecord, 'Training record', id, expectedVersion);
  }
}
