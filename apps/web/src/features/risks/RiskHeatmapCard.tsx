import { ChartCard, RiskHeatmap, type RiskHeatmapCell } from '@assay/ui';
import type { HeatmapData, RiskMatrixData } from './risks.js';

/**
 * How many risks sit in each cell of the matrix before treatment (inherent) and after it
 * (residual), as the API counts them over the whole register. A risk without a residual rating
 * keeps its inherent one.
 */
export function RiskHeatmapCard({ inherent: inherentMap, residual: residualMap, matrix }: { inherent: HeatmapData; residual: HeatmapData; matrix: RiskMatrixData }) {
  const inherent: readonly RiskHeatmapCell[] = inherentMap.cells;
  const residual: readonly RiskHeatmapCell[] = residualMap.cells;
  const likelihoodLabels = matrix.likelihood.map((step) => step.label);
  const impactLabels = matrix.impact.map((step) => step.label);
  return (
    <ChartCard
      title="Risk heatmap"
      description="Risks in each cell of the matrix, inherent → residual. A risk without a residual rating counts at its inherent rating."
      table={<HeatmapTable inherent={inherent} residual={residual} likelihoodLabels={likelihoodLabels} impactLabels={impactLabels} />}
    >
      {inherentMap.total === 0 ? (
        <p className="assay-empty">No risks to place on the matrix yet.</p>
      ) : (
        <RiskHeatmap
          cells={inherent}
          compare={residual}
          likelihoodLabels={likelihoodLabels}
          impactLabels={impactLabels}
          label={`Heatmap of ${inherentMap.total} risks by likelihood and impact, inherent then residual`}
        />
      )}
    </ChartCard>
  );
}

interface HeatmapTableProps {
  inherent: readonly RiskHeatmapCell[];
  residual: readonly RiskHeatmapCell[];
  likelihoodLabels: readonly string[];
  impactLabels: readonly string[];
}

/** The occupied cells, highest score first: a cell appears when it holds a risk before or after treatment. */
function HeatmapTable({ inherent, residual, likelihoodLabels, impactLabels }: HeatmapTableProps) {
  const residualCount = new Map(residual.map((cell) => [`${cell.likelihood}:${cell.impact}`, cell.count]));
  const rows = inherent
    .map((cell) => ({ ...cell, residual: residualCount.get(`${cell.likelihood}:${cell.impact}`) ?? 0 }))
    .filter((cell) => cell.count > 0 || cell.residual > 0)
    .sort((first, second) => second.score - first.score);
  return (
    <table className="assay-table" aria-label="Risk heatmap as a table">
      <thead>
        <tr>
          <th scope="col">Likelihood</th>
          <th scope="col">Impact</th>
          <th scope="col">Score</th>
          <th scope="col">Level</th>
          <th scope="col">Inherent risks</th>
          <th scope="col">Residual risks</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={6}>No risk sits in any cell.</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={`${row.likelihood}:${row.impact}`}>
              <td>{likelihoodLabels[row.likelihood - 1] ?? row.likelihood}</td>
              <td>{impactLabels[row.impact - 1] ?? row.impact}</td>
              <td>{row.score}</td>
              <td>{row.level}</td>
              <td>{row.count}</td>
              <td>{row.residual}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
