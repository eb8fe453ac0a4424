import { RiskEngineError, type CertificationStage as StageName } from '@assay/risk-engine';
import { accreditationBodies, annexAObjectives, clauses } from '@assay/schema';
import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Context, viewerOf } from '../context.js';
import { CertificationBody } from '../entities/certification-body.entity.js';
import { CertificationStage } from '../entities/certification-stage.entity.js';
import { badInput, notFound } from '../errors.js';
import { certificationPlanOf, computeProjection, computeReadiness } from '../services/certification-inputs.js';
import { checkDate, todayIso } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { ownRecord, lookupId } from '../services/records.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { searchWhere } from '../services/list-filters.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { type Page, PageArgs, connectionOf, mapPage, orderInputOf, pageFromDatabase } from './pagination.js';
import {
  CertificationBodyInput,
  CertificationBodyView,
  CertificationPlanView,
  CertificationProjectionView,
  CertificationStageEnum,
  CertificationStageInput,
  certificationStageNames,
  CertificationStageView,
  ComplexityEnum,
  OrganisationSizeEnum,
  ReadinessView,
} from './certification.type.js';

const SIMULATIONS_MAX = 100_000;

function stageStatus(row: { actualStart: string | null; actualEnd: string | null } | undefined): 'done' | 'in-progress' | 'not-started' {
  if (row?.actualEnd) return 'done';
  return row?.actualStart ? 'in-progress' : 'not-started';
}

function stageView(stage: StageName, row: CertificationStage | undefined): CertificationStageView {
  return Object.assign(new CertificationStageView(), {
    stage,
    plannedStart: row?.plannedStart ?? null,
    plannedEnd: row?.plannedEnd ?? null,
    actualStart: row?.actualStart ?? null,
    actualEnd: row?.actualEnd ?? null,
    notes: row?.notes ?? null,
    status: stageStatus(row),
    version: row?.version ?? 0,
  });
}

function bodyView(body: CertificationBody): CertificationBodyView {
  const known = accreditationBodies.find((entry) => entry.acronym === body.accreditationBody);
  return Object.assign(new CertificationBodyView(), {
    id: body.id,
    name: body.name,
    accreditationBody: body.accreditationBody,
    accreditationNumber: body.accreditationNumber,
    scopeCovers42001: body.scopeCovers42001,
    verifiedOn: body.verifiedOn,
    accreditationBodyIsMlaSignatory: known?.iafMlaSignatory ?? null,
    accreditedFor42001: known !== undefined && body.scopeCovers42001 && body.accreditationNumber !== null,
    chosen: body.chosen,
    notes: body.notes,
    version: body.version,
  });
}

/** A date field of an input: undefined keeps, null clears, a value is checked. */
function dateField(field: string, value: string | null | undefined, current: string | null): string | null {
  if (value === undefined) return current;
  return value === null ? null : checkDate(field, value);
}

function applyBody(body: CertificationBody, input: CertificationBodyInput): void {
  if (input.name === null) throw badInput('name', 'must not be null; leave it out to keep the current value');
  if (input.name !== undefined) body.name = requiredText('name', input.name, SHORT_TEXT_MAX);
  if (input.accreditationBody !== undefined) {
    const acronym = optionalText('accreditationBody', input.accreditationBody, 40);
    if (acronym !== null && !accreditationBodies.some((entry) => entry.acronym === acronym)) {
      throw badInput('accreditationBody', `must be the acronym of a known accreditation body (${accreditationBodies.map((entry) => entry.acronym).join(', ')}), got "${acronym}"`);
    }
    body.accreditationBody = acronym;
  }
  if (input.accreditationNumber !== undefined) body.accreditationNumber = optionalText('accreditationNumber', input.accreditationNumber, 100);
  if (input.scopeCovers42001 === null) throw badInput('scopeCovers42001', 'must not be null; leave it out to keep the current value');
  if (input.scopeCovers42001 !== undefined) body.scopeCovers42001 = input.scopeCovers42001;
  body.verifiedOn = dateField('verifiedOn', input.verifiedOn, body.verifiedOn);
  if (body.verifiedOn !== null && body.verifiedOn > todayIso()) throw badInput('verifiedOn', `must not be in the future, got ${body.verifiedOn}`);
  if (input.notes !== undefined) body.notes = optionalText('notes', input.notes, LONG_TEXT_MAX);
}

const CertificationBodyConnection = connectionOf(CertificationBodyView, 'CertificationBody', 'certification body');
const CertificationBodyOrder = orderInputOf('CertificationBody', { NAME: 'name', VERIFIED_ON: 'verifiedOn' });

@InputType({ description: 'Narrows the certification bodies; every condition given must hold.' })
class CertificationBodyFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only bodies whose accreditation scope covers ISO/IEC 42001 (true), or the others.' })
  scopeCovers42001?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Words found in the name, accreditation number or notes.' })
  search?: string | null;
}

