import { BarChart, ChartCard, formatNumber, riskLevelColors, palette } from '@assay/ui';
import type { RiskMatrixData, RiskRow } from './risks.js';

/**
 * The highest-scoring risks (the API sends the top of the register, `total` being its size) as
 * bars of their score, coloured and labelled by level, against the appetite line.
 */
export function RiskScoreChart({ risks, total, matrix }: { risks: RiskRow[]; total: number; matrix: RiskMatrixData }) {
  const shown = risks.length < total ? `The ${risks.length} highest of ${formatNumber(total)} risks: inherent` : 'Inherent';
  return (
    <ChartCard
      title={risks.length < total ? 'Highest risk scores' : 'Risk scores'}
      description={`${shown} score, likelihood × impact on the ${matrix.likelihood.length}×${matrix.impact.length} matrix. Scores above ${matrix.appetite} exceed the risk appetite.`}
      table={<RiskTable risks={risks} />}
    >
      {risks.length === 0 ? (
        <p className="assay-empty">No risks recorded yet.</p>
      ) : (
        <BarChart
          data={risks}
          index="title"
          categories={['score']}
          colorOf={(risk) => riskLevelColors[risk.level] ?? palette.grey}
          maxValue={matrix.maxScore}
          reference={{ value: matrix.appetite, label: `Appetite ${matrix.appetite}` }}
          label={`Bar chart of ${risks.length} risk scores, highest first`}
        />
      )}
      <Legend bands={matrix.bands} />
    </ChartCard>
  );
}

function Legend({ bands }: { bands: RiskMatrixData['bands'] }) {
  return (
    <ul className="assay-legend" aria-label="Risk levels">
      {bands.map((band) => (
        <li key={band.level}>
          <span className="assay-legend__swatch" style={{ background: riskLevelColors[band.level] ?? palette.grey }} aria-hidden="true" />
          {band.level} ({band.min}–{band.max})
        </li>
      ))}
    </ul>
  );
}

function RiskTable({ risks }: { risks: RiskRow[] }) {
  return (
    <table className="assay-table" aria-label="Risk scores as a table">
      <thead>
        <tr>
          <th scope="col">Risk</th>
          <th scope="col">Likelihood</th>
          <th scope="col">Impact</th>
          <th scope="col">Score</th>
          <th scope="col">Level</th>
          <th scope="col">Within appetite</th>
        </tr>
      </thead>
      <tbody>
        {risks.map((risk) => (
          <tr key={risk.id}>
            <th scope="row">{risk.title}</th>
            <td>{risk.likelihood}</td>
            <td>{risk.impact}</td>
            <td>{risk.score}</td>
            <td>{risk.level}</td>
            <td>{risk.withinAppetite ? 'Yes' : 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
