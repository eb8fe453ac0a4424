import type { IncidentStatus } from '@assay/schema';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, ID, InputType, Mutation, Query, Resolver, Int } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { Incident } from '../entities/incident.entity.js';
import { badInput, notFound } from '../errors.js';
import { aiSystemOf } from '../services/ai-systems.js';
import { checkDate, todayIso } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { ownRecord, lookupId } from '../services/records.js';
import { reportingDeadline } from '../services/reporting-deadline.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { IncidentStatusEnum } from '../graphql-enums.js';
import { searchWhere } from '../services/list-filters.js';
import { CreateIncidentInput, IncidentView, UpdateIncidentInput } from './incident.type.js';
import { type Page, PageArgs, connectionOf, mapPage, orderInputOf, pageFromDatabase } from './pagination.js';

const IncidentConnection = connectionOf(IncidentView, 'Incident', 'incident');
const IncidentOrder = orderInputOf('Incident', { AWARE_ON: 'awareOn', TITLE: 'title', STATUS: 'status', REPORTED_ON: 'reportedOn' });

@InputType({ description: 'Narrows the incidents; every condition given must hold.' })
class IncidentFilter {
  @Field(() => [IncidentStatusEnum], { nullable: true })
  status?: IncidentStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only serious incidents (Art. 3(49)), or only the others.' })
  serious?: boolean | null;

  @Field(() => ID, { nullable: true })
  aiSystemId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words found in the title or description.' })
  search?: string | null;
}

function view(incident: Incident, today: string): IncidentView {
  const deadline = reportingDeadline(incident.awareOn, incident.seriousCase);
  return Object.assign(new IncidentView(), {
    id: incident.id,
    title: incident.title,
    description: incident.description,
    aiSystem: incident.aiSystem,
    awareOn: incident.awareOn,
    seriousCase: incident.seriousCase,
    reportingDeadline: deadline,
    reportedOn: incident.reportedOn,
    reportOverdue: deadline !== null && incident.reportedOn === null && today > deadline,
    status: incident.status,
    version: incident.version,
  });
}

async function applyDetails(context: Context, incident: Incident, input: CreateIncidentInput | UpdateIncidentInput): Promise<void> {
  if (input.description !== undefined) incident.description = optionalText('description', input.description, LONG_TEXT_MAX);
  incident.aiSystem = await aiSystemOf(context, input.aiSystemId, incident.aiSystem);
  for (const field of ['seriousCase', 'status'] as const) {
    if (input[field] === null) throw badInput(field, 'must not be null; leave it out to keep the current value');
  }
  if (input.seriousCase) incident.seriousCase = input.seriousCase;
  if (input.status) incident.status = input.status;
  if (input.reportedOn !== undefined) incident.reportedOn = input.reportedOn === null ? null : checkDate('reportedOn', input.reportedOn);
  if (incident.reportedOn !== null && incident.reportedOn < incident.awareOn) {
    throw badInput('reportedOn', `must not be before awareOn (${incident.awareOn}), got ${incident.reportedOn}`);
  }
}

@Resolver(() => IncidentView)
export class IncidentResolver {
  @Query(() => IncidentConnection, { description: "The organisation's incidents, most recent first unless orderBy says otherwise." })
  async incidents(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => IncidentFilter, { nullable: true }) filter: IncidentFilter | null,
    @Arg('orderBy', () => IncidentOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof IncidentOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<IncidentView>> {
    const { organisation } = viewerOf(context).membership;
    const where: FilterQuery<Incident> = {
      organisation,
      ...(filter?.status ? { status: { $in: filter.status } } : {}),
      ...(filter?.serious != null ? { seriousCase: filter.serious ? { $ne: null } : null } : {}),
      ...(filter?.aiSystemId ? { aiSystem: filter.aiSystemId } : {}),
      $and: searchWhere<Incident>(context.em, filter?.search, ['title', 'description']),
    };
    const rows = await pageFromDatabase(context.em, Incident, where, IncidentOrder.orderMap(orderBy, { awareOn: 'desc', title: 'asc' }), page, { populate: ['aiSystem'] as never });
    const today = todayIso();
    return mapPage(rows, (row) => view(row, today));
  }
  @Mutation(() => IncidentView, { description: 'Records an incident; serious ones get their Art. 73 reporting deadline.' })
  async createIncident(@Arg('input', () => CreateIncidentInput) input: CreateIncidentInput, @Ctx() context: Context): Promise<IncidentView> {
    const { membership } = viewerOf(context);
    const incident = context.em.create(Incident, {
      organisation: membership.organisation,
      title: requiredText('title', input.title, SHORT_TEXT_MAX),
      awareOn: checkDate('awareOn', input.awareOn),
    });
    await applyDetails(context, incident, input);
    await context.em.flush();
    return view(incident, todayIso());
  }
  @Mutation(() => IncidentView, { description: 'Changes an incident; refused as a conflict when someone changed it since expectedVersion.' })
  async updateIncident(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateIncidentInput) input: UpdateIncidentInput,
    @Ctx() context: Context,
  ): Promise<IncidentView> {
    const { membership } = viewerOf(context);
    const incident = await context.em.findOne(Incident, { id: lookupId(id), organisation: membership.organisation }, { populate: ['aiSystem'] });
    if (!incident) throw notFound('Incident', id);
    checkVersion(`Incident ${id}`, incident.version, input.expectedVersion);
    if (input.title != null) incident.title = requiredText('title', input.title, SHORT_TEXT_MAX);
    if (input.awareOn != null) incident.awareOn = checkDate('awareOn', input.awareOn);
    await applyDetails(context, incident, input);
    await flushOrConflict(context.em, `Incident ${id}`);
    return view(incident, todayIso());
  }
  @Query(() => IncidentView, { nullable: true })
  async incident(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<IncidentView | null> {
    const incident = await ownRecord(context, Incident, id, { populate: ['aiSystem'] });
    return incident ? view(incident, todayIso()) : null;
  }
  @Mutation(() => Boolean, { description: 'Deletes an incident; its AI system stays. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteIncident(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, Incident, 'Incident', id, expectedVersion);
  }
}
