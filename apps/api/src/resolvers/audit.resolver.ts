import { searchWhere } from '../services/list-filters.js';
import { type Page, PageArgs, connectionOf, orderInputOf, pageFromDatabase } from './pagination.js';
import { clauses, findControl, type FindingKind, type FindingStatus } from '@assay/schema';
import { type FilterQuery, Reference } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root, registerEnumType, Int } from 'type-graphql';
import { AiSystem } from '../entities/ai-system.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { type Context, viewerOf } from '../context.js';
import { Audit } from '../entities/audit.entity.js';
import { CorrectiveAction } from '../entities/corrective-action.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { badInput, notFound } from '../errors.js';
import { FindingKindEnum, FindingStatusEnum } from '../graphql-enums.js';
import { checkDate, isOverdue, todayIso } from '../services/dates.js';
import { deleteRecord } from '../services/deletion.js';
import { notNull, optionalDate, required } from '../services/inputs.js';
import { ownRecord } from '../services/records.js';
import { applyTrackedAction } from '../services/tracked-actions.js';
import { checkVersion, flushOrConflict } from '../services/versioning.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText, requiredText } from '../services/text.js';
import { AuditInput, CorrectiveActionInput, FindingInput } from './audit.input.js';

/** Auditors run audits and record findings; risk managers and admins too. */
const clauseIds = new Set(clauses.map((clause) => clause.id));

function applyAudit(audit: Audit, input: AuditInput): void {
  const title = notNull('title', input.title);
  if (title !== undefined) audit.title = requiredText('title', title, SHORT_TEXT_MAX);
  if (input.scope !== undefined) audit.scope = optionalText('scope', input.scope, LONG_TEXT_MAX);
  if (input.auditor !== undefined) audit.auditor = optionalText('auditor', input.auditor, SHORT_TEXT_MAX);
  const plannedOn = notNull('plannedOn', input.plannedOn);
  if (plannedOn !== undefined) audit.plannedOn = checkDate('plannedOn', plannedOn);
  audit.completedOn = optionalDate('completedOn', input.completedOn, audit.completedOn);
  const status = notNull('status', input.status);
  if (status !== undefined) audit.status = status;
  if (audit.status === 'completed' && audit.completedOn === null) throw badInput('completedOn', 'is required once the audit is completed');
}

function applyFinding(finding: Finding, input: FindingInput): void {
  const kind = notNull('kind', input.kind);
  if (kind !== undefined) finding.kind = kind;
  if (input.clauseId !== undefined) {
    const clauseId = input.clauseId?.trim() || null;
    if (clauseId !== null && !clauseIds.has(clauseId)) throw badInput('clauseId', `names no clause of ISO/IEC 42001: "${clauseId}"`);
    finding.clauseId = clauseId;
  }
  if (input.controlId !== undefined) {
    const controlId = input.controlId?.trim() || null;
    if (controlId !== null && !findControl(controlId)) throw badInput('controlId', `names no Annex A control: "${controlId}"`);
    finding.controlId = controlId;
  }
  const description = notNull('description', input.description);
  if (description !== undefined) finding.description = requiredText('description', description, LONG_TEXT_MAX);
  if (input.rootCause !== undefined) finding.rootCause = optionalText('rootCause', input.rootCause, LONG_TEXT_MAX);
  const raisedOn = notNull('raisedOn', input.raisedOn);
  if (raisedOn !== undefined) finding.raisedOn = checkDate('raisedOn', raisedOn);
  const status = notNull('status', input.status);
  if (status !== undefined) finding.status = status;
}

function applyAction(action: CorrectiveAction, input: CorrectiveActionInput): void {
  applyTrackedAction(action, input);
  if (input.effectivenessCheck !== undefined) action.effectivenessCheck = optionalText('effectivenessCheck', input.effectivenessCheck, LONG_TEXT_MAX);
  if (input.effective !== undefined) action.effective = input.effective;
  if (action.effective !== null && action.completedOn === null) {
    throw badInput('effective', 'can only be judged once the action is completed (set completedOn)');
  }
}


const AuditConnection = connectionOf(Audit, 'Audit', 'internal audit');
const AuditOrder = orderInputOf('Audit', { PLANNED_ON: 'plannedOn', COMPLETED_ON: 'completedOn', TITLE: 'title', STATUS: 'status' });

