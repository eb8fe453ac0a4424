import { projectCertification, readiness, type CertificationProfile, type CertificationProjection, type CertificationStagePlan, type Readiness, type ReadinessClause, type ReadinessControl, type WeeklyCompletions } from '@assay/risk-engine';
import { badInput } from '../errors.js';
import { addDays, mondayOnOrBefore } from './dates.js';
import { annexAControls, clauses } from '@assay/schema';
import type { EntityManager } from '@mikro-orm/core';
import { Audit } from '../entities/audit.entity.js';
import { CertificationStage } from '../entities/certification-stage.entity.js';
import { ContextIssue } from '../entities/context-issue.entity.js';
import { Evidence } from '../entities/evidence.entity.js';
import { FairnessWindow } from '../entities/fairness-window.entity.js';
import { Finding } from '../entities/finding.entity.js';
import { InterestedParty } from '../entities/interested-party.entity.js';
import { ManagementReview } from '../entities/management-review.entity.js';
import type { Organisation } from '../entities/organisation.entity.js';
import { PolicyVersion } from '../entities/policy-version.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import { SoaEntry } from '../entities/soa-entry.entity.js';

/** How a clause requirement counts as met: linked evidence in force, or the records Assay holds for it. */
export interface ClauseStatus extends ReadinessClause {
  readonly title: string;
  readonly done: boolean;
  readonly basis: 'evidence' | 'records' | null;
}

/** The requirements of clauses 4–10 at their lowest level: the clauses without sub-clauses. */
export const clauseRequirements = clauses.filter((clause) => !clauses.some((other) => other.parent === clause.id));

/**
 * Readiness of each clause requirement. A requirement is met when a piece of evidence in force
 * on `asOf` is linked to it, or when the register that shows it holds what the clause asks for:
 * context issues (4.1), interested parties (4.2), the AIMS scope (4.3), an approved AI policy
 * (5.2), risk assessments (6.1.2, 8.2), risk treatments (6.1.3, 8.3), fairness monitoring (9.1),
 * a completed internal audit (9.2), a management review (9.3), and a corrective action for every
 * nonconformity found (10.2).
 */
export async function clauseStatuses(em: EntityManager, organisation: Organisation, asOf: string): Promise<ClauseStatus[]> {
  const evidence = await em.find(Evidence, { organisation });
  const evidenced = new Set(evidence.filter((item) => item.validUntil === null || item.validUntil >= asOf).flatMap((item) => item.clauseIds));
  const count = (entity: Parameters<EntityManager['count']>[0], where: object) => em.count(entity, { organisation, ...where } as never);
  const [issues, parties, approvedPolicies, assessments, treatedRisks, monitoredWindows, completedAudits, reviews, nonconformities, unanswered] = await Promise.all([
    count(ContextIssue, { retiredOn: null }),
    count(InterestedParty, { retiredOn: null }),
    em.count(PolicyVersion, { policy: { organisation }, approvedOn: { $ne: null } }),
    em.count(RiskAssessment, { risk: { organisation } }),
    count(Risk, { treatment: { $ne: null } }),
    count(FairnessWindow, {}),
    count(Audit, { status: 'completed' }),
    count(ManagementReview, {}),
    count(Finding, { kind: { $in: ['major-nonconformity', 'minor-nonconformity'] } }),
    count(Finding, { kind: { $in: ['major-nonconformity', 'minor-nonconformity'] }, correctiveActions: { $none: {} } }),
  ]);
  const byRecords: Record<string, boolean> = {
    '4.1': issues > 0,
    '4.2': parties > 0,
    '4.3': (organisation.aimsScope ?? '').trim() !== '',
    '5.2': approvedPolicies > 0,
    '6.1.2': assessments > 0,
    '8.2': assessments > 0,
    '6.1.3': treatedRisks > 0,
    '8.3': treatedRisks > 0,
    '9.1': monitoredWindows > 0,
    '9.2.1': completedAudits > 0,
    '9.2.2': completedAudits > 0,
    '9.3.1': reviews > 0,
    '9.3.2': reviews > 0,
    '9.3.3': reviews > 0,
    '10.2': nonconformities > 0 && unanswered === 0,
  };
  return clauseRequirements.map((clause) => {
    const basis = evidenced.has(clause.id) ? 'evidence' : byRecords[clause.id] ? 'records' : null;
    return { id: clause.id, title: clause.title, done: basis !== null, basis };
  });
}

