import { RiskEngineError } from '../errors/risk-engine-error.js';
import { seededRandom } from '../random/seeded-random.js';
import { createRiskMatrix } from './create-risk-matrix.js';
import type { RiskRange, RiskRangeEstimate, RiskRangeSamples, ScaleProbability, ScoreRiskRangeOptions } from './range-types.js';
import { scoreCell } from './score-cell.js';
import type { RiskMatrix } from './types.js';

const MAX_SAMPLES = 10_000_000;
const PERCENTILES = { p5: 5, p50: 50, p95: 95 } as const;

/**
 * Scores a risk whose assessors gave a range rather than one cell: a three-point estimate
 * `[low, mode, high]` of the likelihood and of the impact, each an integer position on its scale.
 *
 * Each rating follows a discrete triangular distribution over the positions low..high, peaked at
 * the mode: the weight of position k is the height at k of the triangle that rises from
 * (low − 1, 0) to (mode, 1) and falls to (high + 1, 0), so the ends named by the assessors keep a
 * positive probability:
 *   w(k) = (k − low + 1) / (mode − low + 1) for k ≤ mode,
 *   w(k) = (high − k + 1) / (high − mode + 1) for k ≥ mode,
 * and P(k) = w(k) / Σ w. (A symmetric range gives the usual discrete triangular distribution,
 * P(k) ∝ h + 1 − |k − mode| for a half-width h.) Likelihood and impact are independent.
 *
 * The score distribution is computed exactly by enumerating the cells of the range:
 * P(score s) = Σ P(likelihood) × P(impact) over the cells scoring s. From it come the probability
 * that the score exceeds the appetite, the mean score, the percentiles (the lowest score whose
 * cumulative probability reaches 5 %, 50 %, 95 %) and the most likely score (of equally likely
 * scores, the highest). `samples` estimates the mean and the probability above the appetite again
 * by a Monte Carlo simulation with a seeded generator (mulberry32), as a check on the exact
 * figures: the same seed always gives the same result (only the seed's integer part modulo 2³²
 * counts, so 1 and 1.5 draw alike). The matrix defaults to `createRiskMatrix()` when `undefined`
 * is passed; the options, with the seed, are required. Cost: O(cells in the range + samples).
 *
 * @throws {RiskEngineError} when a value is not an integer on its scale
 *   (`scoreRiskRange: likelihood[2] must be an integer from 1 to 5, got 7`), a range is not
 *   [low, mode, high] with low ≤ mode ≤ high, `samples` is not an integer from 1 to 10,000,000,
 *   or `seed` is not a finite number.
 * @example
 * scoreRiskRange({ likelihood: [1, 2, 3], impact: [2, 3, 3] }, undefined, { seed: 1 });
 * // likelihood weights 1/2, 1, 1/2 → 1/4, 1/2, 1/4; impact weights 1/2, 1 → 1/3, 2/3;
 * // score 6 from 2 × 3 (1/2 × 2/3) and 3 × 2 (1/4 × 1/3): 5/12. Mean 64/12; above 4: 7/12.
 * // { likelihood: [{ value: 1, probability: 0.25 }, { value: 2, probability: 0.5 }, { value: 3, probability: 0.25 }],
 * //   impact: [{ value: 2, probability: 0.3333333333333333 }, { value: 3, probability: 0.6666666666666666 }],
 * //   distribution: [{ score: 2, level: 'Low', probability: 0.08333333333333333 },
 * //                  { score: 3, level: 'Low', probability: 0.16666666666666666 },
 * //                  { score: 4, level: 'Low', probability: 0.16666666666666666 },
 * //                  { score: 6, level: 'Medium', probability: 0.4166666666666667 },
 * //                  { score: 9, level: 'Medium', probability: 0.16666666666666666 }],
 * //   probabilityAboveAppetite: 0.5833333333333334, mean: 5.333333333333333,
 * //   percentiles: { p5: 2, p50: 6, p95: 9 },
 * //   mostLikely: { score: 6, level: 'Medium', probability: 0.4166666666666667 },
 * //   samples: { count: 10000, meanScore: 5.3252, probabilityAboveAppetite: 0.5825 } }
 */
export function scoreRiskRange(estimate: RiskRangeEstimate, matrix: RiskMatrix = createRiskMatrix(), options: ScoreRiskRangeOptions): RiskRange {
  if (typeof estimate !== 'object' || estimate === null) {
    fail(`estimate must be { likelihood: [low, mode, high], impact: [low, mode, high] }, got ${describe(estimate)}`);
  }
  const likelihood = checkRange('likelihood', estimate.likelihood, matrix.likelihood.length);
  const impact = checkRange('impact', estimate.impact, matrix.impact.length);
  const { samples, seed } = checkOptions(options);

  // Integer weights, so the exact distribution is summed without rounding and divided once.
  const likelihoodWeights = triangularWeights(likelihood);
  const impactWeights = triangularWeights(impact);
  const likelihoodTotal = sum(likelihoodWeights.map((entry) => entry.weight));
  const impactTotal = sum(impactWeights.map((entry) => entry.weight));
  const total = likelihoodTotal * impactTotal;

  // Enumerate the cells of the range: each adds P(likelihood) × P(impact) to its score.
  const byScore = new Map<number, { level: string; weight: number }>();
  const cellScores: number[][] = [];
  for (const row of likelihoodWeights) {
    const scores: number[] = [];
    for (const column of impactWeights) {
      const { score, level } = scoreCell('scoreRiskRange', '', { likelihood: row.value, impact: column.value }, matrix);
      const entry = byScore.get(score) ?? { level, weight: 0 };
      entry.weight += row.weight * column.weight;
      byScore.set(score, entry);
      scores.push(score);
    }
    cellScores.push(scores);
  }
  const weighted = [...byScore].map(([score, { level, weight }]) => ({ score, level, weight })).sort((a, b) => a.score - b.score);

  const aboveWeight = sum(weighted.filter((entry) => entry.score > matrix.appetite).map((entry) => entry.weight));
  const distribution = weighted.map(({ score, level, weight }) => Object.freeze({ score, level, probability: weight / total }));
  // The most probable score; `>=` lets a later (higher) score win a tie.
  let mode = weighted[0] as (typeof weighted)[number]; // a range always has at least one cell
  for (const entry of weighted) if (entry.weight >= mode.weight) mode = entry;

  return Object.freeze({
    likelihood: scaleProbabilities(likelihoodWeights, likelihoodTotal),
    impact: scaleProbabilities(impactWeights, impactTotal),
    distribution: Object.freeze(distribution),
    probabilityAboveAppetite: aboveWeight / total,
    mean: sum(weighted.map((entry) => entry.score * entry.weight)) / total,
    percentiles: Object.freeze({
      p5: percentile(weighted, total, PERCENTILES.p5),
      p50: percentile(weighted, total, PERCENTILES.p50),
      p95: percentile(weighted, total, PERCENTILES.p95),
    }),
    mostLikely: Object.freeze({ score: mode.score, level: mode.level, probability: mode.weight / total }),
    samples: simulate(likelihoodWeights, impactWeights, cellScores, matrix.appetite, samples, seed),
  });
}

