import { describe, expect, it } from 'vitest';
import { createRiskMatrix, residualRisk, type RiskTreatment } from '../../src/index.js';
import { deepFreeze, expectRiskEngineError, impactWeightedMatrix } from '../helpers.js';

describe('residualRisk', () => {
  it('repeats the doc examples', () => {
    // 1 + (4 − 1) × (1 − 0.5) = 2.5 → 3 (halves up); 20 → 3 × 5 = 15; 5 / 20 = 0.25.
    expect(residualRisk({ likelihood: 4, impact: 5 }, { controlEffectiveness: 0.5 })).toEqual({
      inherent: { score: 20, level: 'Critical', withinAppetite: false },
      residual: { likelihood: 3, impact: 5, score: 15, level: 'High', withinAppetite: false },
      reduction: 5,
      reductionRatio: 0.25,
    });
    // 3 × 4 = 12 → 2 × 2 = 4; reduction 8; 8 / 12 = 0.666….
    expect(residualRisk({ likelihood: 3, impact: 4 }, { likelihood: 2, impact: 2 })).toEqual({
      inherent: { score: 12, level: 'High', withinAppetite: false },
      residual: { likelihood: 2, impact: 2, score: 4, level: 'Low', withinAppetite: true },
      reduction: 8,
      reductionRatio: 0.6666666666666666,
    });
  });

  it.each([
    // residual likelihood from 5 = 1 + 4 × (1 − e), halves rounded up
    [0, 5], // 1 + 4 = 5
    [0.25, 4], // 1 + 3 = 4
    [0.5, 3], // 1 + 2 = 3
    [0.6, 3], // 1 + 1.6 = 2.6 → 3
    [0.75, 2], // 1 + 1 = 2
    [0.875, 2], // 1 + 0.5 = 1.5 → 2
    [0.9, 1], // 1 + 0.4 = 1.4 → 1
    [1, 1], // 1 + 0 = 1
  ])('takes likelihood 5 with effectiveness %f to %i, leaving impact alone', (controlEffectiveness, likelihood) => {
    const { residual } = residualRisk({ likelihood: 5, impact: 2 }, { controlEffectiveness });
    expect(residual.likelihood).toBe(likelihood);
    expect(residual.impact).toBe(2);
    expect(residual.score).toBe(likelihood * 2);
  });

  it('rounds a half up even when binary arithmetic falls just short of it', () => {
    const matrix = createRiskMatrix({
      likelihood: Array.from({ length: 10 }, (_, index) => `L${index + 1}`),
      bands: [{ level: 'All', min: 1, max: 50 }],
    });
    // 70 % as 70 × 0.01 = 0.7000000000000001. By hand 1 + (6 − 1) × 0.3 = 2.5 → 3; in floating
    // point the sum is 2.4999999999999996, which plain Math.round would take to 2.
    const controlEffectiveness = 70 * 0.01;
    expect(1 + 5 * (1 - controlEffectiveness)).toBeLessThan(2.5);
    expect(residualRisk({ likelihood: 6, impact: 1 }, { controlEffectiveness }, matrix).residual.likelihood).toBe(3);
  });

  it('cannot lower likelihood 1, so the reduction is 0', () => {
    expect(residualRisk({ likelihood: 1, impact: 5 }, { controlEffectiveness: 1 })).toMatchObject({
      residual: { likelihood: 1, impact: 5, score: 5 },
      reduction: 0,
      reductionRatio: 0,
    });
  });

  it('accepts unchanged explicit ratings', () => {
    // 3 × 3 = 9 before and after.
    expect(residualRisk({ likelihood: 3, impact: 3 }, { likelihood: 3, impact: 3 })).toMatchObject({ reduction: 0, reductionRatio: 0 });
  });

  it('brings a risk within appetite at the boundary', () => {
    // 5 × 1 = 5 (Medium, above 4) → 4 × 1 = 4 (Low, at the appetite): 1 + 4 × 0.75 = 4.
    const result = residualRisk({ likelihood: 5, impact: 1 }, { controlEffectiveness: 0.25 });
    expect(result.inherent).toEqual({ score: 5, level: 'Medium', withinAppetite: false });
    expect(result.residual).toEqual({ likelihood: 4, impact: 1, score: 4, level: 'Low', withinAppetite: true });
    expect(result.reductionRatio).toBe(0.2); // 1 / 5
  });

  it('works on a custom 3×3 matrix', () => {
    const matrix = createRiskMatrix({
      likelihood: ['Low', 'Medium', 'High'],
      impact: ['Low', 'Medium', 'High'],
      bands: [
        { level: 'Low', min: 1, max: 3 },
        { level: 'High', min: 4, max: 9 },
      ],
    });
    // 1 + (3 − 1) × (1 − 0.5) = 2; 3 × 3 = 9 → 2 × 3 = 6; reduction 3, ratio 3 / 9.
    const result = residualRisk({ likelihood: 3, impact: 3 }, { controlEffectiveness: 0.5 }, matrix);
    expect(result.residual).toEqual({ likelihood: 2, impact: 3, score: 6, level: 'High', withinAppetite: false });
    expect(result.reduction).toBe(3);
    expect(result.reductionRatio).toBeCloseTo(1 / 3, 15);
  });

  it('works on a custom 4×6 matrix', () => {
    const matrix = createRiskMatrix({
      likelihood: ['L1', 'L2', 'L3', 'L4'],
      impact: ['I1', 'I2', 'I3', 'I4', 'I5', 'I6'],
      bands: [
        { level: 'Low', min: 1, max: 6 },
        { level: 'High', min: 7, max: 24 },
      ],
    });
    // 4 × 6 = 24 → 1 × 3 = 3; reduction 21, ratio 21 / 24 = 0.875.
    expect(residualRisk({ likelihood: 4, impact: 6 }, { likelihood: 1, impact: 3 }, matrix)).toMatchObject({
      residual: { likelihood: 1, impact: 3, score: 3, level: 'Low', withinAppetite: true },
      reduction: 21,
      reductionRatio: 0.875,
    });
  });

  it('scores both sides on an explicit grid', () => {
    const matrix = impactWeightedMatrix();
    // grid[2][2] = 9 → grid[0][2] = 5 (effectiveness 1 takes likelihood 3 to 1); reduction 4, ratio 4 / 9.
    const result = residualRisk({ likelihood: 3, impact: 3 }, { controlEffectiveness: 1 }, matrix);
    expect(result.inherent.score).toBe(9);
    expect(result.residual).toEqual({ likelihood: 1, impact: 3, score: 5, level: 'Medium', withinAppetite: false });
    expect(result.reduction).toBe(4);
  });

  it.each<[string, unknown, string]>([
    ['effectiveness above 1', { controlEffectiveness: 1.2 }, 'residualRisk: controlEffectiveness must be a number from 0 to 1, got 1.2'],
    ['negative effectiveness', { controlEffectiveness: -0.1 }, 'residualRisk: controlEffectiveness must be a number from 0 to 1, got -0.1'],
    ['NaN effectiveness', { controlEffectiveness: Number.NaN }, 'residualRisk: controlEffectiveness must be a number from 0 to 1, got NaN'],
    ['effectiveness as text', { controlEffectiveness: '0.5' }, 'residualRisk: controlEffectiveness must be a number from 0 to 1, got 0.5'],
    ['a residual likelihood above the inherent one', { likelihood: 4, impact: 2 }, 'residualRisk: residual likelihood 4 exceeds inherent likelihood 3'],
    ['a residual impact above the inherent one', { likelihood: 2, impact: 5 }, 'residualRisk: residual impact 5 exceeds inherent impact 3'],
    ['a residual likelihood off the scale', { likelihood: 0, impact: 2 }, 'residualRisk: residual likelihood must be an integer from 1 to 5, got 0'],
    ['a fractional residual impact', { likelihood: 2, impact: 1.5 }, 'residualRisk: residual impact must be an integer from 1 to 5, got 1.5'],
    [
      'both ratings and an effectiveness',
      { likelihood: 2, impact: 2, controlEffectiveness: 0.5 },
      'residualRisk: treatment must give either likelihood and impact or controlEffectiveness, got both',
    ],
  ])('rejects %s', (_case, treatment, message) => {
    expectRiskEngineError(() => residualRisk({ likelihood: 3, impact: 3 }, treatment as RiskTreatment), message);
  });

  it('rejects an inherent rating off the scale, naming it', () => {
    expectRiskEngineError(
      () => residualRisk({ likelihood: 6, impact: 3 }, { controlEffectiveness: 0.5 }),
      'residualRisk: inherent likelihood must be an integer from 1 to 5, got 6',
    );
    expectRiskEngineError(
      () => residualRisk({ likelihood: 3, impact: 0 }, { likelihood: 1, impact: 1 }),
      'residualRisk: inherent impact must be an integer from 1 to 5, got 0',
    );
  });

  it('does not change its inputs and returns frozen data', () => {
    const inherent = deepFreeze({ likelihood: 4, impact: 4 });
    const byRatings = deepFreeze({ likelihood: 2, impact: 3 });
    const byControls = deepFreeze({ controlEffectiveness: 0.5 });
    const result = residualRisk(inherent, byRatings);
    residualRisk(inherent, byControls);
    expect(inherent).toEqual({ likelihood: 4, impact: 4 });
    expect(byRatings).toEqual({ likelihood: 2, impact: 3 });
    expect(byControls).toEqual({ controlEffectiveness: 0.5 });
    expect(result.residual).not.toBe(byRatings);
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.residual)).toBe(true);
  });
});
