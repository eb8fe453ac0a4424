import { formatNumber } from '@assay/ui';
import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import {
  type ClauseLink,
  type CrosswalkLink,
  type EvidenceRow,
  evidenceByControl,
  FRAMEWORKS,
  groupByObjective,
  matchesFilter,
  type ObjectiveGroup,
  type SoaControl,
  type SoaFilter,
  StatementOfApplicabilityQuery,
  STATUS_LABELS,
  STATUS_ORDER,
} from '../features/soa/soa-register.js';
import { formatDate } from '../format/format-date.js';
import '../features/soa/soa-register.css';
import './screens.css';

const DONE = new Set(['IMPLEMENTED', 'VERIFIED']);

/**
 * The Statement of Applicability: every Annex A control under its objective, with whether it
 * applies and why, how far it is implemented, its evidence and where it meets other frameworks.
 */
export function SoaPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: StatementOfApplicabilityQuery });
  const [filter, setFilter] = useState<SoaFilter>('ALL');
  const filterId = useId();
  const controls = data?.controls.nodes;
  const groups = useMemo(() => groupByObjective((controls ?? []).filter((control) => matchesFilter(control, filter))), [controls, filter]);
  const evidence = useMemo(() => evidenceByControl(data?.evidence.nodes ?? []), [data]);

  if (fetching && !data) return <p className="assay-status" role="status">Loading the Statement of Applicability…</p>;
  if (error || !data || !controls) {
    return (
      <div className="assay-status" role="alert">
        <p>The Statement of Applicability could not be loaded: {error?.message ?? 'no data'}</p>
        <button type="button" className="assay-button" onClick={() => refetch({ requestPolicy: 'network-only' })}>Try again</button>
      </div>
    );
  }
  if (controls.length === 0) {
    return (
      <>
        <h1 className="assay-page-title">Statement of Applicability</h1>
        <p className="assay-empty">The Statement of Applicability holds no control yet.</p>
      </>
    );
  }
  const applicable = controls.filter((control) => control.applicable);
  const done = applicable.filter((control) => DONE.has(control.implementationStatus)).length;
  const objectives = groupByObjective(controls).length;
  const shown = groups.reduce((sum, group) => sum + group.controls.length, 0);
  return (
    <>
      <h1 className="assay-page-title">Statement of Applicability</h1>
      <p className="assay-muted">
        {formatNumber(controls.length)} Annex A controls under {formatNumber(objectives)} objectives: {formatNumber(applicable.length)} applicable, {formatNumber(controls.length - applicable.length)} excluded;{' '}
        {formatNumber(done)} of the applicable ones implemented or verified.
      </p>
      <div className="assay-filters">
        <label htmlFor={filterId}>
          Show
          <select id={filterId} value={filter} onChange={(event) => setFilter(event.target.value as SoaFilter)}>
            <option value="ALL">All controls</option>
            {STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
            <option value="EXCLUDED">Excluded (not applicable)</option>
          </select>
        </label>
        <span className="assay-muted" role="status">
          {formatNumber(shown)} of {formatNumber(controls.length)} controls shown
        </span>
      </div>
      <p className="assay-muted">
        The crosswalk names the ISO/IEC 27001 controls, EU AI Act articles and NIST AI RMF subcategories each control meets. Links marked published come from a
        published mapping (hover for its source); the others are Assay&apos;s reading, for your review. ISO 9001 has no counterpart of Annex A: it meets ISO/IEC 42001
        at the management-system clauses, listed after the controls.
      </p>
      {groups.length === 0 ? (
        <p className="assay-empty">No control matches this filter.</p>
      ) : (
        <div className="assay-soa">
          {groups.map((group) => (
            <ObjectiveSection key={group.objectiveId} group={group} evidence={evidence} />
          ))}
        </div>
      )}
      <ClauseCrosswalk links={data.clauses9001} />
    </>
  );
}