@Resolver()
export class CertificationResolver {
  @Query(() => CertificationBodyConnection, { description: 'The certification bodies under consideration, with their accreditation; by name unless orderBy says otherwise.' })
  async certificationBodies(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CertificationBodyFilter, { nullable: true }) filter: CertificationBodyFilter | null,
    @Arg('orderBy', () => CertificationBodyOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof CertificationBodyOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<CertificationBodyView>> {
    const { organisation } = viewerOf(context).membership;
    const where: FilterQuery<CertificationBody> = {
      organisation,
      ...(filter?.scopeCovers42001 != null ? { scopeCovers42001: filter.scopeCovers42001 } : {}),
      $and: searchWhere<CertificationBody>(context.em, filter?.search, ['name', 'accreditationNumber', 'notes']),
    };
    return mapPage(await pageFromDatabase(context.em, CertificationBody, where, CertificationBodyOrder.orderMap(orderBy, { name: 'asc' }), page), bodyView);
  }

  @Query(() => CertificationPlanView, { description: 'The certification plan: every stage with its dates, and the certification bodies.' })
  async certificationPlan(@Ctx() context: Context): Promise<CertificationPlanView> {
    const { organisation } = viewerOf(context).membership;
    const { rows } = await certificationPlanOf(context.em, organisation);
    const bodies = await context.em.find(CertificationBody, { organisation }, { orderBy: { name: 'asc' } });
    const views = bodies.map(bodyView);
    return Object.assign(new CertificationPlanView(), {
      stages: certificationStageNames.map((stage) => stageView(stage, rows.find((row) => row.stage === stage))),
      bodies: views,
      chosenBody: views.find((body) => body.chosen) ?? null,
    });
  }
  @Mutation(() => CertificationStageView, { description: 'Records the planned or actual dates of a stage; refused as a conflict when someone changed it since expectedVersion.' })
  async updateCertificationStage(
    @Arg('stage', () => CertificationStageEnum) stage: StageName,
    @Arg('input', () => CertificationStageInput) input: CertificationStageInput,
    @Ctx() context: Context,
  ): Promise<CertificationStageView> {
    const { organisation } = viewerOf(context).membership;
    const existing = await context.em.findOne(CertificationStage, { organisation, stage });
    checkVersion(`The ${stage} stage`, existing?.version ?? 0, input.expectedVersion);
    const row = existing ?? context.em.create(CertificationStage, { organisation, stage });
    row.plannedStart = dateField('plannedStart', input.plannedStart, row.plannedStart);
    row.plannedEnd = dateField('plannedEnd', input.plannedEnd, row.plannedEnd);
    row.actualStart = dateField('actualStart', input.actualStart, row.actualStart);
    row.actualEnd = dateField('actualEnd', input.actualEnd, row.actualEnd);
    if (input.notes !== undefined) row.notes = optionalText('notes', input.notes, LONG_TEXT_MAX);
    if (row.plannedStart && row.plannedEnd && row.plannedEnd < row.plannedStart) throw badInput('plannedEnd', `must not be before plannedStart (${row.plannedStart}), got ${row.plannedEnd}`);
    if (row.actualEnd && !row.actualStart) throw badInput('actualEnd', 'needs actualStart: a stage ends only after it started');
    if (row.actualStart && row.actualEnd && row.actualEnd < row.actualStart) throw badInput('actualEnd', `must not be before actualStart (${row.actualStart}), got ${row.actualEnd}`);
    const today = todayIso();
    for (const field of ['actualStart', 'actualEnd'] as const) {
      if (row[field] !== null && row[field]! > today) throw badInput(field, `must not be in the future (an actual date is one that has happened), got ${row[field]}`);
    }
    await flushOrConflict(context.em, `The ${stage} stage`);
    return stageView(stage, row);
  }
  @Mutation(() => CertificationBodyView, { description: 'Adds a certification body under consideration, with its accreditation.' })
  async createCertificationBody(@Arg('input', () => CertificationBodyInput) input: CertificationBodyInput, @Ctx() context: Context): Promise<CertificationBodyView> {
    const { organisation } = viewerOf(context).membership;
    if (input.name == null) throw badInput('name', 'is required');
    const body = context.em.create(CertificationBody, { organisation, name: requiredText('name', input.name, SHORT_TEXT_MAX) });
    applyBody(body, input);
    await context.em.flush();
    return bodyView(body);
  }
  @Mutation(() => CertificationBodyView, { description: 'Changes a certification body; refused as a conflict when someone changed it since expectedVersion.' })
  async updateCertificationBody(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CertificationBodyInput) input: CertificationBodyInput,
    @Ctx() context: Context,
  ): Promise<CertificationBodyView> {
    const { organisation } = viewerOf(context).membership;
    const body = await context.em.findOne(CertificationBody, { id: lookupId(id), organisation });
    if (!body) throw notFound('Certification body', id);
    checkVersion(`Certification body ${id}`, body.version, input.expectedVersion);
    applyBody(body, input);
    await flushOrConflict(context.em, `Certification body ${id}`);
    return bodyView(body);
  }
  @Mutation(() => CertificationBodyView, { description: 'Chooses the body for the certification audits; any earlier choice is withdrawn.' })
  async chooseCertificationBody(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<CertificationBodyView> {
    const { organisation } = viewerOf(context).membership;
    return context.em.transactional(async (em) => {
      const body = await em.findOne(CertificationBody, { id: lookupId(id), organisation });
      if (!body) throw notFound('Certification body', id);
      for (const other of await em.find(CertificationBody, { organisation, chosen: true })) other.chosen = false;
      body.chosen = true;
      await em.flush();
      return bodyView(body);
    });
  }
  @Query(() => ReadinessView, { description: 'Readiness per clause 4–10 (requirements met by evidence in force or by the registers) and per Annex A objective.' })
  async readiness(@Arg('asOf', () => String, { nullable: true, description: 'Default: today.' }) asOf: string | null, @Ctx() context: Context): Promise<ReadinessView> {
    const { organisation } = viewerOf(context).membership;
    const day = asOf == null ? todayIso() : checkDate('asOf', asOf);
    const { result, statuses } = await computeReadiness(context.em, organisation, day);
    return Object.assign(new ReadinessView(), {
      asOf: day,
      clauses: result.clauses.map((entry) => ({
        ...entry,
        title: clauses.find((clause) => clause.id === entry.clause)?.title ?? entry.clause,
        requirements: statuses.filter((status) => status.id.split('.')[0] === entry.clause).map(({ id, title, done, basis }) => ({ id, title, done, basis })),
      })),
      objectives: result.objectives.map((entry) => ({ ...entry, title: annexAObjectives.find((objective) => objective.id === entry.objective)?.title ?? entry.objective })),
      clauseShare: result.overall.clauses,
      controlShare: result.overall.controls,
      overall: result.overall.overall,
    });
  }
  @Query(() => CertificationProjectionView, {
    description: "When certification is likely: each stage's projected end and the certification date as P50/P80/P95, from the organisation's weekly pace of implementing controls.",
  })
  async certificationProjection(
    @Arg('asOf', () => String, { nullable: true, description: 'Default: today.' }) asOf: string | null,
    @Arg('size', () => OrganisationSizeEnum, { nullable: true, description: 'Used only without completion history (default MEDIUM).' }) size: 'small' | 'medium' | 'large' | null,
    @Arg('complexity', () => ComplexityEnum, { nullable: true, description: 'Used only without completion history (default MEDIUM).' }) complexity: 'low' | 'medium' | 'high' | null,
    @Arg('simulations', () => Int, { nullable: true, description: 'Default 10,000.' }) simulations: number | null,
    @Arg('seed', () => Int, { nullable: true, description: 'The same seed gives the same projection (default 42).' }) seed: number | null,
    @Ctx() context: Context,
  ): Promise<CertificationProjectionView> {
    const { organisation } = viewerOf(context).membership;
    const day = asOf == null ? todayIso() : checkDate('asOf', asOf);
    if (simulations != null && (simulations < 1 || simulations > SIMULATIONS_MAX)) throw badInput('simulations', `must be from 1 to ${SIMULATIONS_MAX}, got ${simulations}`);
    try {
      const projection = await computeProjection(context.em, organisation, day, {
        profile: { size: size ?? 'medium', complexity: complexity ?? 'medium' },
        seed: seed ?? 42,
        simulations: simulations ?? 10_000,
      });
      return Object.assign(new CertificationProjectionView(), { asOf: day, ...projection });
    } catch (error) {
      // Every input was checked above or when it was recorded; an engine refusal here is a defect, reported as such.
      if (error instanceof RiskEngineError) throw new Error(`certificationProjection: the engine refused stored data: ${error.message}`);
      throw error;
    }
  }
  @Query(() => CertificationBodyView, { nullable: true })
  async certificationBody(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<CertificationBodyView | null> {
    const body = await ownRecord(context, CertificationBody, id);
    return body ? bodyView(body) : null;
  }
  @Mutation(() => Boolean, {
    description: 'Deletes a certification body; refused for the one chosen for the certification audits. With expectedVersion, refused as a conflict when someone changed it since.',
  })
  async deleteCertificationBody(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, CertificationBody, 'Certification body', id, expectedVersion, {
      check: (_em, body) => {
        if (body.chosen) throw badInput('id', 'names the certification body the certification plan has chosen; choose another body first (chooseCertificationBody)');
      },
    });
  }
}
