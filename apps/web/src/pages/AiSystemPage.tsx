import { formatNumber } from '@assay/ui';
import { useId } from 'react';
import { useQuery } from 'urql';
import {
  type AiSystemDetail,
  AiSystemDetailQuery,
  LIFE_CYCLE_LABELS,
  ROLE_LABELS,
  type SystemImpactAssessment,
  type SystemRisk,
} from '../features/ai-systems/ai-systems.js';
import { SystemFairness } from '../features/ai-systems/SystemFairness.js';
import { TierBadge } from '../features/ai-systems/TierBadge.js';
import { Link } from '../features/navigation/Link.js';
import { registerHref } from '../features/risks/register-url.js';
import { formatDate } from '../format/format-date.js';
import './screens.css';

const ASSESSMENT_STATUS: Record<SystemImpactAssessment['status'], string> = { DRAFT: 'Draft', IN_REVIEW: 'In review', APPROVED: 'Approved' };

const RISK_STATUS: Record<string, string> = { IDENTIFIED: 'Identified', ASSESSED: 'Assessed', TREATING: 'Being treated', MONITORING: 'Monitoring', CLOSED: 'Closed' };

/** One AI system: what it is for, its EU AI Act classification, risks, impact assessments and fairness. */
export function AiSystemPage({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AiSystemDetailQuery, variables: { id } });

  if (fetching && !data) return <p className="assay-status" role="status">Loading the AI system…</p>;
  if (error || !data) {
    return (
      <div className="assay-status" role="alert">
        <p>The AI system could not be loaded: {error?.message ?? 'no data'}</p>
        <button type="button" className="assay-button" onClick={() => refetch({ requestPolicy: 'network-only' })}>Try again</button>
      </div>
    );
  }
  const system = data.aiSystem;
  if (!system) {
    return (
      <div className="assay-empty">
        <p>Your organisation has no AI system with this address.</p>
        <Link to="/ai-systems">Back to the AI system inventory</Link>
      </div>
    );
  }
  return (
    <>
      <p className="assay-muted">
        <Link to="/ai-systems">AI systems</Link> / {system.name}
      </p>
      <h1 className="assay-page-title">{system.name}</h1>
      <Profile system={system} />
      <RiskSection risks={system.risks} aiSystemId={system.id} />
      <AssessmentSection assessments={system.impactAssessments} />
      <SystemFairness aiSystemId={system.id} systemName={system.name} />
    </>
  );
}

