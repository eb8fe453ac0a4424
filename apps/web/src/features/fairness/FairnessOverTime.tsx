import { ChartCard, LineChart, type LineChartMarker, formatNumber } from '@assay/ui';
import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { formatDate } from '../../format/format-date.js';
import { isoDateAddDays } from '../../format/iso-date-add-days.js';
import {
  fairnessCaption,
  type FairnessPoint,
  type FairnessThresholdRow,
  FairnessThresholdsQuery,
  type FairnessTrend,
  FairnessTrendQuery,
  METRIC_LABELS,
  metricFormatter,
  thresholdLabel,
} from './fairness.js';
import { Link } from '../../router.js';
import { watchlist } from './watchlist.js';

/**
 * The metric over time against its threshold, one chart per threshold: those beyond their line
 * in the latest window first, then the nearest to it, at most OVERVIEW_FAIRNESS_CHARTS, and a line
 * counting the rest.
 */
export function FairnessOverTime() {
  const [{ data, fetching, error }] = useQuery({ query: FairnessThresholdsQuery });
  const headingId = useId();

  if (fetching && !data) return <p className="assay-status" role="status">Loading the fairness thresholds…</p>;
  if (error) return <p className="assay-status" role="alert">The fairness thresholds could not be loaded: {error.message}</p>;
  const thresholds = data?.fairnessThresholds ?? [];
  if (thresholds.length === 0) {
    return (
      <section className="assay-card" aria-labelledby={headingId}>
        <h2 id={headingId} className="assay-card__title">Fairness over time</h2>
        <p className="assay-empty">No fairness thresholds are set, so no fairness metric is monitored yet.</p>
      </section>
    );
  }
  const { shown, total, breached } = watchlist(thresholds);
  return (
    <>
      {total > shown.length && (
        <p className="assay-card assay-fairness-summary">
          {formatNumber(total)} models&apos; fairness is monitored; {breached === 0 ? 'none is beyond its threshold' : `${formatNumber(breached)} ${breached === 1 ? 'is beyond its threshold' : 'are beyond theirs'}`} in
          the latest window. Charted here: the {shown.length} {breached > 0 ? 'furthest beyond or nearest to' : 'nearest to'} their line. Each model&apos;s own trend is on its page
          under <Link to="/ai-systems">AI systems</Link>.
        </p>
      )}
      {shown.map((threshold) => (
        <FairnessTrendCard key={threshold.id} threshold={threshold} />
      ))}
    </>
  );
}

type PointRow = Record<string, string | number | null>;

const BAND_LABEL = '95% interval';

/** The metric of one threshold over its windows, with its interval, the threshold line and the shifts CUSUM found. */
export function FairnessTrendCard({ threshold }: { threshold: FairnessThresholdRow }) {
  const variables = {
    aiSystemId: threshold.aiSystem.id,
    metric: threshold.metric,
    attribute: threshold.attribute,
    privilegedGroup: threshold.privilegedGroup,
    minGroupSize: threshold.minGroupSize,
    threshold: threshold.value,
    thresholdDirection: threshold.direction,
  };
  const [{ data, fetching, error }] = useQuery({ query: FairnessTrendQuery, variables });
  const metricLabel = METRIC_LABELS[threshold.metric] ?? threshold.metric;
  const title = `Fairness over time: ${threshold.aiSystem.name}`;
  const subject = `${metricLabel} by ${threshold.attribute}${threshold.privilegedGroup ? `, privileged group ${threshold.privilegedGroup}` : ''}`;
  const trend = data?.fairnessTrend;
  const rows = useMemo<PointRow[]>(
    () => (trend?.points ?? []).map((point) => ({ start: point.start, [metricLabel]: point.value, lower: point.lower, upper: point.upper })),
    [trend, metricLabel],
  );
  const markers = useMemo(() => (trend ? markersOf(trend) : []), [trend]);

  if (fetching && !data) return <p className="assay-status" role="status">Loading {subject} for {threshold.aiSystem.name}…</p>;
  if (error || !trend) {
    return (
      <p className="assay-status" role="alert">
        {subject} for {threshold.aiSystem.name} could not be loaded: {error?.message ?? 'no data'}
      </p>
    );
  }
  const format = metricFormatter(threshold.metric);
  return (
    <ChartCard title={title} description={`${subject}, per monitoring window. ${fairnessCaption(trend, threshold.metric)}`} table={<PointTable points={trend.points} metricLabel={metricLabel} format={format} />}>
      <LineChart
        data={rows}
        index="start"
        categories={[metricLabel]}
        band={{ lower: 'lower', upper: 'upper', label: BAND_LABEL }}
        reference={{ value: threshold.value, label: thresholdLabel(threshold.metric, threshold.value) }}
        markers={markers}
        valueFormatter={(value) => format(value)}
        dateFormatter={formatDate}
        label={`Line chart of ${subject} for ${threshold.aiSystem.name} over ${trend.points.length} windows, against the threshold ${format(threshold.value)}`}
      />
    </ChartCard>
  );
}

/** A marker at the start of each shift, placed on the window where it began. */
function markersOf(trend: FairnessTrend): LineChartMarker[] {
  const starts = new Set(trend.points.map((point) => point.start));
  return trend.changePoints.filter((change) => starts.has(change.startDate)).map((change) => ({ x: change.startDate, label: `Shift ${change.direction}` }));
}

function PointTable({ points, metricLabel, format }: { points: readonly FairnessPoint[]; metricLabel: string; format: (value: number | null) => string }) {
  return (
    <table className="assay-table" aria-label={`${metricLabel} per window as a table`}>
      <thead>
        <tr>
          <th scope="col">First day</th>
          <th scope="col">Last day</th>
          <th scope="col">{metricLabel}</th>
          <th scope="col">{BAND_LABEL}</th>
          <th scope="col">Rows</th>
        </tr>
      </thead>
      <tbody>
        {points.length === 0 ? (
          <tr>
            <td colSpan={5}>No monitoring windows recorded yet.</td>
          </tr>
        ) : (
          points.map((point) => (
            <tr key={point.start}>
              <th scope="row">{formatDate(point.start)}</th>
              {/* The API's end is the day after the window's last day. */}
              <td>{formatDate(isoDateAddDays(point.end, -1))}</td>
              <td>{format(point.value)}</td>
              <td>{point.lower === null || point.upper === null ? '–' : `${format(point.lower)} – ${format(point.upper)}`}</td>
              <td>{formatNumber(point.n)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