@InputType({ description: 'Narrows the internal audit list; every condition given must hold.' })
class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Words found in title, scope, auditor (case does not matter).' })
  search?: string | null;
}

@Resolver(() => Audit)
export class AuditResolver {
  @Query(() => AuditConnection, { description: 'Internal audits, most recent first unless orderBy says otherwise, with their findings and corrective actions.' })
  async audits(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Arg('orderBy', () => AuditOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof AuditOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<Audit>> {
    const { organisation } = viewerOf(context).membership;
    const where: FilterQuery<Audit> = {
      organisation,
      $and: searchWhere<Audit>(context.em, filter?.search, ['title', 'scope', 'auditor']),
    };
    return pageFromDatabase(context.em, Audit, where, AuditOrder.orderMap(orderBy, { plannedOn: 'desc' }), page);
  }


  @FieldResolver(() => [Finding])
  async findings(@Root() audit: Audit): Promise<Finding[]> {
    return (await audit.findings.load({ dataloader: true })).getItems();
  }
  @Mutation(() => Audit, { description: 'Plans an internal audit (title and plannedOn are required).' })
  async createAudit(@Arg('input', () => AuditInput) input: AuditInput, @Ctx() context: Context): Promise<Audit> {
    const { membership } = viewerOf(context);
    const audit = context.em.create(Audit, {
      organisation: membership.organisation,
      title: requiredText('title', required('title', input.title), SHORT_TEXT_MAX),
      plannedOn: checkDate('plannedOn', required('plannedOn', input.plannedOn)),
    });
    applyAudit(audit, input);
    await context.em.flush();
    return audit;
  }
  @Mutation(() => Audit)
  async updateAudit(@Arg('id', () => ID) id: string, @Arg('input', () => AuditInput) input: AuditInput, @Ctx() context: Context): Promise<Audit> {
    const audit = await ownRecord(context, Audit, id);
    if (!audit) throw notFound('Audit', id);
    checkVersion(`Audit ${id}`, audit.version, input.expectedVersion);
    applyAudit(audit, input);
    await flushOrConflict(context.em, `Audit ${id}`);
    return audit;
  }
  @Mutation(() => Finding, { description: 'Records a finding of an audit (kind, description and raisedOn are required).' })
  async addFinding(@Arg('auditId', () => ID) auditId: string, @Arg('input', () => FindingInput) input: FindingInput, @Ctx() context: Context): Promise<Finding> {
    const { membership } = viewerOf(context);
    const audit = await context.em.findOne(Audit, { id: auditId, organisation: membership.organisation });
    if (!audit) throw notFound('Audit', auditId);
    const finding = context.em.create(Finding, {
      organisation: membership.organisation,
      audit,
      kind: required('kind', input.kind),
      description: requiredText('description', required('description', input.description), LONG_TEXT_MAX),
      raisedOn: checkDate('raisedOn', required('raisedOn', input.raisedOn)),
    });
    applyFinding(finding, input);
    await context.em.flush();
    return finding;
  }
  @Mutation(() => Finding)
  async updateFinding(@Arg('id', () => ID) id: string, @Arg('input', () => FindingInput) input: FindingInput, @Ctx() context: Context): Promise<Finding> {
    const finding = await ownRecord(context, Finding, id);
    if (!finding) throw notFound('Finding', id);
    checkVersion(`Finding ${id}`, finding.version, input.expectedVersion);
    applyFinding(finding, input);
    await flushOrConflict(context.em, `Finding ${id}`);
    return finding;
  }
  @Mutation(() => CorrectiveAction, { description: 'Plans a corrective action for a finding (description and dueDate are required).' })
  async addCorrectiveAction(
    @Arg('findingId', () => ID) findingId: string,
    @Arg('input', () => CorrectiveActionInput) input: CorrectiveActionInput,
    @Ctx() context: Context,
  ): Promise<CorrectiveAction> {
    const { membership } = viewerOf(context);
    const finding = await context.em.findOne(Finding, { id: findingId, organisation: membership.organisation });
    if (!finding) throw notFound('Finding', findingId);
    const action = context.em.create(CorrectiveAction, {
      organisation: membership.organisation,
      finding,
      description: requiredText('description', required('description', input.description), LONG_TEXT_MAX),
      dueDate: checkDate('dueDate', required('dueDate', input.dueDate)),
    });
    applyAction(action, input);
    await context.em.flush();
    return action;
  }
  @Mutation(() => CorrectiveAction)
  async updateCorrectiveAction(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CorrectiveActionInput) input: CorrectiveActionInput,
    @Ctx() context: Context,
  ): Promise<CorrectiveAction> {
    const action = await ownRecord(context, CorrectiveAction, id);
    if (!action) throw notFound('Corrective action', id);
    checkVersion(`Corrective action ${id}`, action.version, input.expectedVersion);
    applyAction(action, input);
    await flushOrConflict(context.em, `Corrective action ${id}`);
    return action;
  }
  @Query(() => Audit, { nullable: true })
  async audit(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Audit | null> {
    return ownRecord(context, Audit, id);
  }
  @Mutation(() => Boolean, { description: 'Deletes an internal audit with its findings and their corrective actions. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteAudit(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, Audit, 'Audit', id, expectedVersion, {
      children: async (em, audit) => {
        const findings = await em.find(Finding, { audit });
        const actions = findings.length === 0 ? [] : await em.find(CorrectiveAction, { finding: { $in: findings } });
        return [...actions, ...findings];
      },
    });
  }
  @Mutation(() => Boolean, { description: 'Deletes a finding with its corrective actions. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteFinding(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, Finding, 'Finding', id, expectedVersion, {
      children: (em, finding) => em.find(CorrectiveAction, { finding }),
    });
  }
  @Mutation(() => Boolean, { description: 'Deletes a corrective action. With expectedVersion, refused as a conflict when someone changed it since.' })
  async deleteCorrectiveAction(
    @Arg('id', () => ID) id: string,
    @Ctx() context: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number | null,
  ): Promise<boolean> {
    return deleteRecord(context, CorrectiveAction, 'Corrective action', id, expectedVersion);
  }
}

