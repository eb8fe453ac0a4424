import { crosswalkFor } from '@assay/schema';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, ID, InputType, Mutation, Query, Resolver, Int } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { Evidence } from '../entities/evidence.entity.js';
import { badInput, notFound } from '../errors.js';
import { checkClauseIds, checkControlIds } from '../services/catalogue-refs.js';
import { checkDate, todayIso } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { ownRecord } from '../services/records.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { jsonArrayContains, searchWhere } from '../services/list-filters.js';
import { CreateEvidenceInput, EvidenceView, UpdateEvidenceInput } from './evidence.type.js';
import { type Page, PageArgs, connectionOf, mapPage, orderInputOf, pageFromDatabase } from './pagination.js';

const EvidenceConnection = connectionOf(EvidenceView, 'Evidence', 'evidence');
const EvidenceOrder = orderInputOf('Evidence', { TITLE: 'title', COLLECTED_ON: 'collectedOn', VALID_UNTIL: 'validUntil', OWNER: 'owner', UPDATED_AT: 'updatedAt' });

@InputType({ description: 'Narrows the evidence; every condition given must hold.' })
class EvidenceFilter {
  @Field(() => String, { nullable: true, description: 'Only what supports this Annex A control, e.g. A.6.2.4.' })
  controlId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only what supports this clause, e.g. 9.2.' })
  clauseId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only evidence past its validUntil date (true), or still valid (false).' })
  expired?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Words found in the title, description, location or owner.' })
  search?: string | null;
}

/** Auditors record evidence too. */

function applyDetails(evidence: Evidence, input: CreateEvidenceInput | UpdateEvidenceInput): void {
  if (input.description !== undefined) evidence.description = optionalText('description', input.description, LONG_TEXT_MAX);
  if (input.location !== undefined) evidence.location = optionalText('location', input.location, 1000);
  if (input.owner !== undefined) evidence.owner = optionalText('owner', input.owner, SHORT_TEXT_MAX);
  if (input.collectedOn !== undefined) evidence.collectedOn = input.collectedOn === null ? null : checkDate('collectedOn', input.collectedOn);
  if (input.validUntil !== undefined) evidence.validUntil = input.validUntil === null ? null : checkDate('validUntil', input.validUntil);
  if (input.controlIds !== undefined) evidence.controlIds = checkControlIds(input.controlIds ?? []);
  if (input.clauseIds !== undefined) evidence.clauseIds = checkClauseIds(input.clauseIds ?? []);
  if (evidence.collectedOn && evidence.validUntil && evidence.validUntil < evidence.collectedOn) {
    throw badInput('validUntil', `must not be before collectedOn (${evidence.collectedOn}), got ${evidence.validUntil}`);
  }
}

/** The evidence as GraphQL shows it, with what it also serves through the crosswalk. */
function view(evidence: Evidence, today: string): EvidenceView {
  const refs = [...evidence.controlIds, ...evidence.clauseIds];
  const seen = new Set<string>();
  const alsoServes = refs
    .flatMap((ref) => crosswalkFor(ref))
    .filter((link) => {
      const key = `${link.to.framework}:${link.to.ref}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((link) => ({ framework: link.to.framework, ref: link.to.ref, basis: link.basis, source: link.source, note: link.note }));
  return Object.assign(new EvidenceView(), {
    id: evidence.id,
    title: evidence.title,
    description: evidence.description,
    location: evidence.location,
    owner: evidence.owner,
    collectedOn: evidence.collectedOn,
    validUntil: evidence.validUntil,
    expired: evidence.validUntil !== null && evidence.validUntil < today,
    controlIds: [...evidence.controlIds],
    clauseIds: [...evidence.clauseIds],
    alsoServes,
    version: evidence.version,
  });
}

@Resolver(() => EvidenceView)
export class EvidenceResolver {
  @Query(() => EvidenceConnection, { description: "The organisation's evidence, by title unless orderBy says otherwise." })
  async evidence(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => EvidenceFilter, { nullable: true }) filter: EvidenceFilter | null,
    @Arg('orderBy', () => EvidenceOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof EvidenceOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<EvidenceView>> {
    const { organisation } = viewerOf(context).membership;
    const today = todayIso();
    const controlId = filter?.controlId == null ? null : checkControlIds([filter.controlId], 'filter.controlId')[0]!;
    const clauseId = filter?.clauseId == null ? null : checkClauseIds([filter.clauseId], 'filter.clauseId')[0]!;
    // Built afresh for each statement: a raw SQL fragment serves one query only.
    const where = (): FilterQuery<Evidence> => {
      const conditions: FilterQuery<Evidence>[] = searchWhere<Evidence>(context.em, filter?.search, ['title', 'description', 'location', 'owner']);
      if (controlId !== null) conditions.push(jsonArrayContains('control_ids', controlId));
      if (clauseId !== null) conditions.push(jsonArrayContains('clause_ids', clauseId));
      if (filter?.expired != null) conditions.push(filter.expired ? { validUntil: { $lt: today } } : { $or: [{ validUntil: null }, { validUntil: { $gte: today } }] });
      return { organisation, $and: conditions };
    };
    const rows = await pageFromDatabase(context.em, Evidence, where, EvidenceOrder.orderMap(orderBy, { title: 'asc' }), page);
    return mapPage(rows, (row) => view(row, today));
  }

  @Mutation(() => EvidenceView, { description: 'Records a piece of evidence.' })
  async createEvidence(@Arg('input', () => CreateEvidenceInput) input: CreateEvidenceInput, @Ctx() context: Context): Promise<EvidenceView> {
    const { membership } = viewerOf(context);
    const evidence = context.em.create(Evidence, { organisation: membership.organisation, title: requiredText('title', input.title, SHORT_TEXT_MAX) });
    applyDetails(evidence, input);
    await context.em.flush();
    return view(evidence, todayIso());
  }
  @Mutation(() => EvidenceView, { description: 'Changes a piece of evidence; refused as a conflict when someone changed it since expectedVersion.' })
  async updateEvidence(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEvidenceInput) input: UpdateEvidenceInput,
    @Ctx() context: Context,
  ): Promise<EvidenceView> {
    const evidence = await ownRecord(context, Evidence, id);
    if (!evidence) throw notFound('Evidence', id);
    checkVersion(`Evidence ${id}`, evidence.version, input.expectedVersion);
    if (input.title != null) evidence.title = requiredText('title', input.title, SHORT_TEXT_MAX);
    applyDetails(evidence, input);
    await flushOrConflict(context.em, `Evidence ${id}`);
    return view(evidence, todayIso());
  }
  @Query(() => EvidenceView, { nullable: true, description: 'One piece of evidence (the list is `evidence`).' })
  async evidenceItem(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<EvidenceView | null> {
    const evidence = await ownRecord(context, Evidence, id);
    return evidence ? view(evidence, todayIso()) : null;
  }
  @Mutation(() => Boolean, { description: 'Deletes a piece of evidence. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteEvidence(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, Evidence, 'Evidence', id, expectedVersion);
  }
}
