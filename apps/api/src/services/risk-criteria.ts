import { RiskEngineError, createRiskMatrix, type RiskMatrix, type RiskRating } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import type { Organisation } from '../entities/organisation.entity.js';
import { Risk } from '../entities/risk.entity.js';
import { RiskCriteria, type StoredBand } from '../entities/risk-criteria.entity.js';
import { badInput } from '../errors.js';
import { rescore } from './risk-register.js';
import { requiredText } from './text.js';
import { checkVersion, flushOrConflict } from './versioning.js';

/**
 * The organisation's risk criteria (ISO/IEC 42001 clause 6.1.1): loading them once per request,
 * checking a change, and re-scoring the register on the new criteria.
 */

/** How many levels a likelihood or impact scale may have. */
export const SCALE_LEVELS = { min: 3, max: 7 } as const;
/** The most rating bands a matrix may have. */
export const BANDS_MAX = 10;
/** Scale labels, and band levels (a risk's `level` column holds 40 characters). */
export const LABEL_MAX = 60;
export const LEVEL_MAX = 40;

/** The risk engine's default 5×5 matrix: the criteria of every organisation that has not set its own. */
export const DEFAULT_MATRIX: RiskMatrix = createRiskMatrix();

/** The criteria in force: the matrix, and the version a change must be based on (0 for the defaults). */
export interface OrganisationCriteria {
  readonly matrix: RiskMatrix;
  readonly version: number;
  /** When the organisation last changed them; null while it uses the defaults. */
  readonly updatedAt: Date | null;
}

/** The criteria a stored row gives, or the defaults when there is none. */
export function criteriaFrom(record: RiskCriteria | null): OrganisationCriteria {
  if (record === null) return { matrix: DEFAULT_MATRIX, version: 0, updatedAt: null };
  const { likelihood, impact, bands, appetite } = record;
  return { matrix: createRiskMatrix({ likelihood, impact, bands, appetite }), version: record.version, updatedAt: record.updatedAt };
}

/** Criteria loaded per EntityManager (one per request), per organisation. */
const loaded = new WeakMap<EntityManager, Map<string, Promise<OrganisationCriteria>>>();

/**
 * The organisation's criteria, read once per request (one statement however many risks are then
 * scored): later calls with the same EntityManager reuse the first answer.
 */
export function criteriaOf(em: EntityManager, organisation: Organisation): Promise<OrganisationCriteria> {
  let byOrganisation = loaded.get(em);
  if (byOrganisation === undefined) {
    byOrganisation = new Map();
    loaded.set(em, byOrganisation);
  }
  let criteria = byOrganisation.get(organisation.id);
  if (criteria === undefined) {
    criteria = em.findOne(RiskCriteria, { organisation }).then(criteriaFrom);
    // A failed read is not kept: the next call asks again.
    criteria.catch(() => byOrganisation.delete(organisation.id));
    byOrganisation.set(organisation.id, criteria);
  }
  return criteria;
}

/**
 * A rating recorded in the past, placed on today's scales: a scale can shrink once no current
 * risk uses its top levels, and a rating above the top of a scale then counts at its top.
 */
export function onScale(rating: RiskRating, matrix: RiskMatrix): RiskRating {
  return { likelihood: Math.min(rating.likelihood, matrix.likelihood.length), impact: Math.min(rating.impact, matrix.impact.length) };
}

/** A change to the criteria; a field left out (or null) keeps its current value. */
export interface RiskCriteriaChange {
  likelihood?: readonly { label: string }[] | null;
  impact?: readonly { label: string }[] | null;
  bands?: readonly StoredBand[] | null;
  appetite?: number | null;
}

interface CriteriaOptions {
  likelihood: string[];
  impact: string[];
  bands: StoredBand[];
  appetite: number;
}

function scaleLabels(axis: 'likelihood' | 'impact', levels: readonly { label: string }[]): string[] {
  if (levels.length < SCALE_LEVELS.min || levels.length > SCALE_LEVELS.max) {
    throw badInput(axis, `must have ${SCALE_LEVELS.min} to ${SCALE_LEVELS.max} levels, got ${levels.length}`);
  }
  return levels.map((level, index) => requiredText(`${axis}[${index}].label`, level.label, LABEL_MAX));
}

function bandsOf(bands: readonly StoredBand[]): StoredBand[] {
  if (bands.length === 0 || bands.length > BANDS_MAX) throw badInput('bands', `must list 1 to ${BANDS_MAX} bands, got ${bands.length}`);
  return bands.map((band, index) => ({ level: requiredText(`bands[${index}].level`, band.level, LEVEL_MAX), min: band.min, max: band.max }));
}

/**
 * Turns the risk engine's refusal of the criteria into an input error naming the field: the
 * engine counts scale positions from 1, the field paths count from 0 as in the input list.
 */
