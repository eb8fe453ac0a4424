import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRiskMatrix } from '../../src/risk/create-risk-matrix.js';
import type { RiskRange, RiskRangeEstimate, ScoreRiskRangeOptions, ThreePointEstimate } from '../../src/risk/range-types.js';
import { scoreRiskRange } from '../../src/risk/score-risk-range.js';
import type { RiskMatrix } from '../../src/risk/types.js';
import { deepFreeze, expectRiskEngineError, impactWeightedMatrix } from '../helpers.js';

/** The probabilities of a scale, by value. */
function probabilities(entries: RiskRange['likelihood']): number[] {
  return entries.map((entry) => entry.probability);
}

function isDeeplyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}

describe('scoreRiskRange', () => {
  it('repeats the doc example', () => {
    // By hand: likelihood [1, 2, 3] has weights 1/2, 1, 1/2 → 1/4, 1/2, 1/4; impact [2, 3, 3] has
    // weights 1/2, 1 → 1/3, 2/3. Cells: 1×2 = 2 (1/12), 1×3 = 3 (2/12), 2×2 = 4 (2/12),
    // 2×3 = 6 (4/12), 3×2 = 6 (1/12), 3×3 = 9 (2/12). Above the appetite 4: 5/12 + 2/12 = 7/12.
    // Mean (2 + 6 + 8 + 30 + 18)/12 = 64/12. Cumulative 1/12, 3/12, 5/12, 10/12, 1: p5 = 2, p50 = 6, p95 = 9.
    expect(scoreRiskRange({ likelihood: [1, 2, 3], impact: [2, 3, 3] }, undefined, { seed: 1 })).toEqual({
      likelihood: [
        { value: 1, probability: 0.25 },
        { value: 2, probability: 0.5 },
        { value: 3, probability: 0.25 },
      ],
      impact: [
        { value: 2, probability: 0.3333333333333333 },
        { value: 3, probability: 0.6666666666666666 },
      ],
      distribution: [
        { score: 2, level: 'Low', probability: 0.08333333333333333 },
        { score: 3, level: 'Low', probability: 0.16666666666666666 },
        { score: 4, level: 'Low', probability: 0.16666666666666666 },
        { score: 6, level: 'Medium', probability: 0.4166666666666667 },
        { score: 9, level: 'Medium', probability: 0.16666666666666666 },
      ],
      probabilityAboveAppetite: 0.5833333333333334,
      mean: 5.333333333333333,
      percentiles: { p5: 2, p50: 6, p95: 9 },
      mostLikely: { score: 6, level: 'Medium', probability: 0.4166666666666667 },
      samples: { count: 10000, meanScore: 5.3252, probabilityAboveAppetite: 0.5825 },
    });
  });

  it.each<[string, ThreePointEstimate, number[]]>([
    // w(k) = (k − low + 1)/(mode − low + 1) up to the mode, (high − k + 1)/(high − mode + 1) from it.
    ['an asymmetric range', [1, 2, 4], [1 / 5, 2 / 5, 4 / 15, 2 / 15]], // weights 1/2, 1, 2/3, 1/3; sum 5/2
    ['the mode at the low end', [1, 1, 3], [1 / 2, 1 / 3, 1 / 6]], // weights 1, 2/3, 1/3; sum 2
    ['the mode at the high end', [3, 5, 5], [1 / 6, 1 / 3, 1 / 2]], // the mirror image
    ['a symmetric range', [1, 3, 5], [1 / 9, 2 / 9, 3 / 9, 2 / 9, 1 / 9]], // the usual discrete triangle 1, 2, 3, 2, 1
    ['two positions', [4, 4, 5], [2 / 3, 1 / 3]], // weights 1, 1/2
    ['one position', [2, 2, 2], [1]],
  ])('gives the discrete triangular probabilities by hand for %s', (_case, range, expected) => {
    const result = scoreRiskRange({ likelihood: range, impact: [1, 1, 1] }, undefined, { seed: 7, samples: 1 });
    expect(result.likelihood.map((entry) => entry.value)).toEqual(Array.from({ length: range[2] - range[0] + 1 }, (_, index) => range[0] + index));
    probabilities(result.likelihood).forEach((probability, index) => expect(probability).toBeCloseTo(expected[index] ?? Number.NaN, 15));
    // With impact fixed at 1 the score is the likelihood, so the score distribution is the same.
    expect(result.distribution.map((entry) => entry.probability)).toEqual(probabilities(result.likelihood));
  });

  it('gives probability 1 to score 12 for the degenerate range [3, 3, 3] × [4, 4, 4]', () => {
    expect(scoreRiskRange({ likelihood: [3, 3, 3], impact: [4, 4, 4] }, undefined, { seed: 99 })).toEqual({
      likelihood: [{ value: 3, probability: 1 }],
      impact: [{ value: 4, probability: 1 }],
      distribution: [{ score: 12, level: 'High', probability: 1 }],
      probabilityAboveAppetite: 1,
      mean: 12,
      percentiles: { p5: 12, p50: 12, p95: 12 },
      mostLikely: { score: 12, level: 'High', probability: 1 },
      samples: { count: 10000, meanScore: 12, probabilityAboveAppetite: 1 },
    });
  });

  it('adds up cells that share a score on an explicit grid', () => {
    // grid [[1, 3, 5], [2, 4, 7], [3, 6, 9]], bands Low 1–2, Medium 3–5, High 6–9, appetite 2.
    // Likelihood [1, 2, 3]: 1/4, 1/2, 1/4; impact [1, 1, 2]: 2/3, 1/3. Score 3 comes from (1, 2),
    // 1/4 × 1/3 = 1/12, and from (3, 1), 1/4 × 2/3 = 1/6: 1/4 in all. Mean 33/12; above 2: 1/2.
    // Weights out of 12: 2, 4, 3, 2, 1; the cumulative weight reaches 50 % exactly at score 2.
    const result = scoreRiskRange({ likelihood: [1, 2, 3], impact: [1, 1, 2] }, impactWeightedMatrix(), { seed: 3 });
    expect(result.distribution).toEqual([
      { score: 1, level: 'Low', probability: 2 / 12 },
      { score: 2, level: 'Low', probability: 4 / 12 },
      { score: 3, level: 'Medium', probability: 3 / 12 },
      { score: 4, level: 'Medium', probability: 2 / 12 },
      { score: 6, level: 'High', probability: 1 / 12 },
    ]);
    expect(result.probabilityAboveAppetite).toBe(0.5);
    expect(result.mean).toBe(2.75);
    expect(result.percentiles).toEqual({ p5: 1, p50: 2, p95: 6 });
    expect(result.mostLikely).toEqual({ score: 2, level: 'Low', probability: 4 / 12 });
  });

  it('breaks a tie for the most likely score towards the higher score', () => {
    // [1, 2, 3] on both axes, weights 1, 2, 1: scores 2 (1×2, 2×1), 4 (2×2) and 6 (2×3, 3×2)
    // each have weight 4 of 16.
    const result = scoreRiskRange({ likelihood: [1, 2, 3], impact: [1, 2, 3] }, undefined, { seed: 1 });
    expect(result.distribution.map((entry) => [entry.score, entry.probability * 16])).toEqual([
      [1, 1],
      [2, 4],
      [3, 2],
      [4, 4],
      [6, 4],
      [9, 1],
    ]);
    expect(result.mostLikely).toEqual({ score: 6, level: 'Medium', probability: 0.25 });
    expect(result.mean).toBe(4); // E[L] × E[I] = 2 × 2 for independent ratings on a product matrix
  });

  it('reads the appetite from the matrix', () => {
    // Same range as the doc example; with appetite 6 only score 9 (2/12) lies above it.
    const result = scoreRiskRange({ likelihood: [1, 2, 3], impact: [2, 3, 3] }, createRiskMatrix({ appetite: 6 }), { seed: 1 });
    expect(result.probabilityAboveAppetite).toBeCloseTo(1 / 6, 15);
  });

  it.each<[string, RiskRangeEstimate, number]>([
    ['the doc example', { likelihood: [1, 2, 3], impact: [2, 3, 3] }, 1],
    ['a wide range', { likelihood: [1, 3, 5], impact: [1, 2, 5] }, 2026],
    ['a skewed range', { likelihood: [2, 5, 5], impact: [1, 1, 4] }, 11],
  ])('agrees with the exact figures within 3 standard errors for %s', (_case, estimate, seed) => {
    const count = 20_000;
    const { distribution, mean, probabilityAboveAppetite, samples } = scoreRiskRange(estimate, undefined, { seed, samples: count });
    // Standard errors of a sample proportion, √(p(1 − p)/n), and of a sample mean, σ/√n, with σ
    // from the exact distribution.
    const variance = distribution.reduce((total, entry) => total + entry.probability * (entry.score - mean) ** 2, 0);
    const meanError = Math.sqrt(variance / count);
    const proportionError = Math.sqrt((probabilityAboveAppetite * (1 - probabilityAboveAppetite)) / count);
    expect(samples.count).toBe(count);
    expect(Math.abs(samples.meanScore - mean)).toBeLessThanOrEqual(3 * meanError);
    expect(Math.abs(samples.probabilityAboveAppetite - probabilityAboveAppetite)).toBeLessThanOrEqual(3 * proportionError);
  });

  it('gives the same result for the same seed, and other draws for another seed', () => {
    const estimate = { likelihood: [1, 3, 5], impact: [2, 3, 5] } as const;
    const first = scoreRiskRange(estimate, undefined, { seed: 42, samples: 5000 });
    expect(scoreRiskRange(estimate, undefined, { seed: 42, samples: 5000 })).toEqual(first);
    const other = scoreRiskRange(estimate, undefined, { seed: 43, samples: 5000 });
    expect(other.samples).not.toEqual(first.samples);
    // Only the simulation depends on the seed.
    expect({ ...other, samples: null }).toEqual({ ...first, samples: null });
  });

  it('accepts the largest number of samples', () => {
    const result = scoreRiskRange({ likelihood: [2, 2, 2], impact: [5, 5, 5] }, undefined, { seed: 0, samples: 10_000_000 });
    expect(result.samples).toEqual({ count: 10_000_000, meanScore: 10, probabilityAboveAppetite: 1 });
  });

  it('holds the laws of a distribution for any valid range', () => {
    const range = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .map((values) => values.sort((a, b) => a - b) as unknown as ThreePointEstimate);
    fc.assert(
      fc.property(range, range, fc.integer(), (likelihood, impact, seed) => {
        const result = scoreRiskRange({ likelihood, impact }, undefined, { seed, samples: 50 });
        const total = result.distribution.reduce((sum, entry) => sum + entry.probability, 0);
        expect(total).toBeCloseTo(1, 12);
        const scores = result.distribution.map((entry) => entry.score);
        expect(scores).toEqual([...scores].sort((a, b) => a - b));
        expect(new Set(scores).size).toBe(scores.length);
        expect(result.mean).toBeGreaterThanOrEqual(likelihood[0] * impact[0] - 1e-12);
        expect(result.mean).toBeLessThanOrEqual(likelihood[2] * impact[2] + 1e-12);
        expect(result.percentiles.p5).toBeLessThanOrEqual(result.percentiles.p50);
        expect(result.percentiles.p50).toBeLessThanOrEqual(result.percentiles.p95);
        const above = result.distribution.filter((entry) => entry.score > 4).reduce((sum, entry) => sum + entry.probability, 0);
        expect(result.probabilityAboveAppetite).toBeCloseTo(above, 12);
        expect(result.mostLikely.probability).toBe(Math.max(...result.distribution.map((entry) => entry.probability)));
        // Each scale peaks at its mode, strictly, and falls away on both sides.
        for (const [scale, [, mode]] of [
          [result.likelihood, likelihood],
          [result.impact, impact],
        ] as const) {
          const peak = scale.find((entry) => entry.value === mode)?.probability ?? 0;
          for (const entry of scale) if (entry.value !== mode) expect(entry.probability).toBeLessThan(peak);
        }
        expect(result.samples.meanScore).toBeGreaterThanOrEqual(likelihood[0] * impact[0]);
        expect(result.samples.meanScore).toBeLessThanOrEqual(likelihood[2] * impact[2]);
      }),
    );
  });

  it.each<[string, unknown, unknown, string]>([
    ['likelihood above the scale', { likelihood: [1, 2, 7], impact: [1, 1, 1] }, { seed: 1 }, 'scoreRiskRange: likelihood[2] must be an integer from 1 to 5, got 7'],
    ['impact 0', { likelihood: [1, 1, 1], impact: [0, 1, 1] }, { seed: 1 }, 'scoreRiskRange: impact[0] must be an integer from 1 to 5, got 0'],
    ['a fractional mode', { likelihood: [1, 2.5, 3], impact: [1, 1, 1] }, { seed: 1 }, 'scoreRiskRange: likelihood[1] must be an integer from 1 to 5, got 2.5'],
    ['a NaN', { likelihood: [1, 1, 1], impact: [1, Number.NaN, 1] }, { seed: 1 }, 'scoreRiskRange: impact[1] must be an integer from 1 to 5, got NaN'],
    ['a value given as text', { likelihood: ['1', 1, 1], impact: [1, 1, 1] }, { seed: 1 }, 'scoreRiskRange: likelihood[0] must be an integer from 1 to 5, got "1"'],
    ['low above mode', { likelihood: [3, 2, 4], impact: [1, 1, 1] }, { seed: 1 }, 'scoreRiskRange: likelihood must have low ≤ mode ≤ high, got [3, 2, 4]'],
    ['mode above high', { likelihood: [1, 1, 1], impact: [1, 4, 3] }, { seed: 1 }, 'scoreRiskRange: impact must have low ≤ mode ≤ high, got [1, 4, 3]'],
    ['a single value', { likelihood: 3, impact: [1, 1, 1] }, { seed: 1 }, 'scoreRiskRange: likelihood must be [low, mode, high], got 3'],
    ['two values', { likelihood: [1, 1, 1], impact: [1, 2] }, { seed: 1 }, 'scoreRiskRange: impact must be [low, mode, high], got [1,2]'],
    ['a missing impact', { likelihood: [1, 1, 1] }, { seed: 1 }, 'scoreRiskRange: impact must be [low, mode, high], got undefined'],
    ['no estimate', null, { seed: 1 }, 'scoreRiskRange: estimate must be { likelihood: [low, mode, high], impact: [low, mode, high] }, got null'],
    ['zero samples', { likelihood: [1, 1, 1], impact: [1, 1, 1] }, { seed: 1, samples: 0 }, 'scoreRiskRange: samples must be an integer from 1 to 10000000, got 0'],
    ['fractional samples', { likelihood: [1, 1, 1], impact: [1, 1, 1] }, { seed: 1, samples: 1.5 }, 'scoreRiskRange: samples must be an integer from 1 to 10000000, got 1.5'],
    ['too many samples', { likelihood: [1, 1, 1], impact: [1, 1, 1] }, { seed: 1, samples: 10_000_001 }, 'scoreRiskRange: samples must be an integer from 1 to 10000000, got 10000001'],
    ['samples as text', { likelihood: [1, 1, 1], impact: [1, 1, 1] }, { seed: 1, samples: '100' }, 'scoreRiskRange: samples must be an integer from 1 to 10000000, got "100"'],
    ['a NaN seed', { likelihood: [1, 1, 1], impact: [1, 1, 1] }, { seed: Number.NaN }, 'scoreRiskRange: seed must be a finite number, got NaN'],
    ['an infinite seed', { likelihood: [1, 1, 1], impact: [1, 1, 1] }, { seed: Number.POSITIVE_INFINITY }, 'scoreRiskRange: seed must be a finite number, got Infinity'],
    ['no seed', { likelihood: [1, 1, 1], impact: [1, 1, 1] }, {}, 'scoreRiskRange: seed must be a finite number, got undefined'],
    ['a seed as text', { likelihood: [1, 1, 1], impact: [1, 1, 1] }, { seed: '1' }, 'scoreRiskRange: seed must be a finite number, got "1"'],
    ['no options', { likelihood: [1, 1, 1], impact: [1, 1, 1] }, undefined, 'scoreRiskRange: options must be { samples?, seed }, got undefined'],
  ])('rejects %s', (_case, estimate, options, message) => {
    expectRiskEngineError(() => scoreRiskRange(estimate as RiskRangeEstimate, undefined, options as ScoreRiskRangeOptions), message);
  });

  it('checks the values against the scales of the matrix it is given', () => {
    expectRiskEngineError(
      () => scoreRiskRange({ likelihood: [1, 4, 4], impact: [1, 1, 1] }, impactWeightedMatrix(), { seed: 1 }),
      'scoreRiskRange: likelihood[1] must be an integer from 1 to 3, got 4',
    );
  });

  it('rejects a hand-made matrix that leaves a cell of the range without a band', () => {
    const handMade: RiskMatrix = {
      likelihood: [
        { value: 1, label: 'a' },
        { value: 2, label: 'b' },
      ],
      impact: [
        { value: 1, label: 'x' },
        { value: 2, label: 'y' },
      ],
      grid: [
        [1, 2],
        [2, 4],
      ],
      bands: [{ level: 'Low', min: 1, max: 2 }],
      appetite: 1,
      maxScore: 4,
    };
    expectRiskEngineError(
      () => scoreRiskRange({ likelihood: [1, 1, 2], impact: [1, 2, 2] }, handMade, { seed: 1 }),
      'scoreRiskRange: the matrix has no band for likelihood 2, impact 2 (score 4); build it with createRiskMatrix',
    );
  });

  it('scores on a matrix that went through JSON, as one stored by the API would', () => {
    const stored = JSON.parse(JSON.stringify(createRiskMatrix())) as RiskMatrix;
    const estimate = { likelihood: [1, 2, 3], impact: [2, 3, 3] } as const;
    expect(scoreRiskRange(estimate, stored, { seed: 1 })).toEqual(scoreRiskRange(estimate, undefined, { seed: 1 }));
  });

  it('does not change its inputs and returns frozen data', () => {
    const estimate = deepFreeze({ likelihood: [1, 2, 4] as const, impact: [2, 2, 3] as const });
    const options = deepFreeze({ seed: 5, samples: 100 });
    const matrix = deepFreeze(createRiskMatrix());
    const result = scoreRiskRange(estimate, matrix, options);
    expect(estimate).toEqual({ likelihood: [1, 2, 4], impact: [2, 2, 3] });
    expect(matrix).toEqual(createRiskMatrix());
    expect(isDeeplyFrozen(result)).toBe(true);
  });
});