/** The Statement of Applicability as the engine reads it; a control without an entry is not started. */
export async function soaControls(em: EntityManager, organisation: Organisation): Promise<{ controls: ReadinessControl[]; entries: SoaEntry[] }> {
  const entries = await em.find(SoaEntry, { organisation });
  const byControl = new Map(entries.map((entry) => [entry.controlId, entry]));
  const controls = annexAControls.map((control) => {
    const entry = byControl.get(control.id);
    return { id: control.id, objective: control.objectiveId, applicable: entry?.applicable ?? true, status: entry?.implementationStatus ?? 'not-started' };
  });
  return { controls, entries };
}

/**
 * Controls completed per week, from the implementation dates in the Statement of Applicability:
 * every week from the first completion to the last full week before `asOf`, zero weeks included.
 */
export function weeklyCompletions(entries: readonly SoaEntry[], asOf: string): WeeklyCompletions[] {
  const done = entries.filter((entry) => entry.applicable && (entry.implementationStatus === 'implemented' || entry.implementationStatus === 'verified') && entry.implementedDate !== null && entry.implementedDate < mondayOnOrBefore(asOf));
  if (done.length === 0) return [];
  const perWeek = new Map<string, number>();
  for (const entry of done) {
    const week = mondayOnOrBefore(entry.implementedDate!);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  const history: WeeklyCompletions[] = [];
  const end = mondayOnOrBefore(asOf);
  for (let week = [...perWeek.keys()].sort()[0]!; week < end; week = addDays(week, 7)) history.push({ week, completed: perWeek.get(week) ?? 0 });
  return history;
}

/** The stored stages as the engine's plan (stages never recorded are left out). */
export async function certificationPlanOf(em: EntityManager, organisation: Organisation): Promise<{ rows: CertificationStage[]; plan: CertificationStagePlan[] }> {
  const rows = await em.find(CertificationStage, { organisation });
  const plan = rows.map((row) => ({ stage: row.stage, plannedStart: row.plannedStart, plannedEnd: row.plannedEnd, actualStart: row.actualStart, actualEnd: row.actualEnd }));
  return { rows, plan };
}

/** Readiness on a day: clause requirements (evidence or registers) and the Statement of Applicability. */
export async function computeReadiness(em: EntityManager, organisation: Organisation, day: string): Promise<{ result: Readiness; statuses: ClauseStatus[] }> {
  const statuses = await clauseStatuses(em, organisation, day);
  const { controls } = await soaControls(em, organisation);
  return { result: readiness({ controls, clauses: statuses.map(({ id, done }) => ({ id, done })) }), statuses };
}

/**
 * The certification projection on a day, from the stored plan, the Statement of Applicability and
 * its weekly pace. A day before a recorded actual date is refused, naming `asOf`.
 */
export async function computeProjection(
  em: EntityManager,
  organisation: Organisation,
  day: string,
  options: { profile: CertificationProfile; simulations: number; seed: number },
): Promise<CertificationProjection> {
  const { plan } = await certificationPlanOf(em, organisation);
  const latestActual = plan.flatMap((stage) => [stage.actualStart, stage.actualEnd]).reduce<string | null>((latest, date) => (date && (!latest || date > latest) ? date : latest), null);
  if (latestActual !== null && day < latestActual) throw badInput('asOf', `must not be before ${latestActual}, the latest actual date recorded in the certification plan, got ${day}`);
  const { controls, entries } = await soaControls(em, organisation);
  return projectCertification({ asOf: day, plan, controls, completionHistory: weeklyCompletions(entries, day), ...options });
}
