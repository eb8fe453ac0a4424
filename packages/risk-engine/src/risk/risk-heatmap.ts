import { createRiskMatrix } from './create-risk-matrix.js';
import { scoreCell } from './score-cell.js';
import type { HeatmapCell, RiskHeatmap, RiskMatrix, RiskRating } from './types.js';

/**
 * Counts the risks in each cell of the matrix, for a heatmap. Every cell is listed, row-major by
 * likelihood then impact, with its score, band and count (0 included), so a chart needs no gap
 * filling; `maxCount` is the largest count, for scaling colours. Cost: O(risks + cells).
 *
 * @throws {RiskEngineError} when a risk's likelihood or impact is not an integer on the matrix's
 *   scale, e.g. `riskHeatmap: risks[0].impact must be an integer from 1 to 5, got 6`.
 * @example
 * const heatmap = riskHeatmap([{ likelihood: 4, impact: 5 }, { likelihood: 4, impact: 5 }, { likelihood: 1, impact: 1 }]);
 * heatmap.cells.length; // 25
 * heatmap.cells[0]; // { likelihood: 1, impact: 1, score: 1, level: 'Low', count: 1 }
 * heatmap.cells[19]; // { likelihood: 4, impact: 5, score: 20, level: 'Critical', count: 2 }
 * [heatmap.total, heatmap.maxCount]; // [3, 2]
 */
export function riskHeatmap(risks: readonly RiskRating[], matrix: RiskMatrix = createRiskMatrix()): RiskHeatmap {
  const columns = matrix.impact.length;
  // counts[(likelihood − 1) × columns + (impact − 1)]: the same row-major order as the cells.
  const counts = new Array<number>(matrix.likelihood.length * columns).fill(0);
  risks.forEach((risk, index) => {
    const { likelihood, impact } = scoreCell('riskHeatmap', `risks[${index}].`, risk, matrix);
    const position = (likelihood - 1) * columns + (impact - 1);
    counts[position] = (counts[position] ?? 0) + 1;
  });
  const cells: HeatmapCell[] = [];
  for (const { value: likelihood } of matrix.likelihood) {
    for (const { value: impact } of matrix.impact) {
      const { score, level } = scoreCell('riskHeatmap', '', { likelihood, impact }, matrix);
      const count = counts[(likelihood - 1) * columns + (impact - 1)] ?? 0;
      cells.push(Object.freeze({ likelihood, impact, score, level, count }));
    }
  }
  return Object.freeze({ cells: Object.freeze(cells), total: risks.length, maxCount: Math.max(0, ...counts) });
}