function Profile({ system }: { system: AiSystemDetail }) {
  const headingId = useId();
  const classification = system.aiActClassification;
  return (
    <section className="assay-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="assay-card__title">Purpose and classification</h2>
      <dl className="assay-facts">
        <div className="assay-facts__wide">
          <dt>Purpose</dt>
          <dd>{system.purpose ?? 'Not recorded'}</dd>
        </div>
        <div className="assay-facts__wide">
          <dt>Intended use</dt>
          <dd>{system.intendedUse ?? 'Not recorded'}</dd>
        </div>
        <div>
          <dt>EU AI Act tier</dt>
          <dd>
            <TierBadge tier={system.euAiActTier} />
          </dd>
        </div>
        <div>
          <dt>Life-cycle stage</dt>
          <dd>{LIFE_CYCLE_LABELS[system.lifeCycleStage]}</dd>
        </div>
        <div>
          <dt>Our role (ISO/IEC 22989)</dt>
          <dd>{ROLE_LABELS[system.organisationRole]}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{system.owner ?? '–'}</dd>
        </div>
        <div>
          <dt>Supplier</dt>
          <dd>{system.supplier ?? 'None (built in house)'}</dd>
        </div>
        <div className="assay-facts__wide">
          <dt>Why this tier</dt>
          <dd>
            {system.tierRationale ?? 'No rationale recorded.'}{' '}
            <span className="assay-muted">
              {classification
                ? `Classified with the questionnaire by ${classification.classifiedBy} on ${formatDate(classification.classifiedAt)}${classification.overriddenByHand ? ', since changed by hand' : ''}.`
                : 'Not classified with the questionnaire.'}
            </span>
          </dd>
        </div>
      </dl>
      {classification && classification.obligations.length > 0 ? (
        <table className="assay-table" aria-label="EU AI Act obligations">
          <caption className="assay-table__caption">
            What the tier brings
          </caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Obligation</th>
              <th scope="col">Binds</th>
              <th scope="col">Applies from</th>
            </tr>
          </thead>
          <tbody>
            {classification.obligations.map((obligation) => (
              <tr key={`${obligation.article} ${obligation.title}`}>
                <th scope="row">{obligation.article}</th>
                <td>{obligation.title}</td>
                <td>{obligation.addressee}</td>
                <td>
                  {formatDate(obligation.appliesFrom)}
                  {obligation.reportedAppliesFrom ? <span className="assay-muted"> (reported move to {formatDate(obligation.reportedAppliesFrom)}, not yet verified)</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function RiskSection({ risks, aiSystemId }: { risks: readonly SystemRisk[]; aiSystemId: string }) {
  const headingId = useId();
  return (
    <section className="assay-card assay-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="assay-card__title">Risks ({formatNumber(risks.length)})</h2>
      {risks.length === 0 ? (
        <p className="assay-empty">No risk is recorded against this system.</p>
      ) : (
        <table className="assay-table" aria-label="Risks of this AI system">
          <thead>
            <tr>
              <th scope="col">Risk</th>
              <th scope="col">Inherent</th>
              <th scope="col">Residual</th>
              <th scope="col">Status</th>
              <th scope="col">Owner</th>
            </tr>
          </thead>
          <tbody>
            {risks.map((risk) => (
              <tr key={risk.id}>
                <th scope="row">{risk.title}</th>
                <td>
                  {risk.level} ({formatNumber(risk.score)}){risk.withinAppetite ? null : <span className="assay-flag">Above appetite</span>}
                </td>
                <td>{risk.residualLevel && risk.residualScore !== null ? `${risk.residualLevel} (${formatNumber(risk.residualScore)})` : 'Not rated'}</td>
                <td>{RISK_STATUS[risk.status] ?? risk.status}</td>
                <td>{risk.owner ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {risks.length === 0 ? null : (
        <p>
          <Link to={registerHref({ aiSystemId })}>Open these risks in the risk register</Link>
        </p>
      )}
    </section>
  );
}

function AssessmentSection({ assessments }: { assessments: readonly SystemImpactAssessment[] }) {
  const headingId = useId();
  return (
    <section className="assay-card assay-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="assay-card__title">Impact assessments ({formatNumber(assessments.length)})</h2>
      {assessments.length === 0 ? (
        <p className="assay-empty">No impact assessment has been made for this system.</p>
      ) : (
        <table className="assay-table" aria-label="Impact assessments of this AI system">
          <thead>
            <tr>
              <th scope="col">Assessment</th>
              <th scope="col">Status</th>
              <th scope="col">Assessed</th>
              <th scope="col">Next review</th>
              <th scope="col">Harms / benefits</th>
              <th scope="col">FRIA (Art. 27)</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((assessment) => {
              const harms = assessment.items.filter((item) => item.kind === 'HARM').length;
              return (
                <tr key={assessment.id}>
                  <th scope="row">{assessment.title}</th>
                  <td>
                    {ASSESSMENT_STATUS[assessment.status]}
                    {assessment.approvedOn ? ` on ${formatDate(assessment.approvedOn)}` : ''}
                  </td>
                  <td>{formatDate(assessment.assessedOn)}</td>
                  <td>
                    {formatDate(assessment.nextReviewOn)}
                    {assessment.reviewOverdue ? <span className="assay-flag">Overdue</span> : null}
                  </td>
                  <td>
                    {formatNumber(harms)} / {formatNumber(assessment.items.length - harms)}
                  </td>
                  <td>{fria(assessment)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function fria(assessment: SystemImpactAssessment): string {
  if (!assessment.friaRequired) return 'Not required';
  return assessment.friaNotifiedOn ? `Required; notified ${formatDate(assessment.friaNotifiedOn)}` : 'Required; not yet notified';
}
