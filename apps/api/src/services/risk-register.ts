import { residualRisk, scoreRisk, type RiskMatrix } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import { annexCObjectives, annexCRiskSources, type RiskStatus, type RiskTreatmentOption } from '@assay/schema';
import { checkControlIds } from './catalogue-refs.js';
import { Risk } from '../entities/risk.entity.js';
import { RiskAssessment } from '../entities/risk-assessment.entity.js';
import type { User } from '../entities/user.entity.js';
import { badInput } from '../errors.js';
import { checkDate } from './dates.js';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, optionalText } from './text.js';

/**
 * The rules of the risk register, shared by the GraphQL resolvers and the seed: validation of
 * ratings and details, scoring by the risk engine, and the assessment history.
 */

/** A rating on one scale of the organisation's matrix (see services/risk-criteria.ts). */
export function checkRating(field: string, axis: 'likelihood' | 'impact', value: number, matrix: RiskMatrix): number {
  const scale = matrix[axis];
  if (!Number.isInteger(value) || value < 1 || value > scale.length) {
    throw badInput(field, `must be a whole number from 1 to ${scale.length}, got ${value}`);
  }
  return value;
}

const riskSourceKeys = new Set(annexCRiskSources.map((source) => source.key));
const objectiveKeys = new Set(annexCObjectives.map((objective) => objective.key));

function checkKey(field: string, raw: string | null, keys: ReadonlySet<string>, what: string): string | null {
  const key = raw?.trim() || null;
  if (key !== null && !keys.has(key)) throw badInput(field, `must be ${what} (${[...keys].join(', ')}), got "${key}"`);
  return key;
}

/** The optional details of a risk, as inputs carry them. */
export interface RiskDetails {
  description?: string | null;
  source?: string | null;
  objective?: string | null;
  controlIds?: string[] | null;
  status?: RiskStatus | null;
  treatment?: RiskTreatmentOption | null;
  owner?: string | null;
  reviewDate?: string | null;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
}

/** Applies the optional detail fields of an input: left out keeps the value, null clears it. */
export function applyDetails(risk: Risk, input: RiskDetails): void {
  if (input.description !== undefined) risk.description = optionalText('description', input.description, LONG_TEXT_MAX);
  if (input.source !== undefined) risk.source = checkKey('source', input.source, riskSourceKeys, 'a risk source of Annex C.3');
  if (input.objective !== undefined) risk.objective = checkKey('objective', input.objective, objectiveKeys, 'an objective of Annex C.2');
  if (input.controlIds !== undefined) risk.controlIds = checkControlIds(input.controlIds ?? []);
  if (input.status === null) throw badInput('status', 'must not be null; leave it out to keep the current status');
  if (input.status !== undefined) risk.status = input.status;
  if (input.treatment !== undefined) risk.treatment = input.treatment;
  if (input.owner !== undefined) risk.owner = optionalText('owner', input.owner, SHORT_TEXT_MAX);
  if (input.reviewDate !== undefined) risk.reviewDate = input.reviewDate === null ? null : checkDate('reviewDate', input.reviewDate);
  if (input.residualLikelihood !== undefined) risk.residualLikelihood = input.residualLikelihood;
  if (input.residualImpact !== undefined) risk.residualImpact = input.residualImpact;
}

/**
 * Scores the inherent rating and, when given, the residual rating with the risk engine, on the
 * organisation's matrix. The residual rating comes as a pair and may not exceed the inherent one.
 */
export function rescore(risk: Risk, matrix: RiskMatrix): void {
  const { score, level, withinAppetite } = scoreRisk({ likelihood: risk.likelihood, impact: risk.impact }, matrix);
  Object.assign(risk, { score, level, withinAppetite });
  const { residualLikelihood, residualImpact } = risk;
  if (residualLikelihood === null && residualImpact === null) {
    Object.assign(risk, { residualScore: null, residualLevel: null });
    return;
  }
  if (residualLikelihood === null) throw badInput('residualLikelihood', 'must be given together with residualImpact');
  if (residualImpact === null) throw badInput('residualImpact', 'must be given together with residualLikelihood');
  checkRating('residualLikelihood', 'likelihood', residualLikelihood, matrix);
  checkRating('residualImpact', 'impact', residualImpact, matrix);
  if (residualLikelihood > risk.likelihood) {
    throw badInput('residualLikelihood', `must not exceed the inherent likelihood ${risk.likelihood}, got ${residualLikelihood}`);
  }
  if (residualImpact > risk.impact) {
    throw badInput('residualImpact', `must not exceed the inherent impact ${risk.impact}, got ${residualImpact}`);
  }
  const { residual } = residualRisk(risk, { likelihood: residualLikelihood, impact: residualImpact }, matrix);
  Object.assign(risk, { residualScore: residual.score, residualLevel: residual.level });
}

/** The ratings an assessment records; a change in any of them is a re-assessment. */
export function ratingsOf(risk: Risk): string {
  return [risk.likelihood, risk.impact, risk.residualLikelihood, risk.residualImpact].join('/');
}

export function recordAssessment(em: EntityManager, risk: Risk, assessedBy: User | null): RiskAssessment {
  // A new assessment is the re-assessment that monitoring may have asked for.
  risk.reassessmentReason = null;
  return em.create(RiskAssessment, {
    risk,
    assessedBy,
    likelihood: risk.likelihood,
    impact: risk.impact,
    score: risk.score,
    level: risk.level,
    residualLikelihood: risk.residualLikelihood,
    residualImpact: risk.residualImpact,
    residualScore: risk.residualScore,
    residualLevel: risk.residualLevel,
  });
}
