import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { ContextIssue } from '../entities/context-issue.entity.js';
import { InterestedParty } from '../entities/interested-party.entity.js';
import { Organisation } from '../entities/organisation.entity.js';
import { badInput, notFound } from '../errors.js';
import { checkDate } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { notNull, optionalDate, required } from '../services/inputs.js';
import { ownRecord } from '../services/records.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { ContextIssueInput, InterestedPartyInput, OrganisationInput } from './context.input.js';

function checkRetired(recordedOn: string, retiredOn: string | null): void {
  if (retiredOn !== null && retiredOn < recordedOn) throw badInput('retiredOn', `must not be before recordedOn (${recordedOn}), got ${retiredOn}`);
}

function applyIssue(issue: ContextIssue, input: ContextIssueInput): void {
  const external = notNull('external', input.external);
  if (external !== undefined) issue.external = external;
  const description = notNull('description', input.description);
  if (description !== undefined) issue.description = requiredText('description', description, LONG_TEXT_MAX);
  if (input.effect !== undefined) issue.effect = optionalText('effect', input.effect, LONG_TEXT_MAX);
  const climateRelated = notNull('climateRelated', input.climateRelated);
  if (climateRelated !== undefined) issue.climateRelated = climateRelated;
  const recordedOn = notNull('recordedOn', input.recordedOn);
  if (recordedOn !== undefined) issue.recordedOn = checkDate('recordedOn', recordedOn);
  issue.retiredOn = optionalDate('retiredOn', input.retiredOn, issue.retiredOn);
  checkRetired(issue.recordedOn, issue.retiredOn);
}

function applyParty(party: InterestedParty, input: InterestedPartyInput): void {
  const name = notNull('name', input.name);
  if (name !== undefined) party.name = requiredText('name', name, SHORT_TEXT_MAX);
  const needs = notNull('needs', input.needs);
  if (needs !== undefined) party.needs = requiredText('needs', needs, LONG_TEXT_MAX);
  const addressed = notNull('addressedThroughAims', input.addressedThroughAims);
  if (addressed !== undefined) party.addressedThroughAims = addressed;
  const recordedOn = notNull('recordedOn', input.recordedOn);
  if (recordedOn !== undefined) party.recordedOn = checkDate('recordedOn', recordedOn);
  party.retiredOn = optionalDate('retiredOn', input.retiredOn, party.retiredOn);
  checkRetired(party.recordedOn, party.retiredOn);
}