/** The clauses of ISO/IEC 42001 and the ISO 9001 clauses they correspond to. */
function ClauseCrosswalk({ links }: { links: readonly ClauseLink[] }) {
  const headingId = useId();
  return (
    <section className="assay-card assay-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="assay-card__title">Clauses 4–10 and ISO 9001</h2>
      {links.length === 0 ? (
        <p className="assay-empty">The crosswalk holds no link to ISO 9001.</p>
      ) : (
        <table className="assay-table" aria-label="ISO/IEC 42001 clauses and ISO 9001">
          <thead>
            <tr>
              <th scope="col">ISO/IEC 42001 clause</th>
              <th scope="col">ISO 9001 clause</th>
              <th scope="col">Basis</th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => (
              <tr key={`${link.from.ref} ${link.to.ref}`}>
                <th scope="row">{link.from.ref}</th>
                <td>{link.to.ref}</td>
                <td>
                  {link.basis === 'proposed' ? 'Proposed' : 'Published'}
                  {link.note ? `: ${link.note}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ObjectiveSection({ group, evidence }: { group: ObjectiveGroup; evidence: ReadonlyMap<string, EvidenceRow[]> }) {
  const headingId = useId();
  return (
    <section className="assay-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="assay-card__title">
        {group.objectiveId} {group.objectiveTitle}
      </h2>
      <table className="assay-table assay-soa__table" aria-label={`Controls of ${group.objectiveId}`}>
        <colgroup>
          <col style={{ width: '19%' }} />
          <col style={{ width: '25%' }} />
          <col style={{ width: '14%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '25%' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Control</th>
            <th scope="col">Applicable and why</th>
            <th scope="col">Status</th>
            <th scope="col">Evidence</th>
            <th scope="col">Crosswalk</th>
          </tr>
        </thead>
        <tbody>
          {group.controls.map((control) => (
            <ControlRow key={control.controlId} control={control} evidence={evidence.get(control.controlId) ?? []} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ControlRow({ control, evidence }: { control: SoaControl; evidence: readonly EvidenceRow[] }) {
  return (
    <tr data-control={control.controlId}>
      <th scope="row" className="assay-soa__control">
        <span className="assay-soa__id">{control.controlId}</span>
        {control.control.title}
      </th>
      <td>
        <strong>{control.applicable ? 'Applicable' : 'Excluded'}</strong>
        {control.justification ? `: ${control.justification}` : <span className="assay-muted">: no justification recorded</span>}
      </td>
      <td>
        <StatusMark control={control} />
      </td>
      <td>
        <EvidenceList evidence={evidence} />
      </td>
      <td>
        <Crosswalk links={control.control.crosswalk} />
      </td>
    </tr>
  );
}

function StatusMark({ control }: { control: SoaControl }) {
  if (!control.applicable) return <span className="assay-status-mark assay-status-mark--excluded">Not applicable</span>;
  const status = control.implementationStatus;
  const when = DONE.has(status) ? control.implementedDate : control.dueDate;
  return (
    <>
      <span className={`assay-status-mark assay-status-mark--${status.toLowerCase().replaceAll('_', '-')}`}>{STATUS_LABELS[status]}</span>
      {when ? <div className="assay-muted">{DONE.has(status) ? `since ${formatDate(when)}` : `due ${formatDate(when)}`}</div> : null}
      {control.owner ? <div className="assay-muted">{control.owner}</div> : null}
    </>
  );
}

function EvidenceList({ evidence }: { evidence: readonly EvidenceRow[] }) {
  if (evidence.length === 0) return <span className="assay-muted">None</span>;
  return (
    <>
      {formatNumber(evidence.length)} item{evidence.length === 1 ? '' : 's'}
      <ul className="assay-soa__list">
        {evidence.map((item) => (
          <li key={item.id}>
            {item.title}
            {item.expired ? <span className="assay-flag">Expired {formatDate(item.validUntil)}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function Crosswalk({ links }: { links: readonly CrosswalkLink[] }) {
  const present = FRAMEWORKS.map((framework) => ({ ...framework, links: links.filter((link) => link.framework === framework.key) })).filter((framework) => framework.links.length > 0);
  if (present.length === 0) return <span className="assay-muted">No link recorded</span>;
  return (
    <dl className="assay-soa__crosswalk">
      {present.map((framework) => (
        <div key={framework.key}>
          <dt>{framework.label}</dt>
          <dd>
            {framework.links.map((link, position) => (
              <span key={link.ref} title={link.source ?? undefined}>
                {position > 0 ? ', ' : ''}
                {link.ref}
                {link.basis === 'published' ? <span className="assay-soa__published"> (published)</span> : null}
              </span>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
