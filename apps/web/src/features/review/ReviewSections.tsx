import { formatNumber } from '@assay/ui';
import { useId } from 'react';
import { formatDate } from '../../format/format-date.js';
import { formatPercent } from '../../format/format-percent.js';
import { stageLabel } from '../certification/certification.js';
import { METRIC_LABELS, metricFormatter } from '../fairness/fairness.js';
import { Figures, PackSection, type PackState } from './PackSection.js';
import type { ExposureRow, FindingKind, ReviewPack } from './review-pack.js';

const count = (value: number) => formatNumber(value);

/** Input (a): the actions decided in earlier reviews and where they stand. */
export function PreviousActionsSection({ state }: { state: PackState }) {
  return (
    <PackSection
      title="(a) Actions from previous management reviews"
      state={state}
      isEmpty={(pack) => pack.previousActions.total === 0}
      empty={() => 'No actions from earlier management reviews are open or were completed in the period.'}
    >
      {({ previousActions }) => (
        <>
          <Figures
            label="Actions from previous reviews"
            items={[
              { label: 'Actions', value: count(previousActions.total) },
              { label: 'Open', value: count(previousActions.open) },
              { label: 'Overdue', value: count(previousActions.overdue) },
              { label: 'Completed', value: count(previousActions.completed) },
            ]}
          />
          <table className="assay-table" aria-label="Actions from previous reviews">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {previousActions.actions.map((action) => (
                <tr key={action.id}>
                  <th scope="row">{action.description}</th>
                  <td>{action.owner ?? '–'}</td>
                  <td>{formatDate(action.dueDate)}</td>
                  <td>{actionStatus(action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </PackSection>
  );
}

function actionStatus(action: { completedOn: string | null; overdue: boolean }): string {
  if (action.completedOn) return `Completed ${formatDate(action.completedOn)}`;
  return action.overdue ? 'Open, overdue' : 'Open';
}

/** Input (b): external and internal issues recorded or retired since the last review. */
export function ContextIssuesSection({ state }: { state: PackState }) {
  return (
    <PackSection
      title="(b) Changes in external and internal issues"
      state={state}
      isEmpty={(pack) => pack.contextChanges.issuesAdded.length + pack.contextChanges.issuesRetired.length === 0}
      empty={(pack) => `No issue was recorded or retired since ${formatDate(pack.since)}.`}
    >
      {({ contextChanges }) => (
        <table className="assay-table" aria-label="Changes in issues">
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Kind</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {contextChanges.issuesAdded.map((issue) => (
              <tr key={`added-${issue.id}`}>
                <th scope="row">{issue.description}</th>
                <td>{issue.external ? 'External' : 'Internal'}</td>
                <td>Recorded {formatDate(issue.recordedOn)}</td>
              </tr>
            ))}
            {contextChanges.issuesRetired.map((issue) => (
              <tr key={`retired-${issue.id}`}>
                <th scope="row">{issue.description}</th>
                <td>{issue.external ? 'External' : 'Internal'}</td>
                <td>Retired {formatDate(issue.retiredOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PackSection>
  );
}

/** Input (c): interested parties and their needs recorded or retired since the last review. */
export function InterestedPartiesSection({ state }: { state: PackState }) {
  return (
    <PackSection
      title="(c) Changes in the needs and expectations of interested parties"
      state={state}
      isEmpty={(pack) => pack.contextChanges.partiesAdded.length + pack.contextChanges.partiesRetired.length === 0}
      empty={(pack) => `No interested party was recorded or retired since ${formatDate(pack.since)}.`}
    >
      {({ contextChanges }) => (
        <table className="assay-table" aria-label="Changes in interested parties">
          <thead>
            <tr>
              <th scope="col">Interested party</th>
              <th scope="col">Needs and expectations</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {contextChanges.partiesAdded.map((party) => (
              <tr key={`added-${party.id}`}>
                <th scope="row">{party.name}</th>
                <td>{party.needs}</td>
                <td>Recorded {formatDate(party.recordedOn)}</td>
              </tr>
            ))}
            {contextChanges.partiesRetired.map((party) => (
              <tr key={`retired-${party.id}`}>
                <th scope="row">{party.name}</th>
                <td>{party.needs}</td>
                <td>Retired {formatDate(party.retiredOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PackSection>
  );
}

/** Input (d): nonconformities and corrective actions, monitoring results and audit results. */
export function PerformanceSection({ state }: { state: PackState }) {
  const headingId = useId();
  return (
    <section className="assay-card assay-review__section" aria-labelledby={headingId}>
      <h2 id={headingId} className="assay-review__heading">(d) Performance of the AI management system</h2>
      <NonconformitiesSection state={state} />
      <MonitoringSection state={state} />
      <KpiSection state={state} />
      <AuditsSection state={state} />
    </section>
  );
}

function NonconformitiesSection({ state }: { state: PackState }) {
  return (
    <PackSection
      level={3}
      title="Nonconformities and corrective actions"
      state={state}
      isEmpty={({ nonconformities: n }) => n.raised + n.open + n.actionsDue + n.actionsOverdue === 0}
      empty={(pack) => `No nonconformity was raised or open, and no corrective action fell due, since ${formatDate(pack.since)}.`}
    >
      {({ nonconformities: n }) => (
        <>
          <Figures
            label="Nonconformities and corrective actions"
            items={[
              { label: 'Nonconformities raised', value: `${count(n.raised)} (${count(n.raisedByAudit)} by audit, ${count(n.raisedByMonitoring)} by monitoring)` },
              { label: 'Open now', value: count(n.open) },
              { label: 'Corrective actions due', value: count(n.actionsDue) },
              { label: 'Completed on time', value: `${count(n.actionsOnTime)} (${formatPercent(n.actionsDue === 0 ? null : n.actionsOnTime / n.actionsDue)})` },
              { label: 'Overdue', value: count(n.actionsOverdue) },
              { label: 'Effective / not effective / not checked', value: `${count(n.actionsEffective)} / ${count(n.actionsIneffective)} / ${count(n.actionsUnchecked)}` },
            ]}
          />
          {n.lateActions.points.length > 0 ? (
            <table className="assay-table" aria-label="Late corrective actions by month">
              <caption className="assay-review__caption">
                Share of corrective actions due each month that were late
                {n.lateActions.centreLine === null ? '' : `; ${formatPercent(n.lateActions.centreLine)} on average`}.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Due</th>
                  <th scope="col">Late</th>
                  <th scope="col">Share late</th>
                  <th scope="col">Outside control limits</th>
                </tr>
              </thead>
              <tbody>
                {n.lateActions.points.map((point) => (
                  <tr key={point.label}>
                    <th scope="row">{monthLabel(point.label)}</th>
                    <td>{count(point.inspected)}</td>
                    <td>{count(point.defects)}</td>
                    <td>{formatPercent(point.proportion)}</td>
                    <td>{point.outOfControl ? 'Yes' : 'No'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
    </PackSection>
  );
}

const monthYear = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A period label of the API (YYYY-MM) as the locale's month and year; other labels pass through. */
function monthLabel(label: string): string {
  return /^\d{4}-\d{2}$/.test(label) ? monthYear.format(Date.parse(`${label}-01`)) : label;
}

function MonitoringSection({ state }: { state: PackState }) {
  return (
    <PackSection
      level={3}
      title="Monitoring and measurement results"
      state={state}
      isEmpty={(pack) => pack.monitoring.length === 0}
      empty={() => 'No fairness threshold is set, so no metric is monitored.'}
    >
      {({ monitoring }) => (
        <table className="assay-table" aria-label="Monitored fairness metrics">
          <thead>
            <tr>
              <th scope="col">AI system and metric</th>
              <th scope="col">Latest</th>
              <th scope="col">Threshold</th>
              <th scope="col">Status</th>
              <th scope="col">Trend</th>
              <th scope="col">Open finding</th>
            </tr>
          </thead>
          <tbody>
            {monitoring.map((result) => {
              const format = metricFormatter(result.metric);
              return (
                <tr key={`${result.aiSystem.id} ${result.metric} ${result.attribute}`}>
                  <th scope="row">
                    {result.aiSystem.name}: {METRIC_LABELS[result.metric] ?? result.metric} by {result.attribute}
                  </th>
                  <td>
                    {format(result.latest)}
                    {result.latestEnd ? <span className="assay-muted"> (to {formatDate(result.latestEnd)})</span> : null}
                  </td>
                  <td>
                    {result.direction === 'BELOW' ? 'at least' : 'at most'} {format(result.threshold)}
                  </td>
                  <td>{monitoringStatus(result)}</td>
                  <td>
                    {result.trend}
                    {result.latestShift ? `; shift from ${formatDate(result.latestShift)}` : ''}
                  </td>
                  <td>{result.openFinding ? `Raised ${formatDate(result.openFinding.raisedOn)}` : 'None'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </PackSection>
  );
}

function KpiSection({ state }: { state: PackState }) {
  return (
    <PackSection
      level={3}
      title="AI objectives and their KPIs"
      state={state}
      isEmpty={(pack) => pack.kpis.length === 0}
      empty={() => 'No AI objective has a KPI yet.'}
    >
      {({ kpis }) => (
        <table className="assay-table" aria-label="KPIs of the AI objectives">
          <thead>
            <tr>
              <th scope="col">Objective and KPI</th>
              <th scope="col">Latest</th>
              <th scope="col">Target</th>
              <th scope="col">On target</th>
              <th scope="col">Trend</th>
            </tr>
          </thead>
          <tbody>
            {kpis.map((row) => (
              <tr key={row.objective}>
                <th scope="row">
                  {row.objective}: {row.kpi}
                </th>
                <td>
                  {row.latest === null ? '–' : `${formatNumber(row.latest)}${row.unit ? ` ${row.unit}` : ''}`}
                  {row.latestOn ? <span className="assay-muted"> ({formatDate(row.latestOn)})</span> : null}
                </td>
                <td>
                  {row.direction === 'HIGHER_IS_BETTER' || row.direction === 'higher-is-better' ? 'at least' : 'at most'} {formatNumber(row.target)}
                </td>
                <td>{row.onTarget === null ? '–' : row.onTarget ? 'Yes' : 'No'}</td>
                <td>{row.trend}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PackSection>
  );
}

function monitoringStatus(result: { breached: boolean; projectedBreach: string | null }): string {
  if (result.breached) return 'Breached';
  if (result.projectedBreach) return `Within; projected to cross ${formatDate(result.projectedBreach)}`;
  return 'Within';
}

const FINDING_KINDS: Record<FindingKind, string> = {
  MAJOR_NONCONFORMITY: 'major',
  MINOR_NONCONFORMITY: 'minor',
  OBSERVATION: 'observation',
  OPPORTUNITY: 'opportunity',
};

function AuditsSection({ state }: { state: PackState }) {
  return (
    <PackSection
      level={3}
      title="Audit results"
      state={state}
      isEmpty={(pack) => pack.audits.completed.length === 0}
      empty={(pack) => `No internal audit was completed since ${formatDate(pack.since)}.`}
    >
      {({ audits }) => (
        <>
          <Figures
            label="Audit findings"
            items={[
              { label: 'Audits completed', value: count(audits.completed.length) },
              { label: 'Major nonconformities', value: count(audits.majorNonconformities) },
              { label: 'Minor nonconformities', value: count(audits.minorNonconformities) },
              { label: 'Observations', value: count(audits.observations) },
              { label: 'Opportunities', value: count(audits.opportunities) },
            ]}
          />
          <table className="assay-table" aria-label="Audits completed">
            <thead>
              <tr>
                <th scope="col">Audit</th>
                <th scope="col">Completed</th>
                <th scope="col">Findings</th>
              </tr>
            </thead>
            <tbody>
              {audits.completed.map((audit) => (
                <tr key={audit.id}>
                  <th scope="row">{audit.title}</th>
                  <td>{formatDate(audit.completedOn)}</td>
                  <td>{findingSummary(audit.findings)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </PackSection>
  );
}

/** e.g. "3: 1 major, 2 observation". */
function findingSummary(findings: readonly { kind: FindingKind }[]): string {
  if (findings.length === 0) return 'None';
  const byKind = new Map<FindingKind, number>();
  for (const finding of findings) byKind.set(finding.kind, (byKind.get(finding.kind) ?? 0) + 1);
  const parts = [...byKind].map(([kind, number]) => `${number} ${FINDING_KINDS[kind]}`);
  return `${findings.length}: ${parts.join(', ')}`;
}

/** Input (e): open opportunities for improvement. */
export function OpportunitiesSection({ state }: { state: PackState }) {
  return (
    <PackSection
      title="(e) Opportunities for continual improvement"
      state={state}
      isEmpty={(pack) => pack.opportunities.length === 0}
      empty={() => 'No opportunity for improvement is open.'}
    >
      {({ opportunities }) => (
        <table className="assay-table" aria-label="Open opportunities for improvement">
          <thead>
            <tr>
              <th scope="col">Opportunity</th>
              <th scope="col">Concerns</th>
              <th scope="col">Raised</th>
            </tr>
          </thead>
          <tbody>
            {opportunities.map((finding) => (
              <tr key={finding.id}>
                <th scope="row">{finding.description}</th>
                <td>{[finding.clauseId && `Clause ${finding.clauseId}`, finding.controlId, finding.aiSystem?.name].filter(Boolean).join(', ') || '–'}</td>
                <td>{formatDate(finding.raisedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PackSection>
  );
}

/** How the risk register moved between the last review and now. */
export function RiskMovementSection({ state }: { state: PackState }) {
  return (
    <PackSection
      title="Risk movement"
      state={state}
      isEmpty={({ risks }) => risks.inherentThen.risks + risks.inherentNow.risks === 0}
      empty={() => 'The risk register was empty then and is empty now.'}
    >
      {(pack) => <RiskMovement pack={pack} />}
    </PackSection>
  );
}

const EXPOSURE_MEASURES: readonly { label: string; of: (exposure: ExposureRow) => string }[] = [
  { label: 'Risks', of: (exposure) => count(exposure.risks) },
  { label: 'Mean score', of: (exposure) => formatNumber(exposure.meanScore, { maximumFractionDigits: 1 }) },
  { label: 'Total score', of: (exposure) => count(exposure.totalScore) },
  { label: 'Above appetite', of: (exposure) => count(exposure.aboveAppetite) },
];

function RiskMovement({ pack }: { pack: ReviewPack }) {
  const { risks } = pack;
  const columns = [risks.inherentThen, risks.inherentNow, risks.residualThen, risks.residualNow];
  return (
    <>
      <table className="assay-table" aria-label="Risk exposure then and now">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Inherent, {formatDate(pack.since)}</th>
            <th scope="col">Inherent, {formatDate(pack.asOf)}</th>
            <th scope="col">Residual, {formatDate(pack.since)}</th>
            <th scope="col">Residual, {formatDate(pack.asOf)}</th>
          </tr>
        </thead>
        <tbody>
          {EXPOSURE_MEASURES.map((measure) => (
            <tr key={measure.label}>
              <th scope="row">{measure.label}</th>
              {columns.map((exposure, position) => (
                <td key={position}>{measure.of(exposure)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {risks.awaitingReassessment.length === 0 ? (
        <p className="assay-muted">No risk awaits re-assessment.</p>
      ) : (
        <table className="assay-table" aria-label="Risks awaiting re-assessment">
          <caption className="assay-review__caption">Risks awaiting re-assessment</caption>
          <thead>
            <tr>
              <th scope="col">Risk</th>
              <th scope="col">Score</th>
              <th scope="col">Level</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {risks.awaitingReassessment.map((risk) => (
              <tr key={risk.id}>
                <th scope="row">{risk.title}</th>
                <td>{risk.score}</td>
                <td>{risk.level}</td>
                <td>{risk.reassessmentReason ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Where certification stands: readiness and the projected date. */
export function CertificationOutlookSection({ state }: { state: PackState }) {
  return (
    <PackSection
      title="Certification outlook"
      state={state}
      isEmpty={({ certification }) => certification.readiness === null && certification.projection === null}
      empty={() => 'No readiness or projection can be computed yet.'}
    >
      {({ certification }) => (
        <>
          <Figures
            label="Readiness"
            items={[
              { label: 'Overall readiness', value: formatPercent(certification.readiness) },
              { label: 'Clause requirements met', value: formatPercent(certification.clauseShare) },
              { label: 'Applicable controls implemented', value: formatPercent(certification.controlShare) },
            ]}
          />
          {certification.projection ? (
            <>
              <Figures
                label="Projected certification date"
                items={[
                  { label: 'Certification likely by (P50)', value: formatDate(certification.projection.p50) },
                  { label: '80% sure by (P80)', value: formatDate(certification.projection.p80) },
                  { label: '95% sure by (P95)', value: formatDate(certification.projection.p95) },
                ]}
              />
              <p>
                {certification.projection.criticalStage ? `${stageLabel(certification.projection.criticalStage)} adds most to the uncertainty. ` : ''}
                {certification.projection.note}
              </p>
            </>
          ) : (
            <p className="assay-muted">No projected date: the certification plan records dates after the review date.</p>
          )}
        </>
      )}
    </PackSection>
  );
}
