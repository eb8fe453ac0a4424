import { RiskEngineError } from '../errors/risk-engine-error.js';
import type { RiskBand, RiskMatrix, RiskMatrixOptions, ScaleStep } from './types.js';

// The common 5×5 convention (not from any ISO standard): organisations replace it with their own criteria.
const DEFAULT_LIKELIHOOD: readonly string[] = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const DEFAULT_IMPACT: readonly string[] = ['Insignificant', 'Minor', 'Moderate', 'Major', 'Catastrophic'];
const DEFAULT_BANDS: readonly RiskBand[] = [
  { level: 'Low', min: 1, max: 4 },
  { level: 'Medium', min: 5, max: 9 },
  { level: 'High', min: 10, max: 16 },
  { level: 'Critical', min: 20, max: 25 },
];
const MIN_STEPS = 2;
const MAX_STEPS = 10;

/**
 * Builds the organisation's risk criteria (ISO 31000 §6.3.4; ISO/IEC 42001 clause 6.1.1): a
 * likelihood scale and an impact scale (each step's value is its position, 1 to n), the score of
 * every cell, the rating bands and the risk appetite (the highest acceptable score).
 *
 * A cell scores likelihood × impact, unless `scoring` gives an explicit grid,
 * `grid[likelihood - 1][impact - 1]`. Every score the grid can produce must fall in exactly one
 * band; a range between bands that no cell produces is allowed (on the default 5×5 product no cell
 * scores 17, 18 or 19, so High 10–16 and Critical 20–25 leave no gap). The appetite defaults to
 * the top of the lowest band. The result is frozen plain data, safe to store as JSON.
 *
 * @throws {RiskEngineError} when a scale has fewer than 2 or more than 10 labels, or an empty or
 *   repeated label; when the grid has the wrong shape, a score that is not a finite positive
 *   number, or a score that falls as likelihood or impact rises; when a band has an empty or
 *   repeated level or min > max, bands overlap, or a score the grid produces falls in no band;
 *   when the appetite is not a finite number ≥ 0.
 * @example
 * const matrix = createRiskMatrix();
 * matrix.grid[3]; // [4, 8, 12, 16, 20]
 * matrix.bands.map((band) => band.level); // ['Low', 'Medium', 'High', 'Critical']
 * [matrix.appetite, matrix.maxScore]; // [4, 25]
 *
 * createRiskMatrix({
 *   likelihood: ['Low', 'Medium', 'High'],
 *   impact: ['Low', 'Medium', 'High'],
 *   bands: [{ level: 'Accept', min: 1, max: 3 }, { level: 'Treat', min: 4, max: 9 }],
 * });
 * // { likelihood: [{ value: 1, label: 'Low' }, { value: 2, label: 'Medium' }, { value: 3, label: 'High' }],
 * //   impact: [{ value: 1, label: 'Low' }, { value: 2, label: 'Medium' }, { value: 3, label: 'High' }],
 * //   grid: [[1, 2, 3], [2, 4, 6], [3, 6, 9]],
 * //   bands: [{ level: 'Accept', min: 1, max: 3 }, { level: 'Treat', min: 4, max: 9 }],
 * //   appetite: 3, maxScore: 9 }
 */
export function createRiskMatrix(options: RiskMatrixOptions = {}): RiskMatrix {
  const likelihood = buildScale('likelihood', options.likelihood ?? DEFAULT_LIKELIHOOD);
  const impact = buildScale('impact', options.impact ?? DEFAULT_IMPACT);
  const grid = buildGrid(options.scoring ?? 'product', likelihood.length, impact.length);
  const bands = buildBands(options.bands ?? DEFAULT_BANDS, grid);
  const lowestBand = bands[0] as RiskBand; // buildBands returns at least one band
  const appetite = options.appetite ?? lowestBand.max;
  if (typeof appetite !== 'number' || !Number.isFinite(appetite) || appetite < 0) {
    fail(`appetite must be a finite number ≥ 0, got ${String(appetite)}`);
  }
  return Object.freeze({
    likelihood: Object.freeze(likelihood),
    impact: Object.freeze(impact),
    grid: Object.freeze(grid.map((row) => Object.freeze(row))),
    bands: Object.freeze(bands),
    appetite,
    maxScore: Math.max(...grid.flat()),
  });
}

function fail(message: string): never {
  throw new RiskEngineError(`createRiskMatrix: ${message}`);
}

