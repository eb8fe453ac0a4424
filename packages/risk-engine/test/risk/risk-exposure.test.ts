import { describe, expect, it } from 'vitest';
import { createRiskMatrix, riskExposure } from '../../src/index.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';

describe('riskExposure', () => {
  it('repeats the doc example', () => {
    // Scores 4 × 5 = 20, 1 × 2 = 2, 3 × 3 = 9: mean 31 / 3; 20 and 9 are above the appetite 4.
    const risks = [
      { id: 'R1', likelihood: 4, impact: 5 },
      { id: 'R2', likelihood: 1, impact: 2 },
      { id: 'R3', likelihood: 3, impact: 3 },
    ];
    expect(riskExposure(risks, undefined, { top: 2 })).toEqual({
      total: 3,
      byLevel: [
        { level: 'Low', count: 1 },
        { level: 'Medium', count: 1 },
        { level: 'High', count: 0 },
        { level: 'Critical', count: 1 },
      ],
      meanScore: 10.333333333333334,
      aboveAppetite: 2,
      top: [
        { id: 'R1', likelihood: 4, impact: 5, score: 20, level: 'Critical' },
        { id: 'R3', likelihood: 3, impact: 3, score: 9, level: 'Medium' },
      ],
    });
  });

  it('has no mean for no risks and lists every band with 0', () => {
    expect(riskExposure([])).toEqual({
      total: 0,
      byLevel: [
        { level: 'Low', count: 0 },
        { level: 'Medium', count: 0 },
        { level: 'High', count: 0 },
        { level: 'Critical', count: 0 },
      ],
      meanScore: null,
      aboveAppetite: 0,
      top: [],
    });
  });

  it('summarises one risk', () => {
    // 2 × 2 = 4: Low, at the appetite, so not above it.
    expect(riskExposure([{ likelihood: 2, impact: 2 }])).toMatchObject({
      total: 1,
      meanScore: 4,
      aboveAppetite: 0,
      top: [{ likelihood: 2, impact: 2, score: 4, level: 'Low' }],
    });
  });

  it('splits the band boundaries 4/5 and 16/20, and the appetite between 4 and 5', () => {
    // Scores 4 (Low), 5 (Medium), 16 (High), 20 (Critical); above appetite 4: 5, 16, 20. Mean 45 / 4.
    const exposure = riskExposure([
      { likelihood: 1, impact: 4 },
      { likelihood: 1, impact: 5 },
      { likelihood: 4, impact: 4 },
      { likelihood: 4, impact: 5 },
    ]);
    expect(exposure.byLevel.map((entry) => entry.count)).toEqual([1, 1, 1, 1]);
    expect(exposure.aboveAppetite).toBe(3);
    expect(exposure.meanScore).toBe(11.25);
  });

  it('lists five by default, keeping input order among equal scores', () => {
    // All six score 2 × 3 = 6, so the first five in input order make the top.
    const risks = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, likelihood: 2, impact: 3 }));
    expect(riskExposure(risks).top.map((risk) => risk.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('ranks by score, and takes top 0 or more than there are', () => {
    const risks = [
      { id: 'six', likelihood: 2, impact: 3 },
      { id: 'twentyFive', likelihood: 5, impact: 5 },
      { id: 'sixAgain', likelihood: 3, impact: 2 },
      { id: 'one', likelihood: 1, impact: 1 },
    ];
    expect(riskExposure(risks, undefined, { top: 0 }).top).toEqual([]);
    expect(riskExposure(risks, undefined, { top: 10 }).top.map((risk) => risk.id)).toEqual(['twentyFive', 'six', 'sixAgain', 'one']);
  });

  it('keeps only the fields it names; an absent id stays absent', () => {
    const risks = [
      { id: 'R1', title: 'Model drift', score: 99, likelihood: 3, impact: 4 },
      { likelihood: 1, impact: 1 },
    ];
    // The stored score 99 is ignored: 3 × 4 = 12 is recomputed on the matrix.
    expect(riskExposure(risks).top).toEqual([
      { id: 'R1', likelihood: 3, impact: 4, score: 12, level: 'High' },
      { likelihood: 1, impact: 1, score: 1, level: 'Low' },
    ]);
    expect('id' in (riskExposure(risks).top[1] ?? {})).toBe(false);
  });

  it('summarises on a custom 3×3 matrix, band order from the matrix', () => {
    const matrix = createRiskMatrix({
      likelihood: ['Low', 'Medium', 'High'],
      impact: ['Low', 'Medium', 'High'],
      bands: [
        { level: 'Red', min: 6, max: 9 },
        { level: 'Green', min: 1, max: 2 },
        { level: 'Amber', min: 3, max: 4 },
      ],
      appetite: 4,
    });
    // Scores 9 (Red), 3 (Amber), 1 (Green): mean 13 / 3; only 9 is above 4.
    const exposure = riskExposure([{ likelihood: 3, impact: 3 }, { likelihood: 1, impact: 3 }, { likelihood: 1, impact: 1 }], matrix);
    expect(exposure.byLevel).toEqual([
      { level: 'Green', count: 1 },
      { level: 'Amber', count: 1 },
      { level: 'Red', count: 1 },
    ]);
    expect(exposure.meanScore).toBeCloseTo(13 / 3, 15);
    expect(exposure.aboveAppetite).toBe(1);
  });

  it('summarises on a 4×6 matrix with an explicit grid', () => {
    // Row l is l × (1…6) except impact 6, which doubles: a catastrophic column.
    const grid = [1, 2, 3, 4].map((likelihood) => [1, 2, 3, 4, 5, 12].map((impact) => likelihood * impact));
    const matrix = createRiskMatrix({
      likelihood: ['L1', 'L2', 'L3', 'L4'],
      impact: ['I1', 'I2', 'I3', 'I4', 'I5', 'I6'],
      scoring: { grid },
      bands: [
        { level: 'Low', min: 1, max: 6 },
        { level: 'High', min: 7, max: 48 },
      ],
    });
    // (1, 6) = 1 × 12 = 12, High; (4, 5) = 4 × 5 = 20, High; (1, 1) = 1, Low. Mean 33 / 3 = 11.
    const exposure = riskExposure([{ likelihood: 1, impact: 6 }, { likelihood: 4, impact: 5 }, { likelihood: 1, impact: 1 }], matrix);
    expect(exposure.byLevel).toEqual([
      { level: 'Low', count: 1 },
      { level: 'High', count: 2 },
    ]);
    expect(exposure.meanScore).toBe(11);
    expect(exposure.aboveAppetite).toBe(2); // appetite: top of Low, 6
    expect(exposure.top.map((risk) => risk.score)).toEqual([20, 12, 1]);
  });

  it.each([
    [-1, 'riskExposure: top must be an integer ≥ 0, got -1'],
    [1.5, 'riskExposure: top must be an integer ≥ 0, got 1.5'],
    [Number.NaN, 'riskExposure: top must be an integer ≥ 0, got NaN'],
    [Number.POSITIVE_INFINITY, 'riskExposure: top must be an integer ≥ 0, got Infinity'],
  ])('rejects top %s', (top, message) => {
    expectRiskEngineError(() => riskExposure([], undefined, { top }), message);
  });

  it('rejects a rating off the scale, naming the risk', () => {
    expectRiskEngineError(
      () => riskExposure([{ likelihood: 1, impact: 1 }, { id: 'R2', likelihood: 0, impact: 1 }]),
      'riskExposure: risks[1].likelihood must be an integer from 1 to 5, got 0',
    );
  });

  it('does not change or reorder its input and returns frozen data', () => {
    const risks = deepFreeze([
      { id: 'low', likelihood: 1, impact: 1 },
      { id: 'high', likelihood: 5, impact: 5 },
    ]);
    const copy = structuredClone(risks);
    const exposure = riskExposure(risks);
    expect(exposure.top.map((risk) => risk.id)).toEqual(['high', 'low']);
    expect(risks).toEqual(copy);
    expect(Object.isFrozen(exposure)).toBe(true);
    expect(Object.isFrozen(exposure.top)).toBe(true);
    expect(Object.isFrozen(exposure.byLevel[0])).toBe(true);
  });
});
