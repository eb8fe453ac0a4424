import type { ImpactAssessmentStatus } from '@assay/schema';
import { type FilterQuery, Reference, wrap } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/roles.js';
import { type Context, viewerOf } from '../context.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { ImpactAssessment } from '../entities/impact-assessment.entity.js';
import { ImpactItem } from '../entities/impact-item.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { ImpactAssessmentStatusEnum } from '../graphql-enums.js';
import { aiSystemOf } from '../services/ai-systems.js';
import { searchWhere } from '../services/list-filters.js';
import { checkDate, todayIso } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { notNull, optionalDate, required } from '../services/inputs.js';
import { ownRiskIds } from '../services/risk-links.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { CreateImpactAssessmentInput, ImpactItemInput, UpdateImpactAssessmentInput } from './impact-assessment.input.js';
import { type Page, PageArgs, connectionOf, orderInputOf, pageFromDatabase } from './pagination.js';
import { lookupId } from '../services/records.js';

type Details = CreateImpactAssessmentInput | UpdateImpactAssessmentInput;

const LONG_TEXTS = [
  'scope',
  'intendedUse',
  'foreseeableMisuse',
  'dataConsiderations',
  'modelConsiderations',
  'humanOversight',
  'friaDeployerProcesses',
  'friaPeriodAndFrequency',
  'friaAffectedCategories',
  'friaRisksOfHarm',
  'friaMeasuresAndComplaints',
] as const;

/** The points of Art. 27(1) of the EU AI Act and the fields that hold them; an approved FRIA has them all. */
const FRIA_POINTS = [
  ['a', 'friaDeployerProcesses'],
  ['b', 'friaPeriodAndFrequency'],
  ['c', 'friaAffectedCategories'],
  ['d', 'friaRisksOfHarm'],
  ['e', 'humanOversight'],
  ['f', 'friaMeasuresAndComplaints'],
] as const;

/** What may change on an approved assessment without reopening it. */
const CHANGEABLE_WHEN_APPROVED = new Set(['expectedVersion', 'status', 'nextReviewOn']);

const REOPEN = 'reopen it first (status DRAFT or IN_REVIEW), which withdraws the approval';

/** Severity and likelihood of an impact are whole numbers from 1 to 5. */
function checkScale(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw badInput(field, `must be a whole number from 1 to 5, got ${value}`);
  return value;
}

/** Applies the optional fields of an input: left out keeps the value, null clears an optional one. */
async function applyDetails(context: Context, assessment: ImpactAssessment, input: Details): Promise<void> {
  for (const field of LONG_TEXTS) {
    if (input[field] !== undefined) assessment[field] = optionalText(field, input[field], LONG_TEXT_MAX);
  }
  const status = notNull('status', input.status);
  if (status === 'approved') throw badInput('status', 'becomes APPROVED only through approveImpactAssessment, by an administrator');
  if (status !== undefined) {
    assessment.status = status;
    assessment.approvedBy = null;
    assessment.approvedOn = null;
  }
  const friaRequired = notNull('friaRequired', input.friaRequired);
  if (friaRequired !== undefined) assessment.friaRequired = friaRequired;
  assessment.nextReviewOn = optionalDate('nextReviewOn', input.nextReviewOn, assessment.nextReviewOn);
  assessment.friaNotifiedOn = optionalDate('friaNotifiedOn', input.friaNotifiedOn, assessment.friaNotifiedOn);
  if (input.riskIds !== undefined) assessment.riskIds = await ownRiskIds(context, input.riskIds ?? []);
  checkDates(assessment);
}

/** The dates of an assessment in order: assessed, then approved and notified, then next reviewed. */
function checkDates(assessment: ImpactAssessment): void {
  const { assessedOn, approvedOn, nextReviewOn, friaNotifiedOn } = assessment;
  if (nextReviewOn !== null && nextReviewOn <= assessedOn) throw badInput('nextReviewOn', `must be after assessedOn (${assessedOn}), got ${nextReviewOn}`);
  if (nextReviewOn !== null && approvedOn !== null && nextReviewOn <= approvedOn) throw badInput('nextReviewOn', `must be after approvedOn (${approvedOn}), got ${nextReviewOn}`);
  if (friaNotifiedOn !== null && friaNotifiedOn < assessedOn) throw badInput('friaNotifiedOn', `must not be before assessedOn (${assessedOn}), got ${friaNotifiedOn}`);
}