export const FindingSourceEnum = { AUDIT: 'audit', MONITORING: 'monitoring' } as const;
registerEnumType(FindingSourceEnum, { name: 'FindingSource', description: 'What raised a finding: an internal audit, or monitoring (a threshold breached).' });

const FindingConnection = connectionOf(Finding, 'Finding', 'finding');
const FindingOrder = orderInputOf('Finding', { RAISED_ON: 'raisedOn', KIND: 'kind', STATUS: 'status', CLAUSE: 'clauseId' });

@InputType({ description: 'Narrows the findings; every condition given must hold.' })
class FindingFilter {
  @Field(() => FindingSourceEnum, { nullable: true })
  source?: 'audit' | 'monitoring' | null;

  @Field(() => Boolean, { nullable: true, description: 'Only findings still open.' })
  openOnly?: boolean | null;

  @Field(() => [FindingKindEnum], { nullable: true })
  kind?: FindingKind[] | null;

  @Field(() => [FindingStatusEnum], { nullable: true })
  status?: FindingStatus[] | null;

  @Field(() => ID, { nullable: true })
  aiSystemId?: string | null;

  @Field(() => ID, { nullable: true })
  auditId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 9.2.' })
  clauseId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. A.6.2.6.' })
  controlId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words found in the description or root cause.' })
  search?: string | null;
}

const CorrectiveActionConnection = connectionOf(CorrectiveAction, 'CorrectiveAction', 'corrective action');
const CorrectiveActionOrder = orderInputOf('CorrectiveAction', { DUE_DATE: 'dueDate', COMPLETED_ON: 'completedOn', OWNER: 'owner' });

@InputType({ description: 'Narrows the corrective actions; every condition given must hold.' })
class CorrectiveActionFilter {
  @Field(() => ID, { nullable: true, description: 'Only the actions of this finding.' })
  findingId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only completed actions (true), or only those still to do (false).' })
  completed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only actions past their due date and not completed (true), or the others (false).' })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Words found in the description, owner or effectiveness check.' })
  search?: string | null;
}

