import { formatNumber } from '@assay/ui';
import { useQuery } from 'urql';
import type { Viewer } from '../features/auth/viewer.js';
import { CertificationOutlookQuery, ReadinessQuery } from '../features/certification/certification.js';
import { CertificationTimeline } from '../features/certification/CertificationTimeline.js';
import { OpenFairnessAlertsQuery } from '../features/fairness/fairness.js';
import { FairnessOverTime } from '../features/fairness/FairnessOverTime.js';
import { ExposureTrendChart } from '../features/risks/ExposureTrendChart.js';
import { RiskHeatmapCard } from '../features/risks/RiskHeatmapCard.js';
import { RiskScoreChart } from '../features/risks/RiskScoreChart.js';
import { ControlBurnUpChart } from '../features/soa/ControlBurnUpChart.js';
import { ControlProgressChart } from '../features/soa/ControlProgressChart.js';
import { ControlProgressQuery } from '../features/soa/soa.js';
import { exposureChange, LastReviewQuery, ResidualSinceQuery } from '../features/risks/exposure-since-review.js';
import { RiskOverviewQuery } from '../features/risks/risks.js';
import { OPEN_STATUSES, registerHref } from '../features/risks/register-url.js';
import { formatDate } from '../format/format-date.js';
import { formatPercent } from '../format/format-percent.js';
import { graphql } from '../gql/index.js';
import { Link } from '../router.js';

/** The management-review overview: headline figures, risk, fairness and certification charts. */
export function OverviewPage({ viewer }: { viewer: Viewer }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: RiskOverviewQuery });
  // The API sums up the whole register; the page only reads its figures.
  const exposure = data?.inherent.exposure ?? null;

  if (fetching && !data) return <p className="assay-status" role="status">Loading the risk register…</p>;
  if (error || !data || !exposure) {
    return (
      <div className="assay-status" role="alert">
        <p>The risk register could not be loaded: {error?.message ?? 'no data'}</p>
        <button type="button" className="assay-button" onClick={() => refetch({ requestPolicy: 'network-only' })}>Try again</button>
      </div>
    );
  }
  return (
    <>
      <h1 className="assay-page-title">Overview of {viewer.organisation.name}</h1>
      <section className="assay-tiles" aria-label="Headline figures">
        <Tile label="Risks in the register" value={formatNumber(exposure.risks)} to={registerHref({})} />
        <Tile label="Open high and critical risks" value={formatNumber(data.openHighAndCritical.totalCount)} to={registerHref({ levels: ['High', 'Critical'], statuses: OPEN_STATUSES })} />
        <ResidualExposureTile current={data.residual.exposure.totalScore} />
        <Tile label="Above risk appetite" value={formatNumber(exposure.aboveAppetite)} to={registerHref({ appetite: 'above' })} />
        <Tile label="Mean inherent score" value={formatNumber(exposure.meanScore, { maximumFractionDigits: 1 })} />
        <ControlsImplementedTile />
        <OverdueActionsTile />
        <OpenFairnessAlertsTile />
        <CertificationDateTiles />
        <ReadinessTile />
      </section>
      <div className="assay-grid">
        <RiskScoreChart risks={data.risks.nodes} total={data.risks.totalCount} matrix={data.riskMatrix} />
        <ControlProgressChart />
        <ControlBurnUpChart />
        <RiskHeatmapCard inherent={data.inherent} residual={data.residual} matrix={data.riskMatrix} />
        <ExposureTrendChart />
        <FairnessOverTime />
        <CertificationTimeline />
      </div>
    </>
  );
}

