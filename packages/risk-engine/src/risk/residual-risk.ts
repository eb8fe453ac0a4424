import { RiskEngineError } from '../errors/risk-engine-error.js';
import { createRiskMatrix } from './create-risk-matrix.js';
import { scoreCell } from './score-cell.js';
import type { ResidualRisk, RiskMatrix, RiskRating, RiskTreatment } from './types.js';

/**
 * The risk left after treatment (ISO Guide 73), scored on the same matrix as the risk before it
 * (the inherent risk), and how much the treatment reduced the score:
 * reduction = inherent score − residual score, reductionRatio = reduction / inherent score.
 *
 * The treatment gives either the ratings after it, which may not exceed the inherent ones, or a
 * control effectiveness e from 0 (no effect) to 1 (fully effective). By this package's convention
 * controls modify the likelihood and leave the impact unchanged (the usual reading of ISO 31000
 * §6.5.2, "change the likelihood"): the likelihood moves the fraction e of the way down to 1,
 * residual likelihood = max(1, roundHalfUp(1 + (L − 1) × (1 − e))), rounding exact halves up.
 *
 * @throws {RiskEngineError} when a rating is not an integer on the matrix's scale, a residual
 *   rating exceeds the inherent one, the effectiveness is outside [0, 1], or the treatment gives
 *   both ratings and an effectiveness.
 * @example
 * residualRisk({ likelihood: 4, impact: 5 }, { controlEffectiveness: 0.5 });
 * // 1 + (4 − 1) × (1 − 0.5) = 2.5, rounded up to 3; the score falls from 4 × 5 = 20 to 3 × 5 = 15:
 * // { inherent: { score: 20, level: 'Critical', withinAppetite: false },
 * //   residual: { likelihood: 3, impact: 5, score: 15, level: 'High', withinAppetite: false },
 * //   reduction: 5, reductionRatio: 0.25 }
 *
 * residualRisk({ likelihood: 3, impact: 4 }, { likelihood: 2, impact: 2 });
 * // { inherent: { score: 12, level: 'High', withinAppetite: false },
 * //   residual: { likelihood: 2, impact: 2, score: 4, level: 'Low', withinAppetite: true },
 * //   reduction: 8, reductionRatio: 0.6666666666666666 }
 */
export function residualRisk(inherent: RiskRating, treatment: RiskTreatment, matrix: RiskMatrix = createRiskMatrix()): ResidualRisk {
  const before = scoreCell('residualRisk', 'inherent ', inherent, matrix);
  const after = scoreCell('residualRisk', 'residual ', treatedRating(before, treatment), matrix);
  if (after.likelihood > before.likelihood) {
    throw new RiskEngineError(`residualRisk: residual likelihood ${after.likelihood} exceeds inherent likelihood ${before.likelihood}`);
  }
  if (after.impact > before.impact) {
    throw new RiskEngineError(`residualRisk: residual impact ${after.impact} exceeds inherent impact ${before.impact}`);
  }
  const reduction = before.score - after.score;
  return Object.freeze({
    inherent: Object.freeze({ score: before.score, level: before.level, withinAppetite: before.withinAppetite }),
    residual: Object.freeze(after),
    reduction,
    // createRiskMatrix makes every score positive, so the ratio is always defined.
    reductionRatio: reduction / before.score,
  });
}

/** The rating after treatment: given outright, or derived from the control effectiveness. */
function treatedRating(inherent: RiskRating, treatment: RiskTreatment): RiskRating {
  if (!('controlEffectiveness' in treatment)) return treatment;
  if ('likelihood' in treatment || 'impact' in treatment) {
    throw new RiskEngineError('residualRisk: treatment must give either likelihood and impact or controlEffectiveness, got both');
  }
  const effectiveness: unknown = treatment.controlEffectiveness;
  if (typeof effectiveness !== 'number' || !Number.isFinite(effectiveness) || effectiveness < 0 || effectiveness > 1) {
    throw new RiskEngineError(`residualRisk: controlEffectiveness must be a number from 0 to 1, got ${String(effectiveness)}`);
  }
  // Move the fraction `effectiveness` of the way from the inherent likelihood down to 1.
  const likelihood = 1 + (inherent.likelihood - 1) * (1 - effectiveness);
  return { likelihood: Math.max(1, roundHalfUp(likelihood)), impact: inherent.impact };
}

/**
 * Rounds to the nearest integer, halves up. The value is first snapped to 9 decimals, so a half
 * that binary arithmetic misses still rounds up: an effectiveness of 70 × 0.01 on likelihood 6
 * gives 1 + 5 × 0.3 = 2.5 by hand but 2.4999999999999996 in floating point, and must give 3.
 */
function roundHalfUp(value: number): number {
  const snapped = Math.round(value * 1e9) / 1e9;
  return Math.floor(snapped + 0.5);
}
