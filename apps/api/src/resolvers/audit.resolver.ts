import { clauses, findControl } from '@assay/schema';
import { Reference } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { AiSystem } from '../entities/ai-system.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { type Context, viewerOf } from '../context.js';
import { Audit } from '../entities/audit.entity.js';
import { CorrectiveAction } from '../entities/corrective-action.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { badInput, notFound } from '../errors.js';
import { checkDate, isOverdue } from '../services/dates.js';
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

@Resolver(() => Audit)
export class AuditResolver {
  @Query(() => [Audit], { description: 'Internal audits, most recent first, with their findings and corrective actions.' })
  async audits(@Ctx() context: Context): Promise<Audit[]> {
    const { membership } = viewerOf(context);
    return context.em.find(Audit, { organisation: membership.organisation }, { orderBy: { plannedOn: 'desc' } });
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
    const { membership } = viewerOf(context);
    const audit = await context.em.findOne(Audit, { id, organisation: membership.organisation });
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
    const { membership } = viewerOf(context);
    const finding = await context.em.findOne(Finding, { id, organisation: membership.organisation });
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
    const { membership } = viewerOf(context);
    const action = await context.em.findOne(CorrectiveAction, { id, organisation: membership.organisation });
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

@Resolver(() => Finding)
export class FindingResolver {
  @Query(() => [Finding], { description: 'Findings of audits and of monitoring, most recent first.' })
  async findings(
    @Arg('source', () => FindingSourceEnum, { nullable: true }) source: 'audit' | 'monitoring' | null,
    @Arg('openOnly', () => Boolean, { nullable: true, description: 'Only findings still open.' }) openOnly: boolean | null,
    @Arg('aiSystemId', () => ID, { nullable: true }) aiSystemId: string | null,
    @Ctx() context: Context,
  ): Promise<Finding[]> {
    const { membership } = viewerOf(context);
    return context.em.find(
      Finding,
      {
        organisation: membership.organisation,
        ...(source ? { source } : {}),
        ...(openOnly ? { status: 'open' as const } : {}),
        ...(aiSystemId ? { aiSystem: aiSystemId } : {}),
      },
      { orderBy: { raisedOn: 'desc', id: 'asc' } },
    );
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
  @FieldResolver(() => Boolean, { description: 'Not completed and past its due date on the day of the request.' })
  overdue(@Root() action: CorrectiveAction): boolean {
    return isOverdue(action.dueDate, action.completedOn);
  }
  @Query(() => CorrectiveAction, { nullable: true })
  async correctiveAction(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<CorrectiveAction | null> {
    return ownRecord(context, CorrectiveAction, id);
  }
}
