import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CombinedError, type Operation, Provider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisterRow, RiskRegisterData } from '../features/risks/register.js';
import { Router } from '../router.js';
import { type Answer, clientAnswering } from '../test/client-answering.js';
import { viewer } from '../test/fixtures.js';
import { REGISTER_PAGE_SIZE, RiskRegisterPage } from './RiskRegisterPage.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function row(id: number, level = 'High', extra: Partial<RegisterRow> = {}): RegisterRow {
  return { id: `r${id}`, title: `Risk ${id}`, owner: null, status: 'ASSESSED', score: 12, level, residualScore: null, residualLevel: null, withinAppetite: false, reviewDate: null, aiSystem: null, ...extra };
}

/** A register of `total` risks, answered page by page: the cursor is the index of the last row shown. */
function registerOf(total: number, rowOf: (index: number) => RegisterRow = (index) => row(index)) {
  return (operation: Operation): Answer => {
    const variables = operation.variables as { first: number; after: string | null };
    const start = variables.after === null ? 0 : Number(variables.after) + 1;
    const nodes = Array.from({ length: Math.max(0, Math.min(variables.first, total - start)) }, (_, offset) => rowOf(start + offset));
    const data: RiskRegisterData = { risks: { totalCount: total, pageInfo: { hasNextPage: start + nodes.length < total, endCursor: String(start + nodes.length - 1) }, nodes } };
    return { data };
  };
}

const choices: Answer = { data: { riskMatrix: { bands: [{ level: 'Low' }, { level: 'Medium' }, { level: 'High' }, { level: 'Critical' }] }, aiSystems: { nodes: [{ id: 's1', name: 'Credit scoring' }] } } };

function renderRegister(register: Answer | ((operation: Operation) => Answer), role = viewer.role) {
  const seen: Operation[] = [];
  const client = clientAnswering({ RiskRegister: register, RegisterChoices: choices }, seen);
  render(
    <Provider value={client}>
      <Router>
        <RiskRegisterPage viewer={{ ...viewer, role }} params={{}} />
      </Router>
    </Provider>,
  );
  const registerVariables = () => seen.filter((operation) => operation.query.definitions.some((definition) => definition.kind === 'OperationDefinition' && definition.name?.value === 'RiskRegister')).map((operation) => operation.variables as Record<string, unknown>);
  return { registerVariables };
}

const bodyRows = () => within(screen.getByRole('table', { name: 'Risks' })).getAllByRole('row').slice(1);