/** Applies an item input: left out keeps the value, null clears an optional text. */
function applyItem(item: ImpactItem, input: ImpactItemInput): void {
  const kind = notNull('kind', input.kind);
  if (kind !== undefined) item.kind = kind;
  const affected = notNull('affected', input.affected);
  if (affected !== undefined) item.affected = affected;
  const description = notNull('description', input.description);
  if (description !== undefined) item.description = requiredText('description', description, LONG_TEXT_MAX);
  const severity = notNull('severity', input.severity);
  if (severity !== undefined) item.severity = checkScale('severity', severity);
  const likelihood = notNull('likelihood', input.likelihood);
  if (likelihood !== undefined) item.likelihood = checkScale('likelihood', likelihood);
  if (input.affectedParties !== undefined) item.affectedParties = optionalText('affectedParties', input.affectedParties, SHORT_TEXT_MAX);
  if (input.mitigation !== undefined) item.mitigation = optionalText('mitigation', input.mitigation, LONG_TEXT_MAX);
}

/**
 * A change to the impacts is a change to the assessment: touching it moves its version on, so an
 * approval based on what the approver read before the change is refused as a conflict.
 */
function touch(assessment: ImpactAssessment): void {
  assessment.updatedAt = new Date();
}


const ImpactAssessmentConnection = connectionOf(ImpactAssessment, 'ImpactAssessment', 'impact assessment');
const ImpactAssessmentOrder = orderInputOf('ImpactAssessment', { ASSESSED_ON: 'assessedOn', NEXT_REVIEW_ON: 'nextReviewOn', TITLE: 'title', STATUS: 'status' });

@InputType({ description: 'Narrows the impact assessments; every condition given must hold.' })
class ImpactAssessmentFilter {
  @Field(() => ID, { nullable: true, description: 'Only the assessments of this AI system.' })
  aiSystemId?: string | null;

