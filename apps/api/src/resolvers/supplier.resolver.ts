import type { FilterQuery } from '@mikro-orm/core';
import { searchWhere } from '../services/list-filters.js';
import { type Page, PageArgs, connectionOf, orderInputOf, pageFromDatabase } from './pagination.js';
import { type SupplyKind, supplyKinds } from '@assay/schema';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root, Int } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { AiSystem } from '../entities/ai-system.entity.js';
import { Supplier } from '../entities/supplier.entity.js';
import { badInput, notFound } from '../errors.js';
import { todayIso } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { notNull, optionalDate } from '../services/inputs.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { CreateSupplierInput, UpdateSupplierInput } from './supplier.input.js';
import { ownRecord, lookupId } from '../services/records.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An enum value as GraphQL names it: `not-assessed` → NOT_ASSESSED. */
function graphqlName(value: string): string {
  return value.toUpperCase().replace(/-/g, '_');
}

/** What a supplier provides, de-duplicated in the catalogue's order; at least one kind. */
function checkSupplies(raw: readonly SupplyKind[]): SupplyKind[] {
  const supplies = supplyKinds.filter((kind) => raw.includes(kind));
  if (supplies.length === 0) throw badInput('supplies', `must name at least one of ${supplyKinds.map(graphqlName).join(', ')}`);
  return supplies;
}

/**
 * The AI systems the ids name, in the order given without repeats; each must be one of the
 * organisation's, and an unknown one is named with its position. Called before any change, as a
 * query with changes pending would flush them first.
 */
async function aiSystemsOf(context: Context, ids: readonly string[]): Promise<AiSystem[]> {
  const unique = [...new Set(ids.map((id) => id.trim().toLowerCase()))];
  const wellFormed = unique.filter((id) => UUID.test(id));
  const found = wellFormed.length === 0 ? [] : await context.em.find(AiSystem, { id: { $in: wellFormed }, organisation: viewerOf(context).membership.organisation });
  const byId = new Map(found.map((system) => [system.id, system]));
  return unique.map((id, position) => {
    const system = byId.get(id);
    if (!system) throw badInput('aiSystemIds', `item ${position + 1} names no AI system of your organisation: ${id}`);
    return system;
  });
}

/**
 * Applies the optional fields, then checks the due-diligence dates: a status other than
 * NOT_ASSESSED needs the day of the assessment, and the next review comes after it.
 */
function applyDetails(supplier: Supplier, input: CreateSupplierInput | UpdateSupplierInput): void {
  if (input.contractReference !== undefined) supplier.contractReference = optionalText('contractReference', input.contractReference, SHORT_TEXT_MAX);
  const status = notNull('dueDiligenceStatus', input.dueDiligenceStatus);
  if (status !== undefined) supplier.dueDiligenceStatus = status;
  supplier.lastAssessedOn = optionalDate('lastAssessedOn', input.lastAssessedOn, supplier.lastAssessedOn);
  supplier.nextReviewOn = optionalDate('nextReviewOn', input.nextReviewOn, supplier.nextReviewOn);
  if (input.responsibilities !== undefined) supplier.responsibilities = optionalText('responsibilities', input.responsibilities, LONG_TEXT_MAX);
  if (input.notes !== undefined) supplier.notes = optionalText('notes', input.notes, LONG_TEXT_MAX);
  if (supplier.dueDiligenceStatus !== 'not-assessed' && supplier.lastAssessedOn === null) {
    throw badInput('lastAssessedOn', `is required when dueDiligenceStatus is ${graphqlName(supplier.dueDiligenceStatus)}`);
  }
  if (supplier.lastAssessedOn !== null && supplier.nextReviewOn !== null && supplier.nextReviewOn < supplier.lastAssessedOn) {
    throw badInput('nextReviewOn', `must not be before lastAssessedOn (${supplier.lastAssessedOn}), got ${supplier.nextReviewOn}`);
  }
}

function sameSystems(current: readonly AiSystem[], next: readonly AiSystem[]): boolean {
  const ids = new Set(current.map((system) => system.id));
  return current.length === next.length && next.every((system) => ids.has(system.id));
}

async function findSupplier(context: Context, id: string): Promise<Supplier> {
  const supplier = await context.em.findOne(Supplier, { id: lookupId(id), organisation: viewerOf(context).membership.organisation });
  if (!supplier) throw notFound('Supplier', id);
  return supplier;
}


