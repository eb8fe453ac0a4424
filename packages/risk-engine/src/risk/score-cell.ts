import { RiskEngineError } from '../errors/risk-engine-error.js';
import type { RiskMatrix, RiskRating, RiskScore } from './types.js';

/**
 * Checks a rating against the matrix scales and scores its cell (internal, not exported from the
 * package). `caller` and `field` name the public function and the rating in error messages, e.g.
 * `riskHeatmap: risks[2].likelihood must be an integer from 1 to 5, got 7`.
 */
export function scoreCell(caller: string, field: string, rating: RiskRating, matrix: RiskMatrix): RiskScore & RiskRating {
  const likelihood = checkScaleValue(caller, `${field}likelihood`, rating.likelihood, matrix.likelihood.length);
  const impact = checkScaleValue(caller, `${field}impact`, rating.impact, matrix.impact.length);
  const score = matrix.grid[likelihood - 1]?.[impact - 1];
  const band = matrix.bands.find((candidate) => score !== undefined && score >= candidate.min && score <= candidate.max);
  // createRiskMatrix guarantees a band for every cell; a matrix assembled by hand might not have one.
  if (score === undefined || band === undefined) {
    throw new RiskEngineError(`${caller}: the matrix has no band for likelihood ${likelihood}, impact ${impact} (score ${score}); build it with createRiskMatrix`);
  }
  return { likelihood, impact, score, level: band.level, withinAppetite: score <= matrix.appetite };
}

function checkScaleValue(caller: string, field: string, value: unknown, steps: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > steps) {
    const given = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw new RiskEngineError(`${caller}: ${field} must be an integer from 1 to ${steps}, got ${given}`);
  }
  return value;
}