  @Field(() => [ImpactAssessmentStatusEnum], { nullable: true })
  status?: ImpactAssessmentStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Words found in the title, scope or intended use.' })
  search?: string | null;
}
@Resolver(() => ImpactAssessment)
export class ImpactAssessmentResolver {
  @Query(() => ImpactAssessmentConnection, { description: 'Impact assessments of the organisation, most recent first unless orderBy says otherwise.' })
  async impactAssessments(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ImpactAssessmentFilter, { nullable: true }) filter: ImpactAssessmentFilter | null,
    @Arg('orderBy', () => ImpactAssessmentOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof ImpactAssessmentOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<ImpactAssessment>> {
    const { organisation } = viewerOf(context).membership;
    const aiSystem = filter?.aiSystemId == null ? null : await aiSystemOf(context, filter.aiSystemId, null, 'filter.aiSystemId');
    const where: FilterQuery<ImpactAssessment> = {
      organisation,
      ...(aiSystem ? { aiSystem } : {}),
      ...(filter?.status ? { status: { $in: filter.status } } : {}),
      $and: searchWhere<ImpactAssessment>(context.em, filter?.search, ['title', 'scope', 'intendedUse']),
    };
    return pageFromDatabase(context.em, ImpactAssessment, where, ImpactAssessmentOrder.orderMap(orderBy, { assessedOn: 'desc', title: 'asc' }), page);
  }

  @Query(() => ImpactAssessment, { nullable: true })
  async impactAssessment(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<ImpactAssessment | null> {
    return context.em.findOne(ImpactAssessment, { id: lookupId(id), organisation: viewerOf(context).membership.organisation });
  }

  @FieldResolver(() => AiSystem)
  async aiSystem(@Root() assessment: ImpactAssessment): Promise<AiSystem> {
    // Batched across the assessments of one response by MikroORM's dataloader.
    return Reference.create(assessment.aiSystem).load({ dataloader: true }) as Promise<AiSystem>;
  }

  @FieldResolver(() => [ImpactItem], { description: 'Harms first, then benefits; the most severe and likely first.' })
  async items(@Root() assessment: ImpactAssessment): Promise<ImpactItem[]> {
    return (await assessment.items.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => [Risk], { description: 'The risks of riskIds, in that order.' })
  async risks(@Root() assessment: ImpactAssessment, @Ctx() context: Context): Promise<Risk[]> {
    // One query for the risks of every assessment in the response, through the dataloader.
    const risks = await Promise.all(assessment.riskIds.map((id) => context.em.getReference(Risk, id, { wrapped: true }).load({ dataloader: true })));
    return risks.filter((risk): risk is NonNullable<typeof risk> => risk != null && wrap(risk).isInitialized());
  }

  @FieldResolver(() => Boolean, { description: 'Has a next review date that has passed on the day of the request.' })
  reviewOverdue(@Root() assessment: ImpactAssessment): boolean {
    return assessment.nextReviewOn !== null && assessment.nextReviewOn < todayIso();
  }
  @Mutation(() => ImpactAssessment, { description: 'Starts an impact assessment of an AI system (a DRAFT unless status says IN_REVIEW).' })
  async createImpactAssessment(@Arg('input', () => CreateImpactAssessmentInput) input: CreateImpactAssessmentInput, @Ctx() context: Context): Promise<ImpactAssessment> {
    const { organisation } = viewerOf(context).membership;
    const aiSystem = await aiSystemOf(context, input.aiSystemId, null);
    if (!aiSystem) throw badInput('aiSystemId', 'is required');
    const assessment = context.em.create(ImpactAssessment, {
      organisation,
      aiSystem,
      title: requiredText('title', input.title, SHORT_TEXT_MAX),
      assessedOn: checkDate('assessedOn', input.assessedOn),
    });
    await applyDetails(context, assessment, input);
    await context.em.flush();
    return assessment;
  }
  @Mutation(() => ImpactAssessment, { description: 'Changes an impact assessment; refused as a conflict when someone changed it since expectedVersion. An approved one must be reopened first, except for its next review date.' })
  async updateImpactAssessment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateImpactAssessmentInput) input: UpdateImpactAssessmentInput,
    @Ctx() context: Context,
  ): Promise<ImpactAssessment> {
    const assessment = await this.ownAssessment(context, id);
    checkVersion(`Impact assessment ${id}`, assessment.version, input.expectedVersion);
    if (assessment.status === 'approved' && input.status == null) {
      const frozen = Object.keys(input).find((field) => input[field as keyof typeof input] !== undefined && !CHANGEABLE_WHEN_APPROVED.has(field));
      if (frozen) throw badInput('status', `the assessment is approved, so ${frozen} cannot change; ${REOPEN}`);
    }
    if (input.title != null) assessment.title = requiredText('title', input.title, SHORT_TEXT_MAX);
    if (input.assessedOn != null) assessment.assessedOn = checkDate('assessedOn', input.assessedOn);
    await applyDetails(context, assessment, input);
    await flushOrConflict(context.em, `Impact assessment ${id}`);
    return assessment;
  }
  @Mutation(() => ImpactAssessment, {
    description: 'Approves an assessment IN_REVIEW (ISO/IEC 42005 5.11), recording the administrator and the day (today unless approvedOn is given). Needs a next review date, and points (a)–(f) when a FRIA is required.',
  })
  async approveImpactAssessment(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() context: Context,
    @Arg('approvedOn', () => String, { nullable: true }) approvedOn?: string | null,
    @Arg('nextReviewOn', () => String, { nullable: true }) nextReviewOn?: string | null,
  ): Promise<ImpactAssessment> {
    const { user } = viewerOf(context).membership;
    const assessment = await this.ownAssessment(context, id);
    checkVersion(`Impact assessment ${id}`, assessment.version, expectedVersion);
    if (assessment.status === 'draft') throw badInput('id', 'names an assessment that is a draft; submit it for review (status IN_REVIEW) first');
    if (assessment.status === 'approved') throw badInput('id', 'names an assessment that is already approved');
    const day = approvedOn == null ? todayIso() : checkDate('approvedOn', approvedOn);
    if (day < assessment.assessedOn) throw badInput('approvedOn', `must not be before assessedOn (${assessment.assessedOn}), got ${day}`);
    if (nextReviewOn != null) assessment.nextReviewOn = checkDate('nextReviewOn', nextReviewOn);
    if (assessment.nextReviewOn === null) throw badInput('nextReviewOn', 'is required to approve: say when the assessment is next reviewed (ISO/IEC 42005 5.12)');
    if (assessment.nextReviewOn <= day) throw badInput('nextReviewOn', `must be after approvedOn (${day}), got ${assessment.nextReviewOn}`);
    if (assessment.friaRequired) {
      for (const [point, field] of FRIA_POINTS) {
        if (assessment[field] === null) throw badInput(field, `is required to approve an assessment that includes a FRIA (Art. 27(1)(${point}) of the EU AI Act)`);
      }
    }
    assessment.status = 'approved';
    assessment.approvedBy = user.name;
    assessment.approvedOn = day;
    await flushOrConflict(context.em, `Impact assessment ${id}`);
    return assessment;
  }
  @Mutation(() => Boolean, {
    description: 'Deletes an impact assessment and its impacts; an approved one only by an administrator. With expectedVersion, refused as a conflict when someone changed it since.',
  })
  async deleteImpactAssessment(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    const { role } = viewerOf(context).membership;
    return deleteRecord(context, ImpactAssessment, 'Impact assessment', id, expectedVersion, {
      check: (_em, assessment) => {
        if (assessment.status === 'approved' && role !== Role.ADMIN) throw forbidden(`Your role (${role}) may not delete an approved impact assessment; it needs: ${Role.ADMIN}`);
      },
      children: (em, assessment) => em.find(ImpactItem, { assessment }),
    });
  }
  @Mutation(() => ImpactItem, { description: 'Adds a harm or benefit to an assessment that is not approved.' })
  async addImpactItem(@Arg('assessmentId', () => ID) assessmentId: string, @Arg('input', () => ImpactItemInput) input: ImpactItemInput, @Ctx() context: Context): Promise<ImpactItem> {
    const assessment = await this.ownAssessment(context, assessmentId);
    if (assessment.status === 'approved') throw badInput('assessmentId', `names an approved assessment; ${REOPEN}`);
    const item = context.em.create(ImpactItem, {
      organisation: assessment.organisation,
      assessment,
      kind: required('kind', input.kind),
      affected: required('affected', input.affected),
      description: requiredText('description', required('description', input.description), LONG_TEXT_MAX),
      severity: checkScale('severity', required('severity', input.severity)),
      likelihood: checkScale('likelihood', required('likelihood', input.likelihood)),
    });
    applyItem(item, input);
    touch(assessment);
    await flushOrConflict(context.em, `Impact assessment ${assessmentId}`);
    return item;
  }
  @Mutation(() => ImpactItem, { description: 'Changes a harm or benefit; refused as a conflict when someone changed it since expectedVersion.' })
  async updateImpactItem(@Arg('id', () => ID) id: string, @Arg('input', () => ImpactItemInput) input: ImpactItemInput, @Ctx() context: Context): Promise<ImpactItem> {
    const item = await this.ownItem(context, id);
    checkVersion(`Impact ${id}`, item.version, input.expectedVersion);
    applyItem(item, input);
    touch(item.assessment);
    await flushOrConflict(context.em, `Impact ${id}`);
    return item;
  }
  @Mutation(() => ImpactAssessment, { description: 'Removes a harm or benefit; returns its assessment as it now stands.' })
  async removeImpactItem(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<ImpactAssessment> {
    const item = await this.ownItem(context, id);
    const { assessment } = item;
    context.em.remove(item);
    touch(assessment);
    await flushOrConflict(context.em, `Impact assessment ${assessment.id}`);
    return assessment;
  }

  private async ownAssessment(context: Context, id: string): Promise<ImpactAssessment> {
    const assessment = await context.em.findOne(ImpactAssessment, { id: lookupId(id), organisation: viewerOf(context).membership.organisation });
    if (!assessment) throw notFound('Impact assessment', id);
    return assessment;
  }

  /** An item of the viewer's organisation whose assessment may still change. */
  private async ownItem(context: Context, id: string): Promise<ImpactItem> {
    const item = await context.em.findOne(ImpactItem, { id: lookupId(id), organisation: viewerOf(context).membership.organisation }, { populate: ['assessment'] });
    if (!item) throw notFound('Impact', id);
    if (item.assessment.status === 'approved') throw badInput('id', `names an impact of an approved assessment; ${REOPEN}`);
    return item;
  }
}

@Resolver(() => ImpactItem)
export class ImpactItemResolver {
  @FieldResolver(() => ImpactAssessment, { description: 'The assessment the impact belongs to.' })
  async assessment(@Root() item: ImpactItem): Promise<ImpactAssessment> {
    return Reference.create(item.assessment).load({ dataloader: true }) as Promise<ImpactAssessment>;
  }
}