interface Weighted {
  readonly value: number;
  readonly weight: number;
}

function fail(message: string): never {
  throw new RiskEngineError(`scoreRiskRange: ${message}`);
}

function describe(value: unknown): string {
  if (typeof value === 'string' || Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

function checkRange(axis: 'likelihood' | 'impact', range: unknown, steps: number): readonly [number, number, number] {
  if (!Array.isArray(range) || range.length !== 3) fail(`${axis} must be [low, mode, high], got ${describe(range)}`);
  range.forEach((value: unknown, index) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > steps) {
      fail(`${axis}[${index}] must be an integer from 1 to ${steps}, got ${describe(value)}`);
    }
  });
  const [low, mode, high] = range as [number, number, number];
  if (low > mode || mode > high) fail(`${axis} must have low ≤ mode ≤ high, got [${low}, ${mode}, ${high}]`);
  return [low, mode, high];
}

function checkOptions(options: ScoreRiskRangeOptions): { samples: number; seed: number } {
  if (typeof options !== 'object' || options === null) fail(`options must be { samples?, seed }, got ${describe(options)}`);
  const samples: unknown = options.samples ?? 10_000;
  const seed: unknown = options.seed;
  if (typeof samples !== 'number' || !Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES) {
    fail(`samples must be an integer from 1 to ${MAX_SAMPLES}, got ${describe(samples)}`);
  }
  if (typeof seed !== 'number' || !Number.isFinite(seed)) fail(`seed must be a finite number, got ${describe(seed)}`);
  return { samples, seed };
}

/**
 * The triangular weights of the positions low..high, scaled by (mode − low + 1)(high − mode + 1)
 * to integers: (k − low + 1)(high − mode + 1) up to the mode, (high − k + 1)(mode − low + 1) from it.
 */
function triangularWeights([low, mode, high]: readonly [number, number, number]): Weighted[] {
  const rise = mode - low + 1;
  const fall = high - mode + 1;
  const weights: Weighted[] = [];
  for (let value = low; value <= high; value += 1) {
    const weight = value <= mode ? (value - low + 1) * fall : (high - value + 1) * rise;
    weights.push({ value, weight });
  }
  return weights;
}

function scaleProbabilities(weights: readonly Weighted[], total: number): readonly ScaleProbability[] {
  return Object.freeze(weights.map(({ value, weight }) => Object.freeze({ value, probability: weight / total })));
}

function sum(values: readonly number[]): number {
  return values.reduce((accumulated, value) => accumulated + value, 0);
}

/** The lowest score whose cumulative weight reaches `percent` % of the total (integers: no rounding). */
function percentile(weighted: readonly { score: number; weight: number }[], total: number, percent: number): number {
  let cumulative = 0;
  for (const entry of weighted) {
    cumulative += entry.weight;
    if (cumulative * 100 >= percent * total) return entry.score;
  }
  return (weighted.at(-1) as { score: number }).score; // unreachable: the cumulative weight ends at the total
}

/** Draws a position with probability weight / Σ weights, by inverting the cumulative weights. */
function draw(weights: readonly Weighted[], total: number, uniform: number): number {
  const target = uniform * total;
  let cumulative = 0;
  for (let index = 0; index < weights.length; index += 1) {
    cumulative += (weights[index] as Weighted).weight;
    if (target < cumulative) return index;
  }
  return weights.length - 1;
}

function simulate(
  likelihoodWeights: readonly Weighted[],
  impactWeights: readonly Weighted[],
  cellScores: readonly (readonly number[])[],
  appetite: number,
  count: number,
  seed: number,
): RiskRangeSamples {
  const random = seededRandom(seed);
  const likelihoodTotal = sum(likelihoodWeights.map((entry) => entry.weight));
  const impactTotal = sum(impactWeights.map((entry) => entry.weight));
  let scoreSum = 0;
  let above = 0;
  for (let sample = 0; sample < count; sample += 1) {
    // Likelihood first, then impact: two draws per sample, always in this order.
    const row = draw(likelihoodWeights, likelihoodTotal, random());
    const column = draw(impactWeights, impactTotal, random());
    const score = cellScores[row]?.[column] as number;
    scoreSum += score;
    if (score > appetite) above += 1;
  }
  return Object.freeze({ count, meanScore: scoreSum / count, probabilityAboveAppetite: above / count });
}