@Resolver(() => Finding)
export class FindingResolver {
  @Query(() => FindingConnection, { description: 'Findings of audits and of monitoring, most recent first unless orderBy says otherwise.' })
  async findings(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => FindingFilter, { nullable: true }) filter: FindingFilter | null,
    @Arg('orderBy', () => FindingOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof FindingOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<Finding>> {
    const { organisation } = viewerOf(context).membership;
    const where: FilterQuery<Finding> = {
      organisation,
      ...(filter?.source ? { source: filter.source } : {}),
      ...(filter?.openOnly ? { status: 'open' as const } : {}),
      ...(filter?.kind ? { kind: { $in: filter.kind } } : {}),
      ...(filter?.status ? { status: { $in: filter.status } } : {}),
      ...(filter?.aiSystemId ? { aiSystem: filter.aiSystemId } : {}),
      ...(filter?.auditId ? { audit: filter.auditId } : {}),
      ...(filter?.clauseId ? { clauseId: filter.clauseId } : {}),
      ...(filter?.controlId ? { controlId: filter.controlId } : {}),
      $and: searchWhere<Finding>(context.em, filter?.search, ['description', 'rootCause']),
    };
    return pageFromDatabase(context.em, Finding, where, FindingOrder.orderMap(orderBy, { raisedOn: 'desc' }), page);
  }


  @FieldResolver(() => AiSystem, { nullable: true, description: 'The AI system concerned (monitoring findings).' })
  async aiSystem(@Root() finding: Finding): Promise<AiSystem | null> {
    return finding.aiSystem ? Reference.create(finding.aiSystem).load({ dataloader: true }) : null;
  }

  @FieldResolver(() => Risk, { nullable: true, description: 'The risk the finding bears on.' })
  async risk(@Root() finding: Finding): Promise<Risk | null> {
    return finding.risk ? Reference.create(finding.risk).load({ dataloader: true }) : null;
  }

  @FieldResolver(() => [CorrectiveAction])
  async correctiveActions(@Root() finding: Finding): Promise<CorrectiveAction[]> {
    return (await finding.correctiveActions.load({ dataloader: true })).getItems();
  }
  @Query(() => Finding, { nullable: true })
  async finding(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<Finding | null> {
    return ownRecord(context, Finding, id);
  }
}

@Resolver(() => CorrectiveAction)
export class CorrectiveActionResolver {
  @Query(() => CorrectiveActionConnection, { description: 'Corrective actions of every finding, soonest due first unless orderBy says otherwise.' })
  async correctiveActions(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CorrectiveActionFilter, { nullable: true }) filter: CorrectiveActionFilter | null,
    @Arg('orderBy', () => CorrectiveActionOrder.OrderInput, { nullable: true }) orderBy: InstanceType<typeof CorrectiveActionOrder.OrderInput> | null,
    @Ctx() context: Context,
  ): Promise<Page<CorrectiveAction>> {
    const { organisation } = viewerOf(context).membership;
    const today = todayIso();
    const conditions: FilterQuery<CorrectiveAction>[] = searchWhere<CorrectiveAction>(context.em, filter?.search, ['description', 'owner', 'effectivenessCheck']);
    if (filter?.completed != null) conditions.push({ completedOn: filter.completed ? { $ne: null } : null });
    if (filter?.overdue != null) {
      conditions.push(filter.overdue ? { completedOn: null, dueDate: { $lt: today } } : { $or: [{ completedOn: { $ne: null } }, { dueDate: { $gte: today } }] });
    }
    if (filter?.findingId) conditions.push({ finding: filter.findingId });
    return pageFromDatabase(context.em, CorrectiveAction, { organisation, $and: conditions }, CorrectiveActionOrder.orderMap(orderBy, { dueDate: 'asc' }), page);
  }

  @FieldResolver(() => Finding, { description: 'The finding the action answers.' })
  async finding(@Root() action: CorrectiveAction): Promise<Finding> {
    // Batched across the actions of one response by MikroORM's dataloader.
    return Reference.create(action.finding).load({ dataloader: true }) as Promise<Finding>;
  }

  @FieldResolver(() => Boolean, { description: 'Not completed and past its due date on the day of the request.' })
  overdue(@Root() action: CorrectiveAction): boolean {
    return isOverdue(action.dueDate, action.completedOn);
  }
  @Query(() => CorrectiveAction, { nullable: true })
  async correctiveAction(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<CorrectiveAction | null> {
    return ownRecord(context, CorrectiveAction, id);
  }
}
