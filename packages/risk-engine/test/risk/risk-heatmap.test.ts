import { describe, expect, it } from 'vitest';
import { createRiskMatrix, type RiskRating, riskHeatmap } from '../../src/index.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';

describe('riskHeatmap', () => {
  it('repeats the doc example', () => {
    const heatmap = riskHeatmap([
      { likelihood: 4, impact: 5 },
      { likelihood: 4, impact: 5 },
      { likelihood: 1, impact: 1 },
    ]);
    expect(heatmap.cells.length).toBe(25);
    expect(heatmap.cells[0]).toEqual({ likelihood: 1, impact: 1, score: 1, level: 'Low', count: 1 });
    // Row-major: (4 − 1) × 5 + (5 − 1) = 19; 4 × 5 = 20, Critical, two risks.
    expect(heatmap.cells[19]).toEqual({ likelihood: 4, impact: 5, score: 20, level: 'Critical', count: 2 });
    expect([heatmap.total, heatmap.maxCount]).toEqual([3, 2]);
  });

  it('lists every cell with count 0 for no risks', () => {
    const heatmap = riskHeatmap([]);
    expect(heatmap.total).toBe(0);
    expect(heatmap.maxCount).toBe(0);
    expect(heatmap.cells).toHaveLength(25);
    expect(heatmap.cells.every((cell) => cell.count === 0)).toBe(true);
    // Band boundaries as the cells carry them: 4 Low, 5 Medium, 16 High, 20 Critical.
    const cellAt = (likelihood: number, impact: number) => heatmap.cells[(likelihood - 1) * 5 + (impact - 1)];
    expect(cellAt(2, 2)).toMatchObject({ score: 4, level: 'Low' });
    expect(cellAt(1, 5)).toMatchObject({ score: 5, level: 'Medium' });
    expect(cellAt(4, 4)).toMatchObject({ score: 16, level: 'High' });
    expect(cellAt(5, 4)).toMatchObject({ score: 20, level: 'Critical' });
  });

  it('counts one risk in its cell', () => {
    const heatmap = riskHeatmap([{ likelihood: 2, impact: 3 }]);
    // Only cell (2, 3), at (2 − 1) × 5 + (3 − 1) = 7, has a risk; 2 × 3 = 6, Medium.
    expect(heatmap.cells.filter((cell) => cell.count > 0)).toEqual([{ likelihood: 2, impact: 3, score: 6, level: 'Medium', count: 1 }]);
    expect(heatmap.cells[7]?.count).toBe(1);
    expect([heatmap.total, heatmap.maxCount]).toEqual([1, 1]);
  });

  it('lists the cells of a 3×3 matrix by likelihood, then impact', () => {
    const matrix = createRiskMatrix({
      likelihood: ['Low', 'Medium', 'High'],
      impact: ['Low', 'Medium', 'High'],
      bands: [
        { level: 'Low', min: 1, max: 3 },
        { level: 'High', min: 4, max: 9 },
      ],
    });
    const heatmap = riskHeatmap([{ likelihood: 3, impact: 1 }, { likelihood: 3, impact: 1 }, { likelihood: 3, impact: 1 }, { likelihood: 2, impact: 2 }], matrix);
    // [likelihood, impact, score = product, count]
    expect(heatmap.cells.map((cell) => [cell.likelihood, cell.impact, cell.score, cell.count])).toEqual([
      [1, 1, 1, 0],
      [1, 2, 2, 0],
      [1, 3, 3, 0],
      [2, 1, 2, 0],
      [2, 2, 4, 1],
      [2, 3, 6, 0],
      [3, 1, 3, 3],
      [3, 2, 6, 0],
      [3, 3, 9, 0],
    ]);
    expect(heatmap.maxCount).toBe(3);
    expect(heatmap.total).toBe(4);
  });

  it('covers a 4×6 matrix', () => {
    const matrix = createRiskMatrix({
      likelihood: ['L1', 'L2', 'L3', 'L4'],
      impact: ['I1', 'I2', 'I3', 'I4', 'I5', 'I6'],
      bands: [
        { level: 'Low', min: 1, max: 6 },
        { level: 'High', min: 7, max: 24 },
      ],
    });
    const heatmap = riskHeatmap([{ likelihood: 4, impact: 6 }], matrix);
    expect(heatmap.cells).toHaveLength(24); // 4 × 6
    // The last cell is (4, 6): 4 × 6 = 24; the seventh, (2, 1), starts the second row.
    expect(heatmap.cells[23]).toEqual({ likelihood: 4, impact: 6, score: 24, level: 'High', count: 1 });
    expect(heatmap.cells[6]).toEqual({ likelihood: 2, impact: 1, score: 2, level: 'Low', count: 0 });
  });

  it('shows the scores of an explicit grid', () => {
    const matrix = createRiskMatrix({
      likelihood: ['a', 'b'],
      impact: ['x', 'y'],
      scoring: { grid: [[1, 3], [2, 8]] },
      bands: [
        { level: 'Low', min: 1, max: 2 },
        { level: 'High', min: 3, max: 8 },
      ],
    });
    expect(riskHeatmap([{ likelihood: 1, impact: 2 }], matrix).cells).toEqual([
      { likelihood: 1, impact: 1, score: 1, level: 'Low', count: 0 },
      { likelihood: 1, impact: 2, score: 3, level: 'High', count: 1 },
      { likelihood: 2, impact: 1, score: 2, level: 'Low', count: 0 },
      { likelihood: 2, impact: 2, score: 8, level: 'High', count: 0 },
    ]);
  });

  it('rejects a rating off the scale, naming the risk', () => {
    expectRiskEngineError(
      () => riskHeatmap([{ likelihood: 1, impact: 1 }, { likelihood: 1, impact: 6 }]),
      'riskHeatmap: risks[1].impact must be an integer from 1 to 5, got 6',
    );
    expectRiskEngineError(
      () => riskHeatmap([{ likelihood: 0.5, impact: 1 }]),
      'riskHeatmap: risks[0].likelihood must be an integer from 1 to 5, got 0.5',
    );
    expectRiskEngineError(
      () => riskHeatmap([{ likelihood: Number.NaN, impact: 1 }] as RiskRating[]),
      'riskHeatmap: risks[0].likelihood must be an integer from 1 to 5, got NaN',
    );
  });

  it('does not change its inputs and returns frozen data', () => {
    const risks = deepFreeze([
      { likelihood: 5, impact: 5 },
      { likelihood: 1, impact: 1 },
    ]);
    const copy = structuredClone(risks);
    const heatmap = riskHeatmap(risks);
    expect(risks).toEqual(copy);
    expect(Object.isFrozen(heatmap)).toBe(true);
    expect(Object.isFrozen(heatmap.cells)).toBe(true);
    expect(Object.isFrozen(heatmap.cells[0])).toBe(true);
  });
});
