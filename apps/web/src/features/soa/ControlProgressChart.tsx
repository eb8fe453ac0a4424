import { BarChart, ChartCard, formatNumber, palette } from '@assay/ui';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { ControlProgressQuery, progressByObjective } from './soa.js';

const percent = (value: number) => formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });

/** Share of applicable Annex A controls implemented, per objective, from the Statement of Applicability. */
export function ControlProgressChart() {
  const [{ data, fetching, error }] = useQuery({ query: ControlProgressQuery });
  const progress = useMemo(() => (data ? progressByObjective(data.controls.nodes) : []), [data]);
  const totals = progress.reduce((sum, entry) => ({ done: sum.done + entry.done, applicable: sum.applicable + entry.applicable }), { done: 0, applicable: 0 });

  if (fetching && !data) return <p className="assay-status" role="status">Loading the Statement of Applicability…</p>;
  if (error) return <p className="assay-status" role="alert">The Statement of Applicability could not be loaded: {error.message}</p>;
  return (
    <ChartCard
      title="Annex A controls implemented"
      description={`${totals.done} of ${totals.applicable} applicable controls implemented or verified, by objective.`}
      table={<ProgressTable progress={progress} />}
    >
      <BarChart
        data={progress.map((entry) => ({ ...entry, label: `${entry.objective} ${entry.title}`, share: entry.share ?? 0 }))}
        index="label"
        categories={['share']}
        colors={[palette.blue]}
        maxValue={1}
        allowDecimals
        valueFormatter={percent}
        label={`Bar chart of the share of controls implemented for ${progress.length} Annex A objectives`}
      />
    </ChartCard>
  );
}

function ProgressTable({ progress }: { progress: ReturnType<typeof progressByObjective> }) {
  return (
    <table className="assay-table" aria-label="Annex A controls implemented as a table">
      <thead>
        <tr>
          <th scope="col">Objective</th>
          <th scope="col">Implemented</th>
          <th scope="col">Applicable</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {progress.map((entry) => (
          <tr key={entry.objective}>
            <th scope="row">
              {entry.objective} {entry.title}
            </th>
            <td>{entry.done}</td>
            <td>{entry.applicable}</td>
            <td>{entry.share === null ? '–' : percent(entry.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
