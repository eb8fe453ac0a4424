import { ChartCard } from '@assay/ui';
import { useQuery } from 'urql';
import { formatDate } from '../../format/format-date.js';
import { CertificationOutlookQuery, STAGE_LABELS, STATUS_LABELS, type StageProjection } from './certification.js';

const DAY_MS = 86_400_000;
const MAX_TICKS = 6;
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

interface TimelineStage extends StageProjection {
  actualEnd: string | null;
}

/** Each certification stage's projected end (P50, with P80 and P95) against its planned end. */
export function CertificationTimeline() {
  const [{ data, fetching, error }] = useQuery({ query: CertificationOutlookQuery });

  if (fetching && !data) return <p className="assay-status" role="status">Loading the certification projection…</p>;
  if (error || !data) return <p className="assay-status" role="alert">The certification projection could not be loaded: {error?.message ?? 'no data'}</p>;
  const projection = data.certificationProjection;
  const actualEnds = new Map(data.certificationPlan.stages.map((stage) => [stage.stage, stage.actualEnd]));
  const stages: TimelineStage[] = projection.stages.map((stage) => ({ ...stage, actualEnd: actualEnds.get(stage.stage) ?? null }));
  const basis = projection.basis === 'history' ? "the organisation's weekly pace of implementing controls" : 'typical durations (no completion history yet)';
  const critical = projection.criticalStage ? ` ${STAGE_LABELS[projection.criticalStage]} adds most to the uncertainty.` : '';
  return (
    <ChartCard
      title="Certification timeline"
      description={`Projected end of each stage as of ${formatDate(projection.asOf)}, from ${basis}. Certification decision: P50 ${formatDate(projection.certificationDate.p50)}, P80 ${formatDate(projection.certificationDate.p80)}.${critical}`}
      table={<StageTable stages={stages} />}
    >
      {stages.length === 0 ? (
        <p className="assay-empty">No certification stages are planned yet.</p>
      ) : (
        <>
          <Timeline stages={stages} asOf={projection.asOf} />
          <TimelineLegend />
        </>
      )}
      <p className="assay-muted assay-caption">{projection.note}</p>
    </ChartCard>
  );
}

/** A row per stage on a shared date axis: dot at P50, bar to P80, line to P95, diamond at the planned end. */
function Timeline({ stages, asOf }: { stages: readonly TimelineStage[]; asOf: string }) {
  const dates = [asOf, ...stages.flatMap((stage) => [stage.projected.p50, stage.projected.p95, stage.plannedEnd, stage.actualEnd])].filter((date): date is string => date !== null);
  const times = dates.map((date) => Date.parse(date)).filter((time) => !Number.isNaN(time));
  const first = Math.min(...times);
  // A span of at least a month, so one date alone still has room on the axis.
  const last = Math.max(...times, first + 30 * DAY_MS);
  const at = (date: string) => `${((Date.parse(date) - first) / (last - first)) * 100}%`;
  const span = (from: string, to: string) => `${Math.max(0, ((Date.parse(to) - Date.parse(from)) / (last - first)) * 100)}%`;
  const final = stages.at(-1);
  const label = `Timeline of ${stages.length} certification stages${final ? `; ${STAGE_LABELS[final.stage]} projected for ${formatDate(final.projected.p50)} (P50)` : ''}`;
  return (
    <div role="img" aria-label={label} className="assay-timeline">
      {stages.map((stage) => {
        const done = stage.status === 'DONE';
        return (
          <div key={stage.stage} className="assay-timeline__row" data-stage={stage.stage}>
            <div className="assay-timeline__label">{STAGE_LABELS[stage.stage]}</div>
            <div className="assay-timeline__track">
              <span className="assay-timeline__today" style={{ left: at(asOf) }} />
              {done ? null : (
                <>
                  <span className="assay-timeline__whisker" style={{ left: at(stage.projected.p50), width: span(stage.projected.p50, stage.projected.p95) }} />
                  <span className="assay-timeline__range" style={{ left: at(stage.projected.p50), width: span(stage.projected.p50, stage.projected.p80) }} />
                </>
              )}
              <span className={done ? 'assay-timeline__p50 assay-timeline__p50--done' : 'assay-timeline__p50'} style={{ left: at(stage.actualEnd ?? stage.projected.p50) }} />
              {stage.plannedEnd ? <span className="assay-timeline__planned" style={{ left: at(stage.plannedEnd) }} title={`Planned end ${formatDate(stage.plannedEnd)}`} /> : null}
            </div>
            <div className="assay-timeline__value">{done ? `Done ${formatDate(stage.actualEnd ?? stage.projected.p50)}` : formatDate(stage.projected.p50)}</div>
          </div>
        );
      })}
      <div className="assay-timeline__row assay-timeline__axis" aria-hidden="true">
        <div className="assay-timeline__label" />
        <div className="assay-timeline__track">
          {monthTicks(first, last).map((tick) => (
            <span key={tick} className="assay-timeline__tick" style={{ left: `${((tick - first) / (last - first)) * 100}%` }}>
              {monthYear.format(tick)}
            </span>
          ))}
        </div>
        <div className="assay-timeline__value" />
      </div>
    </div>
  );
}

