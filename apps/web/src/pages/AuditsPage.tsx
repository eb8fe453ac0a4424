import { formatNumber } from '@assay/ui';
import { useId } from 'react';
import { useQuery } from 'urql';
import { actionFigures, AUDIT_STATUS_LABELS, AuditRegisterQuery, type AuditRow, type CorrectiveActionRow, FINDING_KIND_LABELS, type FindingRow } from '../features/audits/audits.js';
import { formatDate } from '../format/format-date.js';
import './screens.css';

/** Internal audits with their findings and corrective actions, then the findings of fairness monitoring. */
export function AuditsPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AuditRegisterQuery });

  if (fetching && !data) return <p className="assay-status" role="status">Loading the audits…</p>;
  if (error || !data) {
    return (
      <div className="assay-status" role="alert">
        <p>The audits could not be loaded: {error?.message ?? 'no data'}</p>
        <button type="button" className="assay-button" onClick={() => refetch({ requestPolicy: 'network-only' })}>Try again</button>
      </div>
    );
  }
  const audits = data.audits.nodes;
  const monitoring = data.findings.nodes;
  const figures = actionFigures([...audits.flatMap((audit) => audit.findings), ...monitoring]);
  return (
    <>
      <h1 className="assay-page-title">Audits, findings and corrective actions</h1>
      <section className="assay-tiles" aria-label="Headline figures">
        <Figure label="Internal audits" value={formatNumber(data.audits.totalCount)} />
        <Figure label="Open findings" value={formatNumber(figures.openFindings)} />
        <Figure label="Corrective actions open" value={formatNumber(figures.openActions)} />
        <Figure label="Corrective actions overdue" value={formatNumber(figures.overdueActions)} />
        <Figure label="Done, effectiveness not yet checked" value={formatNumber(figures.uncheckedActions)} />
      </section>
      {audits.length === 0 ? <p className="assay-empty">No internal audit is recorded yet.</p> : <div className="assay-grid">{audits.map((audit) => <AuditCard key={audit.id} audit={audit} />)}</div>}
      <MonitoringCard findings={monitoring} />
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="assay-tile">
      <div className="assay-tile__value">{value}</div>
      <div className="assay-tile__label">{label}</div>
    </div>
  );
}

function AuditCard({ audit }: { audit: AuditRow }) {
  const headingId = useId();
  const dates = audit.completedOn ? `completed ${formatDate(audit.completedOn)}` : `planned for ${formatDate(audit.plannedOn)}`;
  return (
    <section className="assay-card" aria-labelledby={headingId} data-audit={audit.id}>
      <h2 id={headingId} className="assay-card__title">{audit.title}</h2>
      <p className="assay-card__description">
        {AUDIT_STATUS_LABELS[audit.status]}, {dates}
        {audit.auditor ? `; lead auditor ${audit.auditor}` : ''}. {audit.scope ? `Scope: ${audit.scope}` : ''}
      </p>
      <FindingsTable findings={audit.findings} label={`Findings of ${audit.title}`} empty="This audit raised no finding." />
      <ActionsTable findings={audit.findings} label={`Corrective actions of ${audit.title}`} />
    </section>
  );
}

function MonitoringCard({ findings }: { findings: readonly FindingRow[] }) {
  const headingId = useId();
  return (
    <section className="assay-card assay-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="assay-card__title">Findings raised by fairness monitoring</h2>
      <p className="assay-card__description">A new monitoring window that breaches a fairness threshold raises a finding against the AI system.</p>
      <FindingsTable findings={findings} label="Findings raised by fairness monitoring" empty="Fairness monitoring has raised no finding." withSystem />
      <ActionsTable findings={findings} label="Corrective actions of monitoring findings" />
    </section>
  );
}

function reference(finding: FindingRow): string {
  const parts = [finding.clauseId ? `Clause ${finding.clauseId}` : null, finding.controlId].filter((part): part is string => part !== null);
  return parts.length === 0 ? '–' : parts.join(', ');
}

function FindingsTable({ findings, label, empty, withSystem = false }: { findings: readonly FindingRow[]; label: string; empty: string; withSystem?: boolean }) {
  if (findings.length === 0) return <p className="assay-muted">{empty}</p>;
  return (
    <table className="assay-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">{withSystem ? 'AI system' : 'Clause or control'}</th>
          <th scope="col">Finding</th>
          <th scope="col">Root cause</th>
          <th scope="col">Raised</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((finding) => (
          <tr key={finding.id} data-finding={finding.id}>
            <th scope="row">{FINDING_KIND_LABELS[finding.kind]}</th>
            <td>{withSystem ? (finding.aiSystem?.name ?? '–') : reference(finding)}</td>
            <td>{finding.description}</td>
            <td>{finding.rootCause ?? <span className="assay-muted">Not recorded</span>}</td>
            <td>{formatDate(finding.raisedOn)}</td>
            <td>{finding.status === 'OPEN' ? 'Open' : 'Closed'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function effectiveness(action: CorrectiveActionRow): string {
  if (action.effective === null) return action.completedOn ? 'Not checked yet' : '–';
  const check = action.effectivenessCheck ? `: ${action.effectivenessCheck}` : '';
  return `${action.effective ? 'Effective' : 'Not effective'}${check}`;
}

function ActionsTable({ findings, label }: { findings: readonly FindingRow[]; label: string }) {
  const rows = findings.flatMap((finding) => finding.correctiveActions.map((action) => ({ action, finding })));
  if (findings.length === 0) return null;
  if (rows.length === 0) return <p className="assay-muted">No corrective action is recorded for these findings.</p>;
  return (
    <table className="assay-table" aria-label={label}>
      <caption className="assay-table__caption">Corrective actions</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">For</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Completed</th>
          <th scope="col">Effectiveness</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ action, finding }) => (
          <tr key={action.id} data-action={action.id} data-overdue={action.overdue || undefined}>
            <th scope="row">{action.description}</th>
            <td>
              {FINDING_KIND_LABELS[finding.kind]}
              {finding.controlId || finding.clauseId ? ` (${reference(finding)})` : ''}
            </td>
            <td>{action.owner ?? '–'}</td>
            <td>
              {formatDate(action.dueDate)}
              {action.overdue ? <span className="assay-flag">Overdue</span> : null}
            </td>
            <td>{action.completedOn ? formatDate(action.completedOn) : 'Not yet'}</td>
            <td>{effectiveness(action)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