function fieldError(error: RiskEngineError, options: CriteriaOptions): Error {
  const message = error.message.replace(/^createRiskMatrix: /, '');
  const duplicateLabel = /^(likelihood|impact) labels must be unique, got "(.*)" at positions (\d+) and (\d+)$/.exec(message);
  if (duplicateLabel) {
    const [, axis, label, first, second] = duplicateLabel;
    return badInput(`${axis}[${Number(second) - 1}].label`, `must be unique, but "${label}" is also ${axis}[${Number(first) - 1}].label`);
  }
  const duplicateLevel = /^band levels must be unique, got "(.*)" twice$/.exec(message);
  if (duplicateLevel) {
    const index = options.bands.findLastIndex((band) => band.level === duplicateLevel[1]);
    return badInput(`bands[${index}].level`, `must be unique, but "${duplicateLevel[1]}" names two bands`);
  }
  const emptyRange = /^band (.*) must have finite min ≤ max, got min (.*), max (.*)$/.exec(message);
  if (emptyRange) {
    const index = options.bands.findIndex((band) => band.level === emptyRange[1]);
    return badInput(`bands[${index}].max`, `must be at least min (${emptyRange[2]}), got ${emptyRange[3]}`);
  }
  const uncovered = /^every score the grid can produce must fall in a band, but (.*)$/.exec(message);
  if (uncovered) return badInput('bands', `must cover every score the matrix can produce, but ${uncovered[1]}`);
  const named = /^(likelihood|impact|appetite|bands(?:\[\d+\]\.\w+)?) (.*)$/.exec(message);
  if (named) return badInput(named[1]!, named[2]!);
  return badInput('input', message);
}

/** The criteria a change gives, checked by the risk engine; refused with the field that is wrong. */
function changedCriteria(current: RiskMatrix, change: RiskCriteriaChange): { options: CriteriaOptions; matrix: RiskMatrix } {
  const options: CriteriaOptions = {
    likelihood: change.likelihood ? scaleLabels('likelihood', change.likelihood) : current.likelihood.map((step) => step.label),
    impact: change.impact ? scaleLabels('impact', change.impact) : current.impact.map((step) => step.label),
    bands: change.bands ? bandsOf(change.bands) : current.bands.map(({ level, min, max }) => ({ level, min, max })),
    appetite: change.appetite ?? current.appetite,
  };
  let matrix: RiskMatrix;
  try {
    matrix = createRiskMatrix(options);
  } catch (error) {
    if (error instanceof RiskEngineError) throw fieldError(error, options);
    throw error;
  }
  if (matrix.appetite > matrix.maxScore) {
    throw badInput('appetite', `must be at most ${matrix.maxScore}, the highest score of the ${matrix.likelihood.length}×${matrix.impact.length} matrix, got ${matrix.appetite}`);
  }
  return { options, matrix };
}

/** Refuses a scale that no longer reaches a rating some risk holds, inherent or residual. */
function checkRatingsInUse(risks: readonly Risk[], matrix: RiskMatrix): void {
  for (const axis of ['likelihood', 'impact'] as const) {
    const levels = matrix[axis].length;
    const residual = axis === 'likelihood' ? 'residualLikelihood' : 'residualImpact';
    const above = risks.filter((risk) => risk[axis] > levels || (risk[residual] ?? 0) > levels);
    if (above.length === 0) continue;
    const highest = Math.max(...above.map((risk) => Math.max(risk[axis], risk[residual] ?? 0)));
    const risksText = above.length === 1 ? '1 risk is' : `${above.length} risks are`;
    throw badInput(axis, `must keep at least ${highest} levels: ${risksText} rated above ${levels} (up to ${highest}, inherent or residual); re-rate them first`);
  }
}

/**
 * Changes the organisation's criteria and re-scores every one of its risks on them (inherent and
 * residual score, level, within appetite), in one flush, so one transaction: the criteria and
 * the scores change together or not at all. Recorded assessments keep the scores they had.
 */
export async function changeRiskCriteria(em: EntityManager, organisation: Organisation, change: RiskCriteriaChange, expectedVersion: number | null | undefined): Promise<OrganisationCriteria> {
  const record = await em.findOne(RiskCriteria, { organisation });
  const current = criteriaFrom(record);
  checkVersion('The risk criteria', current.version, expectedVersion);
  const { options, matrix } = changedCriteria(current.matrix, change);
  const risks = await em.find(Risk, { organisation });
  checkRatingsInUse(risks, matrix);
  const saved = record === null ? em.create(RiskCriteria, { organisation, ...options }) : Object.assign(record, options);
  for (const risk of risks) rescore(risk, matrix);
  await flushOrConflict(em, 'The risk criteria');
  const criteria = criteriaFrom(saved);
  loaded.get(em)?.set(organisation.id, Promise.resolve(criteria));
  return criteria;
}
