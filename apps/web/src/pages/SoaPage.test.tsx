import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CombinedError, Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../format/format-date.js';
import { type Answer, clientAnswering } from '../test/client-answering.js';
import { soa } from '../test/screens-fixtures.js';
import { SoaPage } from './SoaPage.js';

afterEach(cleanup);

function renderWith(answer: Answer) {
  return render(
    <Provider value={clientAnswering({ StatementOfApplicability: answer })}>
      <SoaPage />
    </Provider>,
  );
}

const cells = (row: Element | null | undefined) => [...(row?.children ?? [])].map((cell) => cell.textContent);
const controlRows = () => [...document.querySelectorAll('tr[data-control]')].map((row) => row.getAttribute('data-control'));

describe('SoaPage', () => {
  it('groups the controls by objective with applicability, status, evidence and the crosswalk', () => {
    renderWith({ data: soa });
    expect(screen.getByRole('heading', { level: 2, name: 'A.2 Policies related to AI' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'A.10 Third-party and customer relationships' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Controls of A.2' }).querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByText(/4 Annex A controls under 2 objectives: 3 applicable, 1 excluded; 1 of the applicable ones implemented or verified\./)).toBeTruthy();
    const verified = document.querySelector('tr[data-control="A.2.2"]');
    expect(cells(verified)).toEqual([
      'A.2.2Control A.2.2',
      'Applicable: Treats risks in the register.',
      `Verifiedsince ${formatDate('2026-03-12')}AI Governance Officer`,
      `2 itemsAI policy v2Old policy reviewExpired ${formatDate('2026-01-01')}`,
      'ISO/IEC 27001A.5.1ISO 90015.2EU AI ActArt 17(1)NIST AI RMFGOVERN 1.1 (published), GOVERN 1.2',
    ]);
    expect(verified?.querySelector('[title="NIST AIRC crosswalk"]')?.textContent).toBe('GOVERN 1.1 (published)');
    const excluded = document.querySelector('tr[data-control="A.10.4"]');
    expect(cells(excluded).slice(1, 5)).toEqual(['Excluded: No AI system is supplied to customers.', 'Not applicable', 'None', 'No link recorded']);
    expect(cells(document.querySelector('tr[data-control="A.2.3"]'))[2]).toBe(`In progressdue ${formatDate('2026-12-31')}AI Governance Officer`);
    // ISO 9001 meets 42001 at the clauses, where continual improvement is numbered differently.
    const clauses = screen.getByRole('table', { name: 'ISO/IEC 42001 clauses and ISO 9001' }).querySelectorAll('tbody tr');
    expect(cells(clauses[1])).toEqual(['10.1', '10.3', 'Proposed: numbered differently']);
  });

  it('filters by implementation status and by exclusion', () => {
    renderWith({ data: soa });
    const filter = screen.getByLabelText('Show');
    fireEvent.change(filter, { target: { value: 'IN_PROGRESS' } });
    expect(controlRows()).toEqual(['A.2.3']);
    expect(screen.queryByRole('heading', { name: /A\.10/ })).toBeNull();
    expect(screen.getByText('1 of 4 controls shown')).toBeTruthy();
    // Not started counts applicable controls only: the excluded A.10.4 is its own choice.
    fireEvent.change(filter, { target: { value: 'NOT_STARTED' } });
    expect(controlRows()).toEqual(['A.10.3']);
    fireEvent.change(filter, { target: { value: 'EXCLUDED' } });
    expect(controlRows()).toEqual(['A.10.4']);
    fireEvent.change(filter, { target: { value: 'PLANNED' } });
    expect(screen.getByText('No control matches this filter.')).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'ALL' } });
    expect(controlRows()).toEqual(['A.2.2', 'A.2.3', 'A.10.3', 'A.10.4']);
  });

  it('says so when the Statement of Applicability is empty', () => {
    renderWith({ data: { controls: { totalCount: 0, nodes: [] }, evidence: { totalCount: 0, nodes: [] }, clauses9001: [] } });
    expect(screen.getByText('The Statement of Applicability holds no control yet.')).toBeTruthy();
  });

  it('shows loading and error states', () => {
    renderWith('pending');
    expect(screen.getByRole('status').textContent).toContain('Loading the Statement of Applicability');
    cleanup();
    renderWith({ error: new CombinedError({ networkError: new Error('offline') }) });
    expect(screen.getByRole('alert').textContent).toContain('offline');
  });
});
