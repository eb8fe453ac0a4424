import { useId } from 'react';
import { useQuery } from 'urql';
import { CertificationOutlookQuery, STAGE_LABELS, STATUS_LABELS } from '../features/certification/certification.js';
import { type CertificationBody, CertificationPlanQuery, finishedLate, type PlanStage } from '../features/certification/certification-plan.js';
import { CertificationTimeline } from '../features/certification/CertificationTimeline.js';
import { formatDate } from '../format/format-date.js';
import './screens.css';

/** The certification plan: its stages and dates, the forecast, and the certification body with its accreditation. */
export function CertificationPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CertificationPlanQuery });

  if (fetching && !data) return <p className="assay-status" role="status">Loading the certification plan…</p>;
  if (error || !data) {
    return (
      <div className="assay-status" role="alert">
        <p>The certification plan could not be loaded: {error?.message ?? 'no data'}</p>
        <button type="button" className="assay-button" onClick={() => refetch({ requestPolicy: 'network-only' })}>Try again</button>
      </div>
    );
  }
  const plan = data.certificationPlan;
  return (
    <>
      <h1 className="assay-page-title">Certification to ISO/IEC 42001</h1>
      <Forecast />
      <div className="assay-grid">
        <PlanCard stages={plan.stages} />
        <CertificationTimeline />
        <BodyCard chosen={plan.chosenBody} bodies={plan.bodies} />
      </div>
    </>
  );
}

/** P50, P80 and P95 of the certification date, from the same query as the timeline (asked once). */
function Forecast() {
  const [{ data, fetching, error }] = useQuery({ query: CertificationOutlookQuery });
  if (fetching && !data) return <p className="assay-status" role="status">Loading the certification forecast…</p>;
  if (error || !data) return <p className="assay-status" role="alert">The certification forecast could not be loaded: {error?.message ?? 'no data'}</p>;
  const { certificationDate } = data.certificationProjection;
  return (
    <section className="assay-tiles" aria-label="Certification forecast">
      <DateTile label="Certification as likely before as after (P50)" date={certificationDate.p50} />
      <DateTile label="80% sure of certification by (P80)" date={certificationDate.p80} />
      <DateTile label="95% sure of certification by (P95)" date={certificationDate.p95} />
    </section>
  );
}

function DateTile({ label, date }: { label: string; date: string }) {
  return (
    <div className="assay-tile">
      <div className="assay-tile__value assay-tile__value--compact">
        <time dateTime={date}>{formatDate(date)}</time>
      </div>
      <div className="assay-tile__label">{label}</div>
    </div>
  );
}

function PlanCard({ stages }: { stages: readonly PlanStage[] }) {
  const headingId = useId();
  return (
    <section className="assay-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="assay-card__title">Plan</h2>
      {stages.length === 0 ? (
        <p className="assay-empty">No certification stage is planned yet.</p>
      ) : (
        <table className="assay-table" aria-label="Certification plan">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Status</th>
              <th scope="col">Planned start</th>
              <th scope="col">Planned end</th>
              <th scope="col">Actual start</th>
              <th scope="col">Actual end</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage) => (
              <tr key={stage.stage} data-stage={stage.stage}>
                <th scope="row">{STAGE_LABELS[stage.stage]}</th>
                <td>{STATUS_LABELS[stage.status]}</td>
                <td>{formatDate(stage.plannedStart)}</td>
                <td>{formatDate(stage.plannedEnd)}</td>
                <td>{formatDate(stage.actualStart)}</td>
                <td>
                  {formatDate(stage.actualEnd)}
                  {finishedLate(stage) ? <span className="assay-flag">Finished late</span> : null}
                </td>
                <td>{stage.notes ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function yesNo(value: boolean | null, yes: string, no: string, unknown: string): string {
  if (value === null) return unknown;
  return value ? yes : no;
}

function BodyCard({ chosen, bodies }: { chosen: CertificationBody | null; bodies: readonly CertificationBody[] }) {
  const headingId = useId();
  const others = bodies.filter((body) => body.id !== chosen?.id);
  return (
    <section className="assay-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="assay-card__title">Certification body</h2>
      {chosen ? (
        <dl className="assay-facts" aria-label="Chosen certification body">
          <div className="assay-facts__wide">
            <dt>Chosen body</dt>
            <dd>
              <strong>{chosen.name}</strong>
              {chosen.accreditedFor42001 ? null : <span className="assay-flag">Not accredited for ISO/IEC 42001</span>}
            </dd>
          </div>
          <div>
            <dt>Accreditation body</dt>
            <dd>
              {chosen.accreditationBody ?? 'None recorded'}
              {chosen.accreditationBody ? ` (${yesNo(chosen.accreditationBodyIsMlaSignatory, 'signs the IAF MLA, now GACI', 'not an IAF MLA signatory', 'not in the catalogue of signatories')})` : ''}
            </dd>
          </div>
          <div>
            <dt>Accreditation number</dt>
            <dd>{chosen.accreditationNumber ?? 'None recorded'}</dd>
          </div>
          <div>
            <dt>ISO/IEC 42001 in the accreditation scope</dt>
            <dd>{chosen.scopeCovers42001 ? 'Yes' : 'No'}</dd>
          </div>
          <div>
            <dt>Accreditation verified on</dt>
            <dd>{chosen.verifiedOn ? formatDate(chosen.verifiedOn) : 'Not verified yet'}</dd>
          </div>
          {chosen.notes ? (
            <div className="assay-facts__wide">
              <dt>Notes</dt>
              <dd>{chosen.notes}</dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p className="assay-empty">No certification body has been chosen yet.</p>
      )}
      {others.length > 0 ? (
        <table className="assay-table" aria-label="Other certification bodies considered">
          <caption className="assay-table__caption">Other bodies considered</caption>
          <thead>
            <tr>
              <th scope="col">Body</th>
              <th scope="col">Accreditation body</th>
              <th scope="col">Number</th>
              <th scope="col">42001 in scope</th>
              <th scope="col">Verified on</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {others.map((body) => (
              <tr key={body.id}>
                <th scope="row">{body.name}</th>
                <td>{body.accreditationBody ?? 'None'}</td>
                <td>{body.accreditationNumber ?? '–'}</td>
                <td>{body.scopeCovers42001 ? 'Yes' : 'No'}</td>
                <td>{formatDate(body.verifiedOn)}</td>
                <td>{body.notes ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
