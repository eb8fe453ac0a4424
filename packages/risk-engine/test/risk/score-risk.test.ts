import { describe, expect, it } from 'vitest';
import { createRiskMatrix, type RiskMatrix, type RiskRating, scoreRisk } from '../../src/index.js';
import { deepFreeze, expectRiskEngineError, impactWeightedMatrix } from '../helpers.js';

describe('scoreRisk', () => {
  it('repeats the doc examples', () => {
    expect(scoreRisk({ likelihood: 4, impact: 5 })).toEqual({ score: 20, level: 'Critical', withinAppetite: false });
    expect(scoreRisk({ likelihood: 2, impact: 2 })).toEqual({ score: 4, level: 'Low', withinAppetite: true });
    expectRiskEngineError(() => scoreRisk({ likelihood: 7, impact: 1 }), 'scoreRisk: likelihood must be an integer from 1 to 5, got 7');
  });

  it.each([
    // [likelihood, impact, score = likelihood × impact, band on the default matrix, score ≤ 4]
    [1, 1, 1, 'Low', true],
    [1, 4, 4, 'Low', true], // top of Low, the default appetite
    [4, 1, 4, 'Low', true],
    [1, 5, 5, 'Medium', false], // bottom of Medium, first score above the appetite
    [3, 3, 9, 'Medium', false],
    [2, 5, 10, 'High', false],
    [4, 4, 16, 'High', false], // top of High
    [4, 5, 20, 'Critical', false], // bottom of Critical
    [5, 5, 25, 'Critical', false],
  ])('scores likelihood %i × impact %i = %i, %s, within appetite: %s', (likelihood, impact, score, level, withinAppetite) => {
    expect(scoreRisk({ likelihood, impact })).toEqual({ score, level, withinAppetite });
  });

  it('is within appetite up to and including the appetite', () => {
    const matrix = createRiskMatrix({ appetite: 9 });
    expect(scoreRisk({ likelihood: 3, impact: 3 }, matrix).withinAppetite).toBe(true); // 9 ≤ 9
    expect(scoreRisk({ likelihood: 2, impact: 5 }, matrix).withinAppetite).toBe(false); // 10 > 9
    const none = createRiskMatrix({ appetite: 0 });
    expect(scoreRisk({ likelihood: 1, impact: 1 }, none).withinAppetite).toBe(false); // 1 > 0
  });

  it('scores on a custom 3×3 product matrix', () => {
    const matrix = createRiskMatrix({
      likelihood: ['Low', 'Medium', 'High'],
      impact: ['Low', 'Medium', 'High'],
      bands: [
        { level: 'Green', min: 1, max: 2 },
        { level: 'Amber', min: 3, max: 4 },
        { level: 'Red', min: 6, max: 9 },
      ],
    });
    // 3 × 2 = 6: Red; appetite = top of Green = 2.
    expect(scoreRisk({ likelihood: 3, impact: 2 }, matrix)).toEqual({ score: 6, level: 'Red', withinAppetite: false });
    // 1 × 2 = 2: Green, at the appetite.
    expect(scoreRisk({ likelihood: 1, impact: 2 }, matrix)).toEqual({ score: 2, level: 'Green', withinAppetite: true });
  });

  it('scores on a custom 4×6 product matrix', () => {
    const matrix = createRiskMatrix({
      likelihood: ['L1', 'L2', 'L3', 'L4'],
      impact: ['I1', 'I2', 'I3', 'I4', 'I5', 'I6'],
      bands: [
        { level: 'Low', min: 1, max: 6 },
        { level: 'Medium', min: 7, max: 12 },
        { level: 'High', min: 13, max: 24 },
      ],
    });
    expect(scoreRisk({ likelihood: 4, impact: 6 }, matrix)).toEqual({ score: 24, level: 'High', withinAppetite: false }); // 4 × 6
    expect(scoreRisk({ likelihood: 1, impact: 6 }, matrix)).toEqual({ score: 6, level: 'Low', withinAppetite: true }); // 1 × 6 = 6 ≤ 6
    expect(scoreRisk({ likelihood: 2, impact: 6 }, matrix)).toEqual({ score: 12, level: 'Medium', withinAppetite: false }); // 2 × 6
    expectRiskEngineError(() => scoreRisk({ likelihood: 5, impact: 1 }, matrix), 'scoreRisk: likelihood must be an integer from 1 to 4, got 5');
    expectRiskEngineError(() => scoreRisk({ likelihood: 1, impact: 7 }, matrix), 'scoreRisk: impact must be an integer from 1 to 6, got 7');
  });

  it('reads the score from an explicit grid', () => {
    // Impact weighs more than likelihood: the grid is not a product.
    const matrix = impactWeightedMatrix();
    expect(scoreRisk({ likelihood: 2, impact: 3 }, matrix)).toEqual({ score: 7, level: 'High', withinAppetite: false }); // grid[1][2]
    expect(scoreRisk({ likelihood: 1, impact: 2 }, matrix)).toEqual({ score: 3, level: 'Medium', withinAppetite: false }); // grid[0][1]
    expect(scoreRisk({ likelihood: 2, impact: 1 }, matrix)).toEqual({ score: 2, level: 'Low', withinAppetite: true }); // grid[1][0]
  });

  it('scores on a matrix that went through JSON, as one stored by the API would', () => {
    const stored = JSON.parse(JSON.stringify(createRiskMatrix({ appetite: 10 }))) as RiskMatrix;
    expect(scoreRisk({ likelihood: 2, impact: 5 }, stored)).toEqual({ score: 10, level: 'High', withinAppetite: true });
  });

  it.each<[string, unknown, string]>([
    ['likelihood above the scale', { likelihood: 7, impact: 1 }, 'scoreRisk: likelihood must be an integer from 1 to 5, got 7'],
    ['likelihood 0', { likelihood: 0, impact: 1 }, 'scoreRisk: likelihood must be an integer from 1 to 5, got 0'],
    ['a fractional likelihood', { likelihood: 2.5, impact: 1 }, 'scoreRisk: likelihood must be an integer from 1 to 5, got 2.5'],
    ['a NaN impact', { likelihood: 1, impact: Number.NaN }, 'scoreRisk: impact must be an integer from 1 to 5, got NaN'],
    ['an infinite impact', { likelihood: 1, impact: Number.POSITIVE_INFINITY }, 'scoreRisk: impact must be an integer from 1 to 5, got Infinity'],
    ['impact 6', { likelihood: 1, impact: 6 }, 'scoreRisk: impact must be an integer from 1 to 5, got 6'],
    ['a likelihood given as text', { likelihood: '3', impact: 1 }, 'scoreRisk: likelihood must be an integer from 1 to 5, got "3"'],
    ['a missing impact', { likelihood: 3 }, 'scoreRisk: impact must be an integer from 1 to 5, got undefined'],
  ])('rejects %s', (_case, rating, message) => {
    expectRiskEngineError(() => scoreRisk(rating as RiskRating), message);
  });

  it('rejects a hand-made matrix that leaves a cell without a band', () => {
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
      bands: [{ level: 'Low', min: 1, max: 1 }],
      appetite: 1,
      maxScore: 4,
    };
    expectRiskEngineError(
      () => scoreRisk({ likelihood: 1, impact: 2 }, handMade),
      'scoreRisk: the matrix has no band for likelihood 1, impact 2 (score 2); build it with createRiskMatrix',
    );
  });

  it('does not change its inputs and returns frozen data', () => {
    const rating = deepFreeze({ likelihood: 3, impact: 4 });
    const matrix = createRiskMatrix();
    const result = scoreRisk(rating, matrix);
    expect(rating).toEqual({ likelihood: 3, impact: 4 });
    expect(matrix).toEqual(createRiskMatrix());
    expect(Object.isFrozen(result)).toBe(true);
  });
});
