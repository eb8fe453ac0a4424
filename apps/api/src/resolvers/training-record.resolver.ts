import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
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
  const record = await context.em.findOne(TrainingRecord, { id, organisation: viewerOf(context).membership.organisation });
  if (!record) throw notFound('Training record', id);
  return record;
}

@Resolver(() => TrainingRecord)
export class TrainingRecordResolver {
  @Query(() => [TrainingRecord], { description: 'Training and competence records (clauses 7.2, 7.3), by person, newest first.' })
  async trainingRecords(@Ctx() context: Context): Promise<TrainingRecord[]> {
    const { membership } = viewerOf(context);
    return context.em.find(TrainingRecord, { organisation: membership.organisation }, { orderBy: { person: 'asc', completedOn: 'desc', competence: 'asc' } });
  }
  @Query(() => TrainingRecord, { nullable: true })
  async trainingRecord(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<TrainingRecord | null> {
    const { membership } = viewerOf(context);
    return context.em.findOne(TrainingRecord, { id, organisation: membership.organisation });
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
