import { annexAControls, annexAObjectives, crosswalkFor, findControl, type AnnexAControl, type ImplementationStatus } from '@assay/schema';
import { Arg, Args, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { SoaEntry } from '../entities/soa-entry.entity.js';
import { recordsAt } from '../audit/history.js';
import { badInput } from '../errors.js';
import { checkDate } from '../services/dates.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText } from '../services/text.js';
import { ImplementationStatusEnum } from '../graphql-enums.js';
import { matchesSearch, searchWords } from '../services/list-filters.js';
import { type Page, PageArgs, connectionOf, pageFromList } from './pagination.js';
import { AnnexAControlInfo, SoaEntryView, UpdateSoaEntryInput } from './soa.type.js';

const SoaEntryConnection = connectionOf(SoaEntryView, 'SoaEntry', 'Statement of Applicability');

@InputType({ description: 'Narrows the Statement of Applicability; every condition given must hold.' })
class ControlFilter {
  @Field(() => String, { nullable: true, description: 'An Annex A objective, e.g. A.6.' })
  objectiveId?: string | null;

  @Field(() => Boolean, { nullable: true })
  applicable?: boolean | null;

  @Field(() => [ImplementationStatusEnum], { nullable: true })
  implementationStatus?: ImplementationStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Words found in the control id, title, summary, justification or owner.' })
  search?: string | null;
}

const objectiveTitles = new Map(annexAObjectives.map((objective) => [objective.id, objective.title]));

function controlInfo(control: AnnexAControl): AnnexAControlInfo {
  return Object.assign(new AnnexAControlInfo(), {
    id: control.id,
    title: control.title,
    summary: control.summary,
    objectiveId: control.objectiveId,
    objectiveTitle: objectiveTitles.get(control.objectiveId) ?? control.objectiveId,
    crosswalk: crosswalkFor(control.id).map((link) => ({ framework: link.to.framework, ref: link.to.ref, basis: link.basis, source: link.source, note: link.note })),
  });
}

/** The entry as GraphQL shows it; a control never recorded is applicable and not started. */
function view(control: AnnexAControl, entry: SoaEntry | undefined): SoaEntryView {
  return Object.assign(new SoaEntryView(), {
    controlId: control.id,
    control: controlInfo(control),
    applicable: entry?.applicable ?? true,
    justification: entry?.justification ?? null,
    implementationStatus: entry?.implementationStatus ?? 'not-started',
    owner: entry?.owner ?? null,
    dueDate: entry?.dueDate ?? null,
    implementedDate: entry?.implementedDate ?? null,
    version: entry?.version ?? 0,
  });
}

@Resolver(() => SoaEntryView)
export class SoaResolver {
  @Query(() => SoaEntryConnection, { description: 'The Statement of Applicability: every Annex A control, in catalogue order; with asOf, as it stood then (from the audit log).' })
  async controls(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ControlFilter, { nullable: true }) filter: ControlFilter | null,
    @Arg('asOf', () => Date, { nullable: true, description: 'A past moment: the decisions as recorded then.' }) asOf: Date | null,
    @Ctx() context: Context,
  ): Promise<Page<SoaEntryView>> {
    const { membership } = viewerOf(context);
    if (asOf != null && asOf.getTime() > Date.now()) throw badInput('asOf', `must not be in the future, got ${asOf.toISOString()}`);
    if (filter?.objectiveId != null && !objectiveTitles.has(filter.objectiveId)) {
      throw badInput('filter.objectiveId', `must be an Annex A objective (${[...objectiveTitles.keys()].join(', ')}), got "${filter.objectiveId}"`);
    }
    const entries =
      asOf == null
        ? await context.em.find(SoaEntry, { organisation: membership.organisation })
        : [...(await recordsAt(context.em, membership.organisation, 'SoaEntry', asOf)).values()].map((state) => Object.assign(new SoaEntry(), state) as SoaEntry);
    const byControl = new Map(entries.map((entry) => [entry.controlId, entry]));
    const words = searchWords(filter?.search);
    const rows = annexAControls
      .map((control) => view(control, byControl.get(control.id)))
      .filter(
        (row) =>
          (filter?.objectiveId == null || row.control.objectiveId === filter.objectiveId) &&
          (filter?.applicable == null || row.applicable === filter.applicable) &&
          (filter?.implementationStatus == null || filter.implementationStatus.includes(row.implementationStatus)) &&
          matchesSearch(words, [row.controlId, row.control.title, row.control.summary, row.justification, row.owner]),
      );
    return pageFromList(rows, (row) => row.controlId, page);
  }

  @Mutation(() => SoaEntryView, { description: 'Records a decision on one control; an exclusion needs a justification.' })
  async updateSoaEntry(
    @Arg('controlId', () => String) controlId: string,
    @Arg('input', () => UpdateSoaEntryInput) input: UpdateSoaEntryInput,
    @Ctx() context: Context,
  ): Promise<SoaEntryView> {
    const { membership } = viewerOf(context);
    const control = findControl(controlId);
    if (!control) throw badInput('controlId', `names no Annex A control: "${controlId}" (expected an id such as A.6.2.4)`);
    const existing = await context.em.findOne(SoaEntry, { organisation: membership.organisation, controlId: control.id });
    const currentVersion = existing?.version ?? 0;
    checkVersion(`The entry for ${control.id}`, currentVersion, input.expectedVersion);
    const entry = existing ?? context.em.create(SoaEntry, { organisation: membership.organisation, controlId: control.id });
    if (input.applicable === null) throw badInput('applicable', 'must not be null; leave it out to keep the current value');
    if (input.applicable !== undefined) entry.applicable = input.applicable;
    if (input.justification !== undefined) entry.justification = optionalText('justification', input.justification, LONG_TEXT_MAX);
    if (input.implementationStatus === null) throw badInput('implementationStatus', 'must not be null; leave it out to keep the current value');
    if (input.implementationStatus !== undefined) entry.implementationStatus = input.implementationStatus;
    if (input.owner !== undefined) entry.owner = optionalText('owner', input.owner, SHORT_TEXT_MAX);
    if (input.dueDate !== undefined) entry.dueDate = input.dueDate === null ? null : checkDate('dueDate', input.dueDate);
    if (input.implementedDate !== undefined) entry.implementedDate = input.implementedDate === null ? null : checkDate('implementedDate', input.implementedDate);
    // Clause 6.1.3: the Statement of Applicability justifies every exclusion.
    if (!entry.applicable && !entry.justification) throw badInput('justification', `must explain why ${control.id} is excluded`);
    await flushOrConflict(context.em, `The entry for ${control.id}`);
    return view(control, entry);
  }
  @Query(() => SoaEntryView, { description: 'The Statement of Applicability entry of one Annex A control, e.g. A.6.2.4.' })
  async control(@Arg('id', () => String) id: string, @Ctx() context: Context): Promise<SoaEntryView> {
    const { membership } = viewerOf(context);
    const control = findControl(id);
    if (!control) throw badInput('id', `names no Annex A control: "${id}" (expected an id such as A.6.2.4)`);
    const entry = await context.em.findOne(SoaEntry, { organisation: membership.organisation, controlId: control.id });
    return view(control, entry ?? undefined);
  }
}
