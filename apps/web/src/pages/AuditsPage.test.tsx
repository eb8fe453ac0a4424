import { cleanup, render, screen } from '@testing-library/react';
import { CombinedError, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../format/format-date.js';
import { type Answer, clientAnswering } from '../test/client-answering.js';
import { auditRegister } from '../test/screens-fixtures.js';
import { AuditsPage } from './AuditsPage.js';

afterEach(cleanup);

function renderWith(answer: Answer) {
  return render(
    <Provider value={clientAnswering({ AuditRegister: answer })}>
      <AuditsPage />
    </Provider>,
  );
}

const cells = (row: Element | null | undefined) => [...(row?.children ?? [])].map((cell) => cell.textContent);
const tile = (label: string) => screen.getByText(label).previousElementSibling?.textContent;

describe('AuditsPage', () => {
  it('lists each audit’s findings with type, clause and root cause, and its corrective actions with owner, due date and effectiveness', () => {
    renderWith({ data: auditRegister });
    expect(screen.getByRole('heading', { level: 2, name: 'Internal audit of the AIMS 2026' })).toBeTruthy();
    expect(screen.getByText(/Completed, completed/).textContent).toBe(`Completed, completed ${formatDate('2026-10-16')}; lead auditor Internal Audit. Scope: Clauses 4–10 and Annex A.`);
    const findings = screen.getByRole('table', { name: 'Findings of Internal audit of the AIMS 2026' }).querySelectorAll('tbody tr');
    expect(findings).toHaveLength(3);
    expect(cells(findings[0])).toEqual(['Major nonconformity', 'A.6.2.8', 'Event logs kept for 90 days.', 'Platform default never changed.', formatDate('2026-10-14'), 'Open']);
    expect(cells(findings[1])?.slice(0, 2)).toEqual(['Minor nonconformity', 'Clause 8.2']);
    expect(cells(findings[2])?.[3]).toBe('Not recorded');
    const actions = screen.getByRole('table', { name: 'Corrective actions of Internal audit of the AIMS 2026' }).querySelectorAll('tbody tr');
    expect(actions).toHaveLength(2);
    expect(cells(actions[0])).toEqual(['Raise log retention to 13 months.', 'Major nonconformity (A.6.2.8)', 'Platform Engineering Lead', `${formatDate('2026-11-15')}Overdue`, 'Not yet', '–']);
    expect(actions[0]?.getAttribute('data-overdue')).toBe('true');
    expect(cells(actions[1])).toEqual(['Add supplier changes to the triggers.', 'Minor nonconformity (Clause 8.2)', 'Model Risk Manager', formatDate('2026-10-31'), formatDate('2026-10-28'), 'Effective: Two changes sampled, both re-assessed.']);
    expect(actions[1]?.hasAttribute('data-overdue')).toBe(false);
  });

  it('shows the monitoring findings with their AI system, and the headline figures over all findings', () => {
    renderWith({ data: auditRegister });
    const monitoring = screen.getByRole('table', { name: 'Findings raised by fairness monitoring' }).querySelectorAll('tbody tr');
    expect(cells(monitoring[0])?.slice(0, 3)).toEqual(['Minor nonconformity', 'Credit scoring', 'Disparate impact by sex fell below 0.8.']);
    const actions = screen.getByRole('table', { name: 'Corrective actions of monitoring findings' }).querySelectorAll('tbody tr');
    expect(cells(actions[0])?.[5]).toBe('Not checked yet');
    // Open findings f1, f3, f9; open action c1, which is overdue; c9 done but unchecked.
    expect(tile('Internal audits')).toBe('1');
    expect(tile('Open findings')).toBe('3');
    expect(tile('Corrective actions open')).toBe('1');
    expect(tile('Corrective actions overdue')).toBe('1');
    expect(tile('Done, effectiveness not yet checked')).toBe('1');
  });

  it('says so when nothing is recorded', () => {
    renderWith({ data: { audits: { totalCount: 0, nodes: [] }, findings: { totalCount: 0, nodes: [] } } });
    expect(screen.getByText('No internal audit is recorded yet.')).toBeTruthy();
    expect(screen.getByText('Fairness monitoring has raised no finding.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so when an audit raised no finding', () => {
    const quiet = { ...auditRegister, audits: { totalCount: 1, nodes: [{ ...auditRegister.audits.nodes[0]!, findings: [], completedOn: null, status: 'PLANNED' as const }] } };
    renderWith({ data: quiet });
    expect(screen.getByText('This audit raised no finding.')).toBeTruthy();
    expect(screen.getByText(/^Planned, planned for/).textContent).toContain(formatDate('2026-10-05'));
  });

  it('shows loading and error states', () => {
    renderWith('pending');
    expect(screen.getByRole('status').textContent).toContain('Loading the audits');
    cleanup();
    renderWith({ error: new CombinedError({ networkError: new Error('offline') }) });
    expect(screen.getByRole('alert').textContent).toContain('offline');
  });
});
