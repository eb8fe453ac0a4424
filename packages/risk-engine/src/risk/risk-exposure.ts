import { RiskEngineError } from '../errors/risk-engine-error.js';
import { createRiskMatrix } from './create-risk-matrix.js';
import { scoreCell } from './score-cell.js';
import type { ExposureRisk, RiskExposure, RiskExposureOptions, RiskMatrix, ScoredRisk } from './types.js';

/**
 * Summarises a set of risks on the matrix: how many there are, how many fall in each band (every
 * band, in band order, zeros included), their mean score (sum of scores / number of risks, or null
 * for no risks), how many score above the appetite, and the `top` highest-scoring risks (default
 * 5), highest first, equal scores in input order. Cost: O(n log n) for the ranking.
 *
 * @throws {RiskEngineError} when a risk's likelihood or impact is not an integer on the matrix's
 *   scale (`riskExposure: risks[1].likelihood must be an integer from 1 to 5, got 0`), or `top`
 *   is not an integer ≥ 0.
 * @example
 * riskExposure(
 *   [{ id: 'R1', likelihood: 4, impact: 5 }, { id: 'R2', likelihood: 1, impact: 2 }, { id: 'R3', likelihood: 3, impact: 3 }],
 *   undefined,
 *   { top: 2 },
 * );
 * // scores 20, 2 and 9: mean 31 / 3; 20 and 9 are above the appetite of 4
 * // { total: 3,
 * //   byLevel: [{ level: 'Low', count: 1 }, { level: 'Medium', count: 1 }, { level: 'High', count: 0 }, { level: 'Critical', count: 1 }],
 * //   meanScore: 10.333333333333334, aboveAppetite: 2,
 * //   top: [{ id: 'R1', likelihood: 4, impact: 5, score: 20, level: 'Critical' },
 * //         { id: 'R3', likelihood: 3, impact: 3, score: 9, level: 'Medium' }] }
 */
export function riskExposure(
  risks: readonly ExposureRisk[],
  matrix: RiskMatrix = createRiskMatrix(),
  options: RiskExposureOptions = {},
): RiskExposure {
  const topCount: unknown = options.top ?? 5;
  if (typeof topCount !== 'number' || !Number.isInteger(topCount) || topCount < 0) {
    throw new RiskEngineError(`riskExposure: top must be an integer ≥ 0, got ${String(topCount)}`);
  }
  const counts = new Map(matrix.bands.map((band) => [band.level, 0]));
  let scoreSum = 0;
  let aboveAppetite = 0;
  const scored = risks.map((risk, index): ScoredRisk => {
    const { likelihood, impact, score, level, withinAppetite } = scoreCell('riskExposure', `risks[${index}].`, risk, matrix);
    counts.set(level, (counts.get(level) ?? 0) + 1);
    scoreSum += score;
    if (!withinAppetite) aboveAppetite += 1;
    // Keep only the fields the summary names; an absent id stays absent.
    const entry = { likelihood, impact, score, level };
    return Object.freeze(risk.id === undefined ? entry : { id: risk.id, ...entry });
  });
  // Array.prototype.sort is stable, so equal scores keep their input order.
  const top = scored.sort((a, b) => b.score - a.score).slice(0, topCount);
  return Object.freeze({
    total: risks.length,
    byLevel: Object.freeze(matrix.bands.map((band) => Object.freeze({ level: band.level, count: counts.get(band.level) ?? 0 }))),
    meanScore: risks.length === 0 ? null : scoreSum / risks.length,
    aboveAppetite,
    top: Object.freeze(top),
  });
}