/** First days of months between two times, thinned to at most MAX_TICKS. */
function monthTicks(first: number, last: number): number[] {
  const start = new Date(first);
  const months: number[] = [];
  for (let month = start.getUTCMonth() + 1, year = start.getUTCFullYear(); ; month += 1) {
    const time = Date.UTC(year, month, 1);
    if (time > last) break;
    months.push(time);
  }
  const step = Math.max(1, Math.ceil(months.length / MAX_TICKS));
  return months.filter((_, position) => position % step === 0);
}

function TimelineLegend() {
  return (
    <ul className="assay-legend" aria-label="Timeline key">
      <li>
        <span className="assay-timeline__key assay-timeline__key--p50" aria-hidden="true" /> P50 projected end (as likely early as late)
      </li>
      <li>
        <span className="assay-timeline__key assay-timeline__key--range" aria-hidden="true" /> to P80
      </li>
      <li>
        <span className="assay-timeline__key assay-timeline__key--whisker" aria-hidden="true" /> to P95
      </li>
      <li>
        <span className="assay-timeline__key assay-timeline__key--planned" aria-hidden="true" /> Planned end
      </li>
      <li>
        <span className="assay-timeline__key assay-timeline__key--done" aria-hidden="true" /> Done
      </li>
      <li>
        <span className="assay-timeline__key assay-timeline__key--today" aria-hidden="true" /> Today
      </li>
    </ul>
  );
}

function StageTable({ stages }: { stages: readonly TimelineStage[] }) {
  return (
    <table className="assay-table" aria-label="Certification timeline as a table">
      <thead>
        <tr>
          <th scope="col">Stage</th>
          <th scope="col">Status</th>
          <th scope="col">Planned end</th>
          <th scope="col">Actual end</th>
          <th scope="col">Projected end P50</th>
          <th scope="col">P80</th>
          <th scope="col">P95</th>
        </tr>
      </thead>
      <tbody>
        {stages.length === 0 ? (
          <tr>
            <td colSpan={7}>No stages to list.</td>
          </tr>
        ) : (
          stages.map((stage) => (
            <tr key={stage.stage}>
              <th scope="row">{STAGE_LABELS[stage.stage]}</th>
              <td>{STATUS_LABELS[stage.status]}</td>
              <td>{formatDate(stage.plannedEnd)}</td>
              <td>{formatDate(stage.actualEnd)}</td>
              <td>{formatDate(stage.projected.p50)}</td>
              <td>{formatDate(stage.projected.p80)}</td>
              <td>{formatDate(stage.projected.p95)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