/** Residual exposure (the sum of residual scores) now, and how it moved since the last management review. */
function ResidualExposureTile({ current }: { current: number }) {
  const [review] = useQuery({ query: LastReviewQuery });
  const heldOn = review.data?.managementReviews.nodes[0]?.heldOn ?? null;
  const [trend] = useQuery({ query: ResidualSinceQuery, variables: { from: heldOn ?? '' }, pause: heldOn === null });
  const change = trend.data ? exposureChange(trend.data.riskTrend) : null;
  let note: string | undefined;
  if (review.data && heldOn === null) note = 'No management review recorded yet';
  else if (change) {
    const direction = change.change < 0 ? 'down' : change.change > 0 ? 'up' : 'unchanged';
    const amount = change.change === 0 ? '' : ` ${formatNumber(Math.abs(change.change))}${change.share === null ? '' : ` (${formatPercent(Math.abs(change.share))})`}`;
    note = `${direction === 'unchanged' ? 'Unchanged' : direction === 'down' ? 'Down' : 'Up'}${amount} since the review of ${formatDate(change.since)}`;
  } else if (trend.error ?? review.error) note = `Change since the last review could not be loaded: ${(trend.error ?? review.error)!.message}`;
  return <Tile label="Residual exposure (sum of residual scores)" value={formatNumber(current)} {...(note ? { note } : {})} />;
}

/** Applicable Annex A controls implemented or verified, of all applicable ones. */
function ControlsImplementedTile() {
  const [{ data, fetching, error }] = useQuery({ query: ControlProgressQuery });
  return (
    <Tile
      label="Applicable controls implemented"
      {...tileState(fetching && !data, error, () => {
        const applicable = (data?.controls.nodes ?? []).filter((row) => row.applicable);
        const done = applicable.filter((row) => row.implementationStatus === 'IMPLEMENTED' || row.implementationStatus === 'VERIFIED').length;
        return `${formatNumber(done)} of ${formatNumber(applicable.length)}`;
      })}
    />
  );
}

function OverdueActionsTile() {
  const [{ data, fetching, error }] = useQuery({ query: OverdueActionsQuery });
  return <Tile label="Overdue corrective actions" {...tileState(fetching && !data, error, () => formatNumber(data?.correctiveActions.totalCount))} />;
}

const OverdueActionsQuery = graphql(`
  query OverdueActions {
    correctiveActions(filter: { overdue: true }, first: 1) {
      totalCount
    }
  }
`);

function OpenFairnessAlertsTile() {
  const [{ data, fetching, error }] = useQuery({ query: OpenFairnessAlertsQuery });
  return <Tile label="Open fairness alerts" {...tileState(fetching && !data, error, () => formatNumber(data?.findings.totalCount))} />;
}

function CertificationDateTiles() {
  const [{ data, fetching, error }] = useQuery({ query: CertificationOutlookQuery });
  const date = data?.certificationProjection.certificationDate;
  const loading = fetching && !data;
  return (
    <>
      <Tile label="Projected certification date (P50)" compact {...tileState(loading, error, () => formatDate(date?.p50))} />
      <Tile label="80% sure of certification by (P80)" compact {...tileState(loading, error, () => formatDate(date?.p80))} />
    </>
  );
}

function ReadinessTile() {
  const [{ data, fetching, error }] = useQuery({ query: ReadinessQuery });
  return <Tile label="Overall readiness" {...tileState(fetching && !data, error, () => formatPercent(data?.readiness.overall))} />;
}

interface TileProps {
  label: string;
  value: string;
  /** The tile's query is still running. */
  busy?: boolean;
  /** Why the value could not be shown. */
  problem?: string;
  /** A smaller value, for text such as a date. */
  compact?: boolean;
  /** A line under the label, such as the change since the last review. */
  note?: string;
  /** The address of the records the value counts, such as the register filtered to them. */
  to?: string;
}

/** A tile's props while its query loads (an ellipsis), after it failed (a dash and why), or once answered. */
function tileState(loading: boolean, error: { message: string } | undefined, value: () => string): Omit<TileProps, 'label'> {
  if (loading) return { value: '…', busy: true };
  if (error) return { value: '–', problem: `Could not be loaded: ${error.message}` };
  return { value: value() };
}

function Tile({ label, value, busy = false, problem, compact = false, note, to }: TileProps) {
  return (
    <div className="assay-tile" aria-busy={busy || undefined}>
      <div className={compact ? 'assay-tile__value assay-tile__value--compact' : 'assay-tile__value'}>
        {to === undefined ? value : <Link to={to} className="assay-tile__link" aria-label={`${value} ${label.toLowerCase()}: list them`}>{value}</Link>}
      </div>
      <div className="assay-tile__label">{label}</div>
      {note ? <div className="assay-tile__note">{note}</div> : null}
      {problem ? <div className="assay-tile__problem">{problem}</div> : null}
    </div>
  );
}
