import { ChartCard, formatNumber, ScoreHistoryChart } from '@assay/ui';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { canEditRisks, type LinkedControl, type RiskAssessmentRow, type RiskDetail, RiskDetailQuery, STATUS_LABELS, TREATMENT_LABELS } from '../features/risks/register.js';
import { formatDate } from '../format/format-date.js';
import type { PageProps } from '../routes.js';
import { Link } from '../router.js';
import { ScoreBadge } from './RiskRegisterPage.js';

const IMPLEMENTATION_LABELS: Record<string, string> = {
  NOT_STARTED: 'Not started',
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  IMPLEMENTED: 'Implemented',
  VERIFIED: 'Verified',
};

/** One risk: its details, inherent and residual rating, score history and the controls that treat it. */
export function RiskDetailPage({ viewer, params }: PageProps) {
  const id = params.id ?? '';
  const [{ data, fetching, error }, refetch] = useQuery({ query: RiskDetailQuery, variables: { id } });
  if (fetching && !data) return <p className="assay-status" role="status">Loading the risk…</p>;
  if (error) {
    return (
      <div className="assay-status" role="alert">
        <p>The risk could not be loaded: {error.message}</p>
        <button type="button" className="assay-button" onClick={() => refetch({ requestPolicy: 'network-only' })}>Try again</button>
      </div>
    );
  }
  const risk = data?.risk;
  if (!data || !risk) {
    return (
      <div className="assay-status">
        <h1 className="assay-page-title">Risk not found</h1>
        <p>Your organisation has no risk with the id {id}.</p>
        <Link to="/risks">Back to the risk register</Link>
      </div>
    );
  }
  const linked = risk.controlIds.map((controlId) => ({ controlId, entry: data.controls.nodes.find((node) => node.controlId === controlId) }));
  return (
    <article className="assay-risk">
      <p className="assay-breadcrumb">
        <Link to="/risks">Risk register</Link>
      </p>
      <div className="assay-page-header">
        <h1 className="assay-page-title">{risk.title}</h1>
        {canEditRisks(viewer.role) ? (
          <Link to={`/risks/${encodeURIComponent(risk.id)}/edit`} className="assay-button">
            Edit risk
          </Link>
        ) : null}
      </div>
      {risk.reassessmentReason ? (
        <p className="assay-notice" role="note">
          Awaiting re-assessment: {risk.reassessmentReason}
        </p>
      ) : null}
      <section className="assay-tiles" aria-label="Ratings">
        <div className="assay-tile">
          <div className="assay-tile__value"><ScoreBadge score={risk.score} level={risk.level} /></div>
          <div className="assay-tile__label">
            Inherent score: likelihood {formatNumber(risk.likelihood)} × impact {formatNumber(risk.impact)}; {risk.withinAppetite ? 'within' : 'above'} the appetite of {formatNumber(data.riskMatrix.appetite)}
          </div>
        </div>
        <div className="assay-tile">
          <div className="assay-tile__value">{risk.residualScore === null ? '–' : <ScoreBadge score={risk.residualScore} level={risk.residualLevel ?? ''} />}</div>
          <div className="assay-tile__label">
            {risk.residualScore === null
              ? 'Residual score: no rating after treatment yet'
              : `Residual score: likelihood ${formatNumber(risk.residualLikelihood)} × impact ${formatNumber(risk.residualImpact)}`}
          </div>
        </div>
      </section>
      <Details risk={risk} />
      <div className="assay-grid">
        <ScoreHistory assessments={risk.assessments} maxScore={data.riskMatrix.maxScore} appetite={data.riskMatrix.appetite} />
        <section className="assay-card" aria-labelledby="linked-controls">
          <h2 id="linked-controls" className="assay-card__title">Linked controls</h2>
          {linked.length === 0 ? (
            <p className="assay-empty">No Annex A control is linked to this risk yet.</p>
          ) : (
            <table className="assay-table">
              <thead>
                <tr>
                  <th scope="col">Control</th>
                  <th scope="col">Title</th>
                  <th scope="col">Applicable</th>
                  <th scope="col">Implementation</th>
                </tr>
              </thead>
              <tbody>
                {linked.map(({ controlId, entry }) => (
                  <LinkedControlRow key={controlId} controlId={controlId} entry={entry} />
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </article>
  );
}

function LinkedControlRow({ controlId, entry }: { controlId: string; entry: LinkedControl | undefined }) {
  return (
    <tr>
      <th scope="row">{controlId}</th>
      <td>{entry?.control.title ?? '–'}</td>
      <td>{entry ? (entry.applicable ? 'Yes' : 'No') : '–'}</td>
      <td>{entry ? (IMPLEMENTATION_LABELS[entry.implementationStatus] ?? entry.implementationStatus) : '–'}</td>
    </tr>
  );
}

function Details({ risk }: { risk: RiskDetail }) {
  const items: [string, string][] = [
    ['AI system', risk.aiSystem?.name ?? '–'],
    ['Status', STATUS_LABELS[risk.status] ?? risk.status],
    ['Treatment', risk.treatment ? TREATMENT_LABELS[risk.treatment] : 'Not decided'],
    ['Owner', risk.owner ?? '–'],
    ['Next review', formatDate(risk.reviewDate)],
    ['Objective (Annex C.2)', risk.objective ?? '–'],
    ['Risk source (Annex C.3)', risk.source ?? '–'],
    ['Last changed', formatDate(risk.updatedAt)],
  ];
  return (
    <section className="assay-card assay-risk__details" aria-label="Details">
      {risk.description ? <p>{risk.description}</p> : <p className="assay-muted">No description.</p>}
      <dl className="assay-figures">
        {items.map(([term, value]) => (
          <div key={term} className="assay-figures__item">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ScoreHistory({ assessments, maxScore, appetite }: { assessments: RiskAssessmentRow[]; maxScore: number; appetite: number }) {
  const rows = useMemo(
    () => assessments.map((assessment) => ({ assessedAt: assessment.assessedAt, 'Inherent score': assessment.score, 'Residual score': assessment.residualScore })),
    [assessments],
  );
  // The latest scores hold until today.
  const now = useMemo(() => new Date().toISOString(), []);
  return (
    <ChartCard
      title="Score history"
      description="Every assessment of the risk; a score holds until the next one. The dashed line is the risk appetite."
      table={
        <table className="assay-table" aria-label="Assessments as a table">
          <thead>
            <tr>
              <th scope="col">Assessed</th>
              <th scope="col">By</th>
              <th scope="col">Likelihood × impact</th>
              <th scope="col">Inherent</th>
              <th scope="col">Residual</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((assessment) => (
              <tr key={assessment.id}>
                <th scope="row">{formatDate(assessment.assessedAt)}</th>
                <td>{assessment.assessedBy?.name ?? '–'}</td>
                <td>
                  {formatNumber(assessment.likelihood)} × {formatNumber(assessment.impact)}
                </td>
                <td>
                  {formatNumber(assessment.score)} {assessment.level}
                </td>
                <td>{assessment.residualScore === null ? '–' : `${formatNumber(assessment.residualScore)} ${assessment.residualLevel ?? ''}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ScoreHistoryChart
        data={rows}
        index="assessedAt"
        categories={['Inherent score', 'Residual score']}
        maxValue={maxScore}
        reference={{ value: appetite, label: `Appetite ${formatNumber(appetite)}` }}
        until={now}
        dateFormatter={(time) => formatDate(new Date(time).toISOString())}
        label={`Step chart of the inherent and residual score over ${formatNumber(assessments.length)} assessments`}
      />
    </ChartCard>
  );
}