/** The organisation's context (clause 4): its scope, the issues it faces and its interested parties. */
@Resolver()
export class ContextResolver {
  @Query(() => [ContextIssue], { description: 'Issues relevant to the AIMS, oldest first; retired ones only on request.' })
  async contextIssues(
    @Ctx() context: Context,
    @Arg('includeRetired', () => Boolean, { defaultValue: false }) includeRetired: boolean,
  ): Promise<ContextIssue[]> {
    const { membership } = viewerOf(context);
    const rows = await context.em.find(ContextIssue, { organisation: membership.organisation }, { orderBy: { recordedOn: 'asc', description: 'asc' } });
    return includeRetired ? rows : rows.filter((row) => row.retiredOn === null);
  }
  @Query(() => [InterestedParty], { description: 'Interested parties, by name; retired ones only on request.' })
  async interestedParties(
    @Ctx() context: Context,
    @Arg('includeRetired', () => Boolean, { defaultValue: false }) includeRetired: boolean,
  ): Promise<InterestedParty[]> {
    const { membership } = viewerOf(context);
    const rows = await context.em.find(InterestedParty, { organisation: membership.organisation }, { orderBy: { name: 'asc' } });
    return includeRetired ? rows : rows.filter((row) => row.retiredOn === null);
  }
  @Mutation(() => Organisation, { description: "Changes the organisation's name or AIMS scope." })
  async updateOrganisation(@Arg('input', () => OrganisationInput) input: OrganisationInput, @Ctx() context: Context): Promise<Organisation> {
    const organisation = viewerOf(context).membership.organisation;
    const name = notNull('name', input.name);
    if (name !== undefined) organisation.name = requiredText('name', name, SHORT_TEXT_MAX);
    if (input.aimsScope !== undefined) organisation.aimsScope = optionalText('aimsScope', input.aimsScope, LONG_TEXT_MAX);
    await context.em.flush();
    return organisation;
  }
  @Mutation(() => ContextIssue, { description: 'Records an issue (external, description and recordedOn are required).' })
  async addContextIssue(@Arg('input', () => ContextIssueInput) input: ContextIssueInput, @Ctx() context: Context): Promise<ContextIssue> {
    const { membership } = viewerOf(context);
    const issue = context.em.create(ContextIssue, {
      organisation: membership.organisation,
      external: required('external', input.external),
      description: requiredText('description', required('description', input.description), LONG_TEXT_MAX),
      recordedOn: checkDate('recordedOn', required('recordedOn', input.recordedOn)),
    });
    applyIssue(issue, input);
    await context.em.flush();
    return issue;
  }
  @Mutation(() => ContextIssue, { description: 'Changes an issue; set retiredOn when it stops being relevant.' })
  async updateContextIssue(@Arg('id', () => ID) id: string, @Arg('input', () => ContextIssueInput) input: ContextIssueInput, @Ctx() context: Context): Promise<ContextIssue> {
    const issue = await ownRecord(context, ContextIssue, id);
    if (!issue) throw notFound('Context issue', id);
    checkVersion(`Context issue ${id}`, issue.version, input.expectedVersion);
    applyIssue(issue, input);
    await flushOrConflict(context.em, `Context issue ${id}`);
    return issue;
  }
  @Mutation(() => InterestedParty, { description: 'Records an interested party (name, needs and recordedOn are required).' })
  async addInterestedParty(@Arg('input', () => InterestedPartyInput) input: InterestedPartyInput, @Ctx() context: Context): Promise<InterestedParty> {
    const { membership } = viewerOf(context);
    const party = context.em.create(InterestedParty, {
      organisation: membership.organisation,
      name: requiredText('name', required('name', input.name), SHORT_TEXT_MAX),
      needs: requiredText('needs', required('needs', input.needs), LONG_TEXT_MAX),
      recordedOn: checkDate('recordedOn', required('recordedOn', input.recordedOn)),
    });
    applyParty(party, input);
    await context.em.flush();
    return party;
  }
  @Mutation(() => InterestedParty, { description: 'Changes an interested party; set retiredOn when it is no longer relevant.' })
  async updateInterestedParty(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => InterestedPartyInput) input: InterestedPartyInput,
    @Ctx() context: Context,
  ): Promise<InterestedParty> {
    const party = await ownRecord(context, InterestedParty, id);
    if (!party) throw notFound('Interested party', id);
    checkVersion(`Interested party ${id}`, party.version, input.expectedVersion);
    applyParty(party, input);
    await flushOrConflict(context.em, `Interested party ${id}`);
    return party;
  }
  @Query(() => ContextIssue, { nullable: true, description: 'One issue, retired or not.' })
  async contextIssue(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<ContextIssue | null> {
    return ownRecord(context, ContextIssue, id);
  }
  @Query(() => InterestedParty, { nullable: true, description: 'One interested party, retired or not.' })
  async interestedParty(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<InterestedParty | null> {
    return ownRecord(context, InterestedParty, id);
  }
  @Mutation(() => Boolean, {
    description: 'Deletes an issue recorded in error. An issue that stopped being relevant is retired instead (retiredOn), so the context the AIMS was planned in stays on record.',
  })
  async deleteContextIssue(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, ContextIssue, 'Context issue', id, expectedVersion);
  }
  @Mutation(() => Boolean, {
    description: 'Deletes an interested party recorded in error. One that is no longer relevant is retired instead (retiredOn), so its needs stay on record.',
  })
  async deleteInterestedParty(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, InterestedParty, 'Interested party', id, expectedVersion);
  }
}