function buildScale(axis: 'likelihood' | 'impact', labels: readonly string[]): ScaleStep[] {
  if (!Array.isArray(labels)) fail(`${axis} must be an array of ${MIN_STEPS} to ${MAX_STEPS} labels, got ${JSON.stringify(labels)}`);
  if (labels.length < MIN_STEPS || labels.length > MAX_STEPS) {
    fail(`${axis} must have ${MIN_STEPS} to ${MAX_STEPS} labels, got ${labels.length}`);
  }
  const positions = new Map<string, number>();
  return labels.map((label: unknown, index) => {
    const value = index + 1;
    if (typeof label !== 'string' || label.trim() === '') {
      fail(`${axis} label ${value} must be a non-empty string, got ${JSON.stringify(label)}`);
    }
    const earlier = positions.get(label);
    if (earlier !== undefined) fail(`${axis} labels must be unique, got "${label}" at positions ${earlier} and ${value}`);
    positions.set(label, value);
    return Object.freeze({ value, label });
  });
}

function buildGrid(scoring: NonNullable<RiskMatrixOptions['scoring']>, rows: number, columns: number): number[][] {
  if (scoring === 'product') {
    // Each cell scores likelihood × impact.
    return Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (_, column) => (row + 1) * (column + 1)));
  }
  if (typeof scoring !== 'object' || scoring === null || !Array.isArray(scoring.grid)) {
    fail(`scoring must be 'product' or { grid }, got ${JSON.stringify(scoring)}`);
  }
  const source = scoring.grid;
  if (source.length !== rows) fail(`grid must have ${rows} rows, one per likelihood, got ${source.length}`);
  const grid: number[][] = [];
  source.forEach((sourceRow: unknown, row) => {
    if (!Array.isArray(sourceRow) || sourceRow.length !== columns) {
      const given = Array.isArray(sourceRow) ? sourceRow.length : JSON.stringify(sourceRow);
      fail(`grid[${row}] must have ${columns} scores, one per impact, got ${given}`);
    }
    const scores: number[] = [];
    sourceRow.forEach((score: unknown, column) => {
      const cell = `grid[${row}][${column}] (likelihood ${row + 1}, impact ${column + 1})`;
      if (typeof score !== 'number' || !Number.isFinite(score) || score <= 0) {
        fail(`${cell} must be a finite positive number, got ${String(score)}`);
      }
      // A higher impact (the cell to the left) or likelihood (the cell above) never lowers the score.
      const left = scores[column - 1];
      if (left !== undefined && score < left) {
        fail(`${cell} must be at least ${left}, the score for impact ${column}, as a higher impact never lowers the score; got ${score}`);
      }
      const above = grid[row - 1]?.[column];
      if (above !== undefined && score < above) {
        fail(`${cell} must be at least ${above}, the score for likelihood ${row}, as a higher likelihood never lowers the score; got ${score}`);
      }
      scores.push(score);
    });
    grid.push(scores);
  });
  return grid;
}

function buildBands(bands: readonly RiskBand[], grid: readonly (readonly number[])[]): RiskBand[] {
  if (!Array.isArray(bands) || bands.length === 0) {
    fail(`bands must list at least one band, got ${Array.isArray(bands) ? 'none' : JSON.stringify(bands)}`);
  }
  const levels = new Set<string>();
  // Copy only the three fields, so extra fields (a GraphQL __typename, say) stay out of the matrix.
  const copies = bands.map(({ level, min, max }: { level: unknown; min: unknown; max: unknown }, index) => {
    if (typeof level !== 'string' || level.trim() === '') fail(`bands[${index}].level must be a non-empty string, got ${JSON.stringify(level)}`);
    if (levels.has(level)) fail(`band levels must be unique, got "${level}" twice`);
    levels.add(level);
    if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      fail(`band ${level} must have finite min ≤ max, got min ${String(min)}, max ${String(max)}`);
    }
    return Object.freeze({ level, min, max });
  });
  const sorted = copies.sort((a, b) => a.min - b.min);
  sorted.forEach((band, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && band.min <= previous.max) {
      fail(`bands must not overlap, got ${previous.level} (${previous.min}–${previous.max}) and ${band.level} (${band.min}–${band.max})`);
    }
  });
  // A score some cell produces needs a band; a range between bands that no cell produces is no gap.
  grid.forEach((row, rowIndex) =>
    row.forEach((score, columnIndex) => {
      if (!sorted.some((band) => score >= band.min && score <= band.max)) {
        fail(`every score the grid can produce must fall in a band, but ${score} (likelihood ${rowIndex + 1}, impact ${columnIndex + 1}) falls in none`);
      }
    }),
  );
  return sorted;
}
