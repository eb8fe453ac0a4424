import { describe, expect, it } from 'vitest';
import { createRiskMatrix, type RiskMatrixOptions } from '../../src/index.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';

const threeByThree = ['Low', 'Medium', 'High'];

describe('createRiskMatrix', () => {
  it('builds the default 5×5 matrix (doc example)', () => {
    const matrix = createRiskMatrix();
    // Row 4 is likelihood 4 × impact 1…5.
    expect(matrix.grid[3]).toEqual([4, 8, 12, 16, 20]);
    expect(matrix.bands.map((band) => band.level)).toEqual(['Low', 'Medium', 'High', 'Critical']);
    // Appetite: the top of the lowest band (Low 1–4); max score 5 × 5.
    expect([matrix.appetite, matrix.maxScore]).toEqual([4, 25]);
  });

  it('builds a 3×3 product matrix with its own bands (doc example)', () => {
    const matrix = createRiskMatrix({
      likelihood: threeByThree,
      impact: threeByThree,
      bands: [
        { level: 'Accept', min: 1, max: 3 },
        { level: 'Treat', min: 4, max: 9 },
      ],
    });
    const steps = [
      { value: 1, label: 'Low' },
      { value: 2, label: 'Medium' },
      { value: 3, label: 'High' },
    ];
    // Products 1×1 … 3×3; appetite = top of Accept = 3; max 3 × 3 = 9.
    expect(matrix).toEqual({
      likelihood: steps,
      impact: steps,
      grid: [
        [1, 2, 3],
        [2, 4, 6],
        [3, 6, 9],
      ],
      bands: [
        { level: 'Accept', min: 1, max: 3 },
        { level: 'Treat', min: 4, max: 9 },
      ],
      appetite: 3,
      maxScore: 9,
    });
  });

  it('has the common 5×5 labels, scores and bands by default', () => {
    const matrix = createRiskMatrix();
    expect(matrix.likelihood.map((step) => step.label)).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    expect(matrix.impact).toEqual([
      { value: 1, label: 'Insignificant' },
      { value: 2, label: 'Minor' },
      { value: 3, label: 'Moderate' },
      { value: 4, label: 'Major' },
      { value: 5, label: 'Catastrophic' },
    ]);
    // grid[l − 1][i − 1] = l × i.
    expect(matrix.grid).toEqual([
      [1, 2, 3, 4, 5],
      [2, 4, 6, 8, 10],
      [3, 6, 9, 12, 15],
      [4, 8, 12, 16, 20],
      [5, 10, 15, 20, 25],
    ]);
    expect(matrix.bands).toEqual([
      { level: 'Low', min: 1, max: 4 },
      { level: 'Medium', min: 5, max: 9 },
      { level: 'High', min: 10, max: 16 },
      { level: 'Critical', min: 20, max: 25 },
    ]);
  });

  it('builds a 4×6 matrix', () => {
    const matrix = createRiskMatrix({
      likelihood: ['L1', 'L2', 'L3', 'L4'],
      impact: ['I1', 'I2', 'I3', 'I4', 'I5', 'I6'],
      bands: [
        { level: 'Low', min: 1, max: 6 },
        { level: 'High', min: 7, max: 24 },
      ],
    });
    expect(matrix.grid).toHaveLength(4);
    // Row 4: 4 × 1…6; the top score is 4 × 6 = 24; appetite = top of Low = 6.
    expect(matrix.grid[3]).toEqual([4, 8, 12, 16, 20, 24]);
    expect(matrix.maxScore).toBe(24);
    expect(matrix.appetite).toBe(6);
    expect(matrix.impact[5]).toEqual({ value: 6, label: 'I6' });
  });

  it('takes an explicit grid, copies it and sorts the bands', () => {
    const grid = [
      [1, 1, 2],
      [1, 2, 3],
      [2, 3, 3],
    ];
    const matrix = createRiskMatrix({
      likelihood: threeByThree,
      impact: threeByThree,
      scoring: { grid },
      bands: [
        { level: 'High', min: 3, max: 3 },
        { level: 'Low', min: 1, max: 1 },
        { level: 'Medium', min: 2, max: 2 },
      ],
    });
    expect(matrix.grid).toEqual(grid);
    expect(matrix.grid).not.toBe(grid);
    expect(matrix.bands.map((band) => band.level)).toEqual(['Low', 'Medium', 'High']);
    // The highest cell is 3; the appetite is the top of the lowest band, Low (1–1).
    expect(matrix.maxScore).toBe(3);
    expect(matrix.appetite).toBe(1);
  });

  it('accepts an explicit grid of non-integer scores that stay level along an axis', () => {
    const matrix = createRiskMatrix({
      likelihood: ['a', 'b'],
      impact: ['x', 'y'],
      scoring: { grid: [[0.5, 0.5], [0.5, 2.5]] },
      bands: [
        { level: 'Low', min: 0.1, max: 1 },
        { level: 'High', min: 2, max: 3 },
      ],
    });
    expect(matrix.maxScore).toBe(2.5);
    expect(matrix.appetite).toBe(1);
  });

  it("takes scoring: 'product' as the default", () => {
    expect(createRiskMatrix({ scoring: 'product' })).toEqual(createRiskMatrix());
  });

  it('does not count a range no cell produces as a gap', () => {
    // No product of 1…5 × 1…5 is 17, 18 or 19, so the default bands are complete.
    expect(() => createRiskMatrix()).not.toThrow();
    // On 3×3 the products are 1, 2, 3, 4, 6, 9: no cell scores 5.
    const matrix = createRiskMatrix({
      likelihood: threeByThree,
      impact: threeByThree,
      bands: [
        { level: 'Low', min: 1, max: 4 },
        { level: 'High', min: 6, max: 9 },
      ],
    });
    expect(matrix.bands).toHaveLength(2);
  });

  it('allows bands that no cell reaches and an appetite of 0 or above the top score', () => {
    // The default bands on a 2×2 product (top score 4): Medium, High and Critical are unreachable.
    const small = createRiskMatrix({ likelihood: ['a', 'b'], impact: ['x', 'y'], appetite: 0 });
    expect(small.bands).toHaveLength(4);
    expect(small.appetite).toBe(0);
    expect(createRiskMatrix({ appetite: 30 }).appetite).toBe(30);
  });

  it('keeps only level, min and max of each band', () => {
    const bands = [
      { __typename: 'RiskBand', level: 'Low', min: 1, max: 12 },
      { __typename: 'RiskBand', level: 'High', min: 13, max: 25 },
    ];
    expect(createRiskMatrix({ bands }).bands).toEqual([
      { level: 'Low', min: 1, max: 12 },
      { level: 'High', min: 13, max: 25 },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['a one-step scale', { likelihood: ['only'] }, 'createRiskMatrix: likelihood must have 2 to 10 labels, got 1'],
    [
      'an eleven-step scale',
      { impact: Array.from({ length: 11 }, (_, index) => `i${index}`) },
      'createRiskMatrix: impact must have 2 to 10 labels, got 11',
    ],
    ['a scale that is not an array', { likelihood: 'abc' }, 'createRiskMatrix: likelihood must be an array of 2 to 10 labels, got "abc"'],
    ['a blank label', { impact: ['a', ' ', 'b'] }, 'createRiskMatrix: impact label 2 must be a non-empty string, got " "'],
    ['an empty label', { likelihood: ['a', 'b', ''] }, 'createRiskMatrix: likelihood label 3 must be a non-empty string, got ""'],
    ['a label that is not a string', { likelihood: ['a', 2] }, 'createRiskMatrix: likelihood label 2 must be a non-empty string, got 2'],
    ['a repeated label', { likelihood: ['a', 'b', 'a'] }, 'createRiskMatrix: likelihood labels must be unique, got "a" at positions 1 and 3'],
    ['an unknown scoring', { scoring: 'sum' }, `createRiskMatrix: scoring must be 'product' or { grid }, got "sum"`],
    ['a grid with too few rows', { scoring: { grid: [[1, 2, 3, 4, 5]] } }, 'createRiskMatrix: grid must have 5 rows, one per likelihood, got 1'],
    [
      'a grid row of the wrong length',
      { likelihood: ['a', 'b'], impact: ['x', 'y'], scoring: { grid: [[1, 2], [3]] } },
      'createRiskMatrix: grid[1] must have 2 scores, one per impact, got 1',
    ],
    [
      'a zero score',
      { likelihood: ['a', 'b'], impact: ['x', 'y'], scoring: { grid: [[1, 0], [2, 3]] } },
      'createRiskMatrix: grid[0][1] (likelihood 1, impact 2) must be a finite positive number, got 0',
    ],
    [
      'a negative score',
      { likelihood: ['a', 'b'], impact: ['x', 'y'], scoring: { grid: [[-1, 1], [2, 3]] } },
      'createRiskMatrix: grid[0][0] (likelihood 1, impact 1) must be a finite positive number, got -1',
    ],
    [
      'a NaN score',
      { likelihood: ['a', 'b'], impact: ['x', 'y'], scoring: { grid: [[1, 2], [Number.NaN, 3]] } },
      'createRiskMatrix: grid[1][0] (likelihood 2, impact 1) must be a finite positive number, got NaN',
    ],
    [
      'an infinite score',
      { likelihood: ['a', 'b'], impact: ['x', 'y'], scoring: { grid: [[1, 2], [2, Number.POSITIVE_INFINITY]] } },
      'createRiskMatrix: grid[1][1] (likelihood 2, impact 2) must be a finite positive number, got Infinity',
    ],
    [
      'a score that falls as impact rises',
      { likelihood: ['a', 'b'], impact: ['x', 'y'], scoring: { grid: [[2, 1], [2, 3]] } },
      'createRiskMatrix: grid[0][1] (likelihood 1, impact 2) must be at least 2, the score for impact 1, as a higher impact never lowers the score; got 1',
    ],
    [
      'a score that falls as likelihood rises',
      { likelihood: ['a', 'b'], impact: ['x', 'y'], scoring: { grid: [[2, 3], [1, 3]] } },
      'createRiskMatrix: grid[1][0] (likelihood 2, impact 1) must be at least 2, the score for likelihood 1, as a higher likelihood never lowers the score; got 1',
    ],
    ['no bands', { bands: [] }, 'createRiskMatrix: bands must list at least one band, got none'],
    [
      'a band without a level',
      { bands: [{ level: 'Low', min: 1, max: 12 }, { level: '', min: 13, max: 25 }] },
      'createRiskMatrix: bands[1].level must be a non-empty string, got ""',
    ],
    [
      'a repeated level',
      { bands: [{ level: 'Low', min: 1, max: 12 }, { level: 'Low', min: 13, max: 25 }] },
      'createRiskMatrix: band levels must be unique, got "Low" twice',
    ],
    ['a band with min above max', { bands: [{ level: 'Odd', min: 9, max: 1 }] }, 'createRiskMatrix: band Odd must have finite min ≤ max, got min 9, max 1'],
    [
      'a band with a NaN bound',
      { bands: [{ level: 'All', min: Number.NaN, max: 25 }] },
      'createRiskMatrix: band All must have finite min ≤ max, got min NaN, max 25',
    ],
    [
      'overlapping bands (they share 10)',
      { bands: [{ level: 'High', min: 10, max: 25 }, { level: 'Low', min: 1, max: 10 }] },
      'createRiskMatrix: bands must not overlap, got Low (1–10) and High (10–25)',
    ],
    [
      // 2 × 5 = 10 is the first producible score (row-major) between Low 1–9 and High 11–25.
      'a gap a cell falls in',
      { bands: [{ level: 'Low', min: 1, max: 9 }, { level: 'High', min: 11, max: 25 }] },
      'createRiskMatrix: every score the grid can produce must fall in a band, but 10 (likelihood 2, impact 5) falls in none',
    ],
    [
      'bands that start above the lowest score',
      { bands: [{ level: 'All', min: 2, max: 25 }] },
      'createRiskMatrix: every score the grid can produce must fall in a band, but 1 (likelihood 1, impact 1) falls in none',
    ],
    [
      'bands that stop below the top score',
      { bands: [{ level: 'All', min: 1, max: 24 }] },
      'createRiskMatrix: every score the grid can produce must fall in a band, but 25 (likelihood 5, impact 5) falls in none',
    ],
    [
      // Explicit grid scores count too: 4.5 lies between Low 1–4 and High 5–9.
      'an explicit grid score between bands',
      { likelihood: ['a', 'b'], impact: ['x', 'y'], scoring: { grid: [[1, 2], [3, 4.5]] }, bands: [{ level: 'Low', min: 1, max: 4 }, { level: 'High', min: 5, max: 9 }] },
      'createRiskMatrix: every score the grid can produce must fall in a band, but 4.5 (likelihood 2, impact 2) falls in none',
    ],
    ['a negative appetite', { appetite: -1 }, 'createRiskMatrix: appetite must be a finite number ≥ 0, got -1'],
    ['a NaN appetite', { appetite: Number.NaN }, 'createRiskMatrix: appetite must be a finite number ≥ 0, got NaN'],
    ['an infinite appetite', { appetite: Number.POSITIVE_INFINITY }, 'createRiskMatrix: appetite must be a finite number ≥ 0, got Infinity'],
  ])('rejects %s', (_case, options, message) => {
    expectRiskEngineError(() => createRiskMatrix(options as RiskMatrixOptions), message);
  });

  it('does not change its inputs', () => {
    const options = {
      likelihood: threeByThree,
      impact: threeByThree,
      scoring: { grid: [[1, 2, 3], [2, 4, 6], [3, 6, 9]] },
      bands: [
        { level: 'Treat', min: 4, max: 9 },
        { level: 'Accept', min: 1, max: 3 },
      ],
      appetite: 2,
    };
    const copy = structuredClone(options);
    // Frozen inputs make any write throw; the copy catches anything subtler.
    createRiskMatrix(deepFreeze(options));
    expect(options).toEqual(copy);
  });

  it('returns frozen data that survives a JSON round trip', () => {
    const matrix = createRiskMatrix();
    expect(Object.isFrozen(matrix)).toBe(true);
    expect(Object.isFrozen(matrix.grid)).toBe(true);
    expect(Object.isFrozen(matrix.grid[0])).toBe(true);
    expect(Object.isFrozen(matrix.bands[0])).toBe(true);
    expect(Object.isFrozen(matrix.likelihood[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(matrix))).toEqual(matrix);
  });
});
