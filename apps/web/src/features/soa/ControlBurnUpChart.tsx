import { ChartCard, LineChart, formatNumber, palette } from '@assay/ui';
import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { formatDate } from '../../format/format-date.js';
import { type BurnUpPoint, controlBurnUp } from './control-burn-up.js';
import { ControlProgressQuery, progressByObjective } from './soa.js';

interface BurnUpRow {
  date: string;
  Implemented: number | null;
  'Planned (due dates)': number;
  'Applicable controls': number;
}

/** The implementation burn-up of the applicable Annex A controls, of all objectives or of one. */
export function ControlBurnUpChart({ today = new Date().toISOString().slice(0, 10) }: { today?: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ControlProgressQuery });
  const [objective, setObjective] = useState<string | null>(null);
  const selectId = useId();
  const controls = data?.controls.nodes;
  const objectives = useMemo(() => (controls ? progressByObjective(controls).filter((entry) => entry.applicable > 0) : []), [controls]);
  const points = useMemo(() => (controls ? controlBurnUp(controls, objective, today) : []), [controls, objective, today]);
  const rows = useMemo<BurnUpRow[]>(
    () => points.map((point) => ({ date: point.date, Implemented: point.implemented, 'Planned (due dates)': point.planned, 'Applicable controls': point.scope })),
    [points],
  );

  if (fetching && !data) return <p className="assay-status" role="status">Loading the control burn-up…</p>;
  if (error) return <p className="assay-status" role="alert">The control burn-up could not be loaded: {error.message}</p>;
  const chosen = objectives.find((entry) => entry.objective === objective);
  const scope = chosen ? `${chosen.objective} ${chosen.title}` : 'all Annex A objectives';
  const latest = points.at(-1);
  return (
    <ChartCard
      title="Annex A control implementation burn-up"
      description={
        latest
          ? `Applicable controls implemented (or verified) against those due, at the end of each month, for ${scope}: ${formatNumber(points.findLast((point) => point.implemented !== null)?.implemented ?? 0)} of ${formatNumber(latest.scope)} implemented now, ${formatNumber(latest.planned)} due by ${formatDate(latest.date)}.`
          : `No applicable control of ${scope} has an implementation or due date yet.`
      }
      table={<BurnUpTable points={points} scope={scope} />}
    >
      <div className="assay-chart-filter">
        <label htmlFor={selectId}>Objective</label>
        <select id={selectId} value={objective ?? ''} onChange={(event) => setObjective(event.target.value === '' ? null : event.target.value)}>
          <option value="">All objectives</option>
          {objectives.map((entry) => (
            <option key={entry.objective} value={entry.objective}>
              {entry.objective} {entry.title}
            </option>
          ))}
        </select>
      </div>
      <LineChart
        data={rows}
        index="date"
        categories={['Implemented', 'Planned (due dates)', 'Applicable controls']}
        colors={[palette.blue, palette.orange, palette.grey]}
        dateFormatter={formatDate}
        label={`Line chart of the applicable controls implemented, planned and in scope for ${scope}, at ${rows.length} month ends`}
      />
    </ChartCard>
  );
}

function BurnUpTable({ points, scope }: { points: readonly BurnUpPoint[]; scope: string }) {
  return (
    <table className="assay-table" aria-label="Control implementation burn-up as a table">
      <caption className="assay-visually-hidden">Controls of {scope}</caption>
      <thead>
        <tr>
          <th scope="col">Month end</th>
          <th scope="col">Implemented</th>
          <th scope="col">Planned (due dates)</th>
          <th scope="col">Applicable controls</th>
        </tr>
      </thead>
      <tbody>
        {points.length === 0 ? (
          <tr>
            <td colSpan={4}>No dates recorded yet.</td>
          </tr>
        ) : (
          points.map((point) => (
            <tr key={point.date}>
              <th scope="row">{formatDate(point.date)}</th>
              <td>{point.implemented === null ? '–' : formatNumber(point.implemented)}</td>
              <td>{formatNumber(point.planned)}</td>
              <td>{formatNumber(point.scope)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
