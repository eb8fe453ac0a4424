import { createRiskMatrix } from './create-risk-matrix.js';
import { scoreCell } from './score-cell.js';
import type { RiskMatrix, RiskRating, RiskScore } from './types.js';

/**
 * Scores one risk on the matrix: the score of its cell (likelihood × impact on the default
 * matrix, or the explicit grid's entry), the band that score falls in, and whether it is within
 * the risk appetite (score ≤ appetite).
 *
 * @throws {RiskEngineError} when likelihood or impact is not an integer on the matrix's scale.
 * @example
 * scoreRisk({ likelihood: 4, impact: 5 }); // { score: 20, level: 'Critical', withinAppetite: false }
 * scoreRisk({ likelihood: 2, impact: 2 }); // { score: 4, level: 'Low', withinAppetite: true }
 * scoreRisk({ likelihood: 7, impact: 1 }); // throws RiskEngineError: scoreRisk: likelihood must be an integer from 1 to 5, got 7
 */
export function scoreRisk(rating: RiskRating, matrix: RiskMatrix = createRiskMatrix()): RiskScore {
  const { score, level, withinAppetite } = scoreCell('scoreRisk', '', rating, matrix);
  return Object.freeze({ score, level, withinAppetite });
}