const SupplierConnection = connectionOf(Supplier, 'Supplier', 'supplier');
const SupplierOrder = orderInputOf('Supplier', { NAME: 'name', DUE_DILIGENCE_STATUS: 'dueDiligenceStatus', NEXT_REVIEW_ON: 'nextReviewOn', UPDATED_AT: 'updatedAt' });

@InputType({ description: 'Narrows the supplier list; every condition given must hold.' })
class SupplierFilter {
  @Field(() => String, { nullable: true, description: 'Words found in name, contractReference, notes (case does not matter).' })
  search?: string | null;
}

@Resolver(() => Supplier)
export class SupplierResolver {
  @Query(() => SupplierConnection, { description: "The organisation's suppliers for AI systems (Annex A.10.3), by name unless orderBy says otherwise." })
  async suppliers(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SupplierFilter, { nullable: true }) filter: SupplierFilter | null,
    @Arg('orderBy', () => SupplierOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof SupplierOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<Supplier>> {
    const { organisation } = viewerOf(context).membership;
    const where: FilterQuery<Supplier> = {
      organisation,
      $and: searchWhere<Supplier>(context.em, filter?.search, ['name', 'contractReference', 'notes']),
    };
    return pageFromDatabase(context.em, Supplier, where, SupplierOrder.orderMap(orderBy, { name: 'asc' }), page);
  }

  @Query(() => Supplier, { nullable: true })
  async supplier(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Supplier | null> {
    return ownRecord(context, Supplier, id);
  }

  @FieldResolver(() => [AiSystem], { description: 'The AI systems the supplier provides for, by name.' })
  async aiSystems(@Root() supplier: Supplier): Promise<AiSystem[]> {
    // Batched across the suppliers of one response by MikroORM's dataloader, which cannot order
    // a many-to-many collection (MikroORM 6.6 looks for the order on the wrong side), so sorted here.
    const systems = (await supplier.aiSystems.load({ dataloader: true })).getItems();
    return [...systems].sort((left, right) => left.name.localeCompare(right.name));
  }

  @FieldResolver(() => Boolean, { description: 'Past its next review date on the day of the request.' })
  reviewOverdue(@Root() supplier: Supplier): boolean {
    return supplier.nextReviewOn !== null && supplier.nextReviewOn < todayIso();
  }
  @Mutation(() => Supplier, { description: 'Records a supplier for AI systems.' })
  async createSupplier(@Arg('input', () => CreateSupplierInput) input: CreateSupplierInput, @Ctx() context: Context): Promise<Supplier> {
    const { membership } = viewerOf(context);
    const aiSystems = await aiSystemsOf(context, input.aiSystemIds ?? []);
    const supplier = context.em.create(Supplier, {
      organisation: membership.organisation,
      name: requiredText('name', input.name, SHORT_TEXT_MAX),
      supplies: checkSupplies(input.supplies),
    });
    applyDetails(supplier, input);
    supplier.aiSystems.set(aiSystems);
    await context.em.flush();
    return supplier;
  }
  @Mutation(() => Supplier, { description: 'Changes a supplier; refused as a conflict when someone changed it since expectedVersion.' })
  async updateSupplier(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSupplierInput) input: UpdateSupplierInput,
    @Ctx() context: Context,
  ): Promise<Supplier> {
    const supplier = await findSupplier(context, id);
    checkVersion(`Supplier ${id}`, supplier.version, input.expectedVersion);
    const aiSystems = input.aiSystemIds === undefined ? undefined : await aiSystemsOf(context, input.aiSystemIds ?? []);
    if (aiSystems !== undefined) await supplier.aiSystems.init();
    const name = notNull('name', input.name);
    if (name !== undefined) supplier.name = requiredText('name', name, SHORT_TEXT_MAX);
    const supplies = notNull('supplies', input.supplies);
    if (supplies !== undefined) supplier.supplies = checkSupplies(supplies);
    applyDetails(supplier, input);
    if (aiSystems !== undefined && !sameSystems(supplier.aiSystems.getItems(), aiSystems)) {
      supplier.aiSystems.set(aiSystems);
      // A change to the links alone would not touch the row; this makes it count as an edit, with a new version.
      supplier.updatedAt = new Date();
    }
    await flushOrConflict(context.em, `Supplier ${id}`);
    return supplier;
  }
  @Mutation(() => Boolean, { description: 'Removes a supplier; the AI systems stay. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteSupplier(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, Supplier, 'Supplier', id, expectedVersion);
  }
}