describe('RiskRegisterPage', () => {
  it('shows one page of rows with the total, highest score first, and pages forward and back', () => {
    const { registerVariables } = renderRegister(registerOf(23));
    expect(registerVariables()[0]).toMatchObject({ first: REGISTER_PAGE_SIZE, after: null, filter: {}, orderBy: { field: 'SCORE', direction: 'DESC' } });
    expect(bodyRows()).toHaveLength(10);
    expect(screen.getByTestId('register-count').textContent).toBe('1–10 of 23 risks');
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Previous page' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(registerVariables().at(-1)).toMatchObject({ after: '19' });
    expect(bodyRows()).toHaveLength(3);
    expect(screen.getByTestId('register-count').textContent).toBe('21–23 of 23 risks');
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(registerVariables().at(-1)).toMatchObject({ after: '9' });
    expect(screen.getByTestId('register-count').textContent).toBe('11–20 of 23 risks');
  });

  it('sends the chosen filters to the API and starts again at page one', () => {
    const { registerVariables } = renderRegister(registerOf(23));
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'Critical' } });
    expect(registerVariables().at(-1)).toMatchObject({ after: null, filter: { level: ['Critical'] } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'TREATING' } });
    fireEvent.change(screen.getByLabelText('AI system'), { target: { value: 's1' } });
    fireEvent.change(screen.getByLabelText('Appetite'), { target: { value: 'above' } });
    fireEvent.click(screen.getByLabelText('Review overdue'));
    expect(registerVariables().at(-1)).toMatchObject({ filter: { level: ['Critical'], status: ['TREATING'], aiSystemId: 's1', withinAppetite: false, reviewOverdue: true } });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(registerVariables().at(-1)).toMatchObject({ filter: {} });
  });

  it('searches after a pause in typing, not at every keystroke', () => {
    vi.useFakeTimers();
    const { registerVariables } = renderRegister(registerOf(3));
    const search = screen.getByLabelText('Search');
    fireEvent.change(search, { target: { value: 'bia' } });
    fireEvent.change(search, { target: { value: 'bias' } });
    expect(registerVariables().some((variables) => JSON.stringify(variables.filter).includes('bia'))).toBe(false);
    act(() => vi.advanceTimersByTime(400));
    const searched = registerVariables().filter((variables) => (variables.filter as { search?: string }).search !== undefined);
    expect(searched.map((variables) => (variables.filter as { search: string }).search)).toEqual(['bias']);
  });

  it('stays on the page it went to while no search is typed', () => {
    vi.useFakeTimers();
    const { registerVariables } = renderRegister(registerOf(23));
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    act(() => vi.advanceTimersByTime(1000));
    expect(registerVariables().at(-1)).toMatchObject({ after: '9' });
    expect(screen.getByTestId('register-count').textContent).toBe('11–20 of 23 risks');
  });

  it('sorts by a column, toggling the direction, and marks the column with aria-sort', () => {
    const { registerVariables } = renderRegister(registerOf(3));
    const scoreHeader = screen.getByRole('columnheader', { name: /Inherent/ });
    expect(scoreHeader.getAttribute('aria-sort')).toBe('descending');
    const titleHeader = screen.getByRole('columnheader', { name: /^Risk/ });
    fireEvent.click(within(titleHeader).getByRole('button'));
    expect(registerVariables().at(-1)).toMatchObject({ orderBy: { field: 'TITLE', direction: 'ASC' } });
    expect(titleHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(scoreHeader.getAttribute('aria-sort')).toBeNull();
    fireEvent.click(within(titleHeader).getByRole('button'));
    expect(registerVariables().at(-1)).toMatchObject({ orderBy: { field: 'TITLE', direction: 'DESC' } });
  });

  it('formats scores and dates and links each risk to its page', () => {
    renderRegister(registerOf(1, () => row(1, 'Critical', { score: 20, residualScore: 10, residualLevel: 'High', reviewDate: '2027-03-31', owner: 'CRO', aiSystem: { id: 's1', name: 'Credit scoring' } })));
    const [first] = bodyRows();
    const cells = within(first as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['Credit scoring', 'CRO', 'Assessed', '20 Critical', '10 High', new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2027, 2, 31))]);
    expect(screen.getByRole('link', { name: 'Risk 1' }).getAttribute('href')).toBe('/risks/r1');
    expect(screen.getByTestId('register-count').textContent).toBe('1–1 of 1 risk');
  });

  it('says so when nothing is recorded, and when the filters match nothing', () => {
    renderRegister(registerOf(0));
    expect(screen.getByText('No risks recorded yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'Low' } });
    expect(screen.getByText('No risk matches these filters.')).toBeTruthy();
  });

  it('shows the loading state, then an error with a way to retry', () => {
    renderRegister('pending');
    expect(screen.getByRole('status').textContent).toBe('Loading the risk register…');
    cleanup();
    renderRegister({ error: new CombinedError({ graphQLErrors: ['Database unavailable'] }) });
    expect(screen.getByRole('alert').textContent).toContain('Database unavailable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('offers "New risk" to a risk manager, and to no executive, auditor or analyst', () => {
    renderRegister(registerOf(1), 'RISK_MANAGER');
    expect(screen.getByRole('link', { name: 'New risk' }).getAttribute('href')).toBe('/risks/new');
    for (const role of ['EXECUTIVE', 'AUDITOR', 'ANALYST'] as const) {
      cleanup();
      renderRegister(registerOf(1), role);
      expect(screen.queryByRole('link', { name: 'New risk' })).toBeNull();
    }
  });
});
