import { ChartCard, LineChart, formatNumber, palette } from '@assay/ui';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { formatDate } from '../../format/format-date.js';
import { oneYearBefore, type RiskTrendPoint, RiskTrendQuery } from './exposure-trend.js';

interface ExposureRow {
  date: string;
  Inherent: number;
  Residual: number;
}

/** The register's total score before and after treatment at the end of each month of the past year. */
export function ExposureTrendChart() {
  // Fixed for the life of the page, so the query's variables do not change between renders.
  const [from] = useState(() => oneYearBefore(new Date()));
  const [{ data, fetching, error }] = useQuery({ query: RiskTrendQuery, variables: { from } });
  const rows = useMemo<ExposureRow[]>(
    () => (data?.riskTrend ?? []).map((point) => ({ date: point.date, Inherent: point.inherent.totalScore, Residual: point.residual.totalScore })),
    [data],
  );

  if (fetching && !data) return <p className="assay-status" role="status">Loading the exposure over time…</p>;
  if (error) return <p className="assay-status" role="alert">The exposure over time could not be loaded: {error.message}</p>;
  const points = data?.riskTrend ?? [];
  return (
    <ChartCard
      title="Exposure over time"
      description={`Total score of the register, inherent and residual, at the end of each month since ${formatDate(from)}.`}
      table={<ExposureTable points={points} />}
    >
      <LineChart
        data={rows}
        index="date"
        categories={['Inherent', 'Residual']}
        colors={[palette.vermillion, palette.blue]}
        dateFormatter={formatDate}
        label={`Line chart of the total score of the register, inherent and residual, on ${rows.length} dates`}
      />
    </ChartCard>
  );
}

function ExposureTable({ points }: { points: readonly RiskTrendPoint[] }) {
  return (
    <table className="assay-table" aria-label="Exposure over time as a table">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Risks</th>
          <th scope="col">Inherent total score</th>
          <th scope="col">Residual total score</th>
          <th scope="col">Above appetite, inherent</th>
          <th scope="col">Above appetite, residual</th>
        </tr>
      </thead>
      <tbody>
        {points.length === 0 ? (
          <tr>
            <td colSpan={6}>No data for this period.</td>
          </tr>
        ) : (
          points.map((point) => (
            <tr key={point.date}>
              <th scope="row">{formatDate(point.date)}</th>
              <td>{formatNumber(point.inherent.risks)}</td>
              <td>{formatNumber(point.inherent.totalScore)}</td>
              <td>{formatNumber(point.residual.totalScore)}</td>
              <td>{formatNumber(point.inherent.aboveAppetite)}</td>
              <td>{formatNumber(point.residual.aboveAppetite)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
