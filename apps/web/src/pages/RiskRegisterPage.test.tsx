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

/** Renders the register at an address (the first page, unfiltered, unless told). */
function renderRegister(register: Answer | ((operation: Operation) => Answer), role = viewer.role, address = '/risks') {
  window.history.replaceState(null, '', address);
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

  it('keeps filters, order and page in the address, one history entry per change', () => {
    renderRegister(registerOf(23));
    const entries = window.history.length;
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'Critical' } });
    expect(window.location.search).toBe('?level=Critical');
    fireEvent.click(within(screen.getByRole('columnheader', { name: /^Risk/ })).getByRole('button'));
    expect(window.location.search).toBe('?level=Critical&sort=TITLE.asc');
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(window.location.search).toBe('?level=Critical&sort=TITLE.asc&page=2&after=9');
    expect(window.history.length).toBe(entries + 3);
    // Another filter starts again at the first page.
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'TREATING' } });
    expect(window.location.search).toBe('?level=Critical&status=TREATING&sort=TITLE.asc');
  });

  it('opens a shared address with its filters, order and page', () => {
    const { registerVariables } = renderRegister(registerOf(23), viewer.role, '/risks?level=High,Critical&status=IDENTIFIED,ASSESSED,TREATING,MONITORING&system=s1&sort=TITLE.desc&page=2&after=9');
    expect(registerVariables()).toHaveLength(1);
    expect(registerVariables()[0]).toMatchObject({ after: '9', filter: { level: ['High', 'Critical'], status: ['IDENTIFIED', 'ASSESSED', 'TREATING', 'MONITORING'], aiSystemId: 's1' }, orderBy: { field: 'TITLE', direction: 'DESC' } });
    expect((screen.getByLabelText('Level') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('High or Critical');
    expect((screen.getByLabelText('Status') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Open (any but closed)');
    expect(screen.getByRole('columnheader', { name: /^Risk/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByTestId('register-count').textContent).toBe('11–20 of 23 risks');
    // The cursors of earlier pages did not come with the link: the pager offers the first page.
    expect(screen.queryByRole('button', { name: 'Previous page' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'First page' }));
    expect(registerVariables().at(-1)).toMatchObject({ after: null, filter: { level: ['High', 'Critical'] } });
    expect(window.location.search).toBe('?level=High,Critical&status=IDENTIFIED,ASSESSED,TREATING,MONITORING&system=s1&sort=TITLE.desc');
  });

  it('drops what it cannot use from the address and rewrites the address to what it shows', () => {
    const { registerVariables } = renderRegister(registerOf(23), viewer.role, '/risks?level=NOPE,high&status=BAD&sort=SIZE.up&overdue=maybe&system=gone&utm_source=mail');
    expect(registerVariables().map((variables) => variables.filter)).toEqual([{ level: ['High'] }]);
    expect(window.location.pathname + window.location.search).toBe('/risks?level=High');
    expect(bodyRows()).toHaveLength(10);
  });

  it('returns to the previous filters and page with the back button, and forward again', async () => {
    const { registerVariables } = renderRegister(registerOf(23));
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'High' } });
    expect(registerVariables().at(-1)).toMatchObject({ after: null, filter: { level: ['High'] } });

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(window.location.search).toBe('?page=3&after=19');
    expect(registerVariables().at(-1)).toMatchObject({ after: '19', filter: {} });
    expect((screen.getByLabelText('Level') as HTMLSelectElement).value).toBe('');
    expect(screen.getByTestId('register-count').textContent).toBe('21–23 of 23 risks');
    // The entry remembers the way back, page by page.
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(registerVariables().at(-1)).toMatchObject({ after: '9' });
    expect(window.location.search).toBe('?page=2&after=9');

    await act(async () => {
      window.history.back();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    await act(async () => {
      window.history.forward();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(window.location.search).toBe('?page=2&after=9');
    expect(screen.getByTestId('register-count').textContent).toBe('11–20 of 23 risks');
  });

  it('adds one history entry for a search, replacing it while the search is refined', () => {
    vi.useFakeTimers();
    renderRegister(registerOf(3), viewer.role, '/risks?status=TREATING');
    const entries = window.history.length;
    const search = screen.getByLabelText('Search');
    fireEvent.change(search, { target: { value: 'bias' } });
    expect(window.location.search).toBe('?status=TREATING');
    act(() => vi.advanceTimersByTime(400));
    expect(window.location.search).toBe('?q=bias&status=TREATING');
    fireEvent.change(search, { target: { value: 'bias model' } });
    act(() => vi.advanceTimersByTime(400));
    expect(window.location.search).toBe('?q=bias%20model&status=TREATING');
    expect(window.history.length).toBe(entries + 1);
    // A deliberate change in between, then typing again: a new entry.
    fireEvent.change(screen.getByLabelText('Appetite'), { target: { value: 'above' } });
    fireEvent.change(search, { target: { value: 'bias' } });
    act(() => vi.advanceTimersByTime(400));
    expect(window.location.search).toBe('?q=bias&status=TREATING&appetite=above');
    expect(window.history.length).toBe(entries + 3);
  });

  it('shows the first page when the API refuses the cursor in the address', () => {
    const refusing = (operation: Operation): Answer => {
      const { after } = operation.variables as { after: string | null };
      if (after === 'forged') return { error: new CombinedError({ graphQLErrors: [{ message: 'after is not a cursor of this list in this order', extensions: { code: 'BAD_USER_INPUT', field: 'after' } }] }) };
      return registerOf(23)(operation);
    };
    const { registerVariables } = renderRegister(refusing, viewer.role, '/risks?level=High&page=4&after=forged');
    expect(registerVariables().map((variables) => variables.after)).toEqual(['forged', null]);
    expect(window.location.search).toBe('?level=High');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('register-count').textContent).toBe('1–10 of 23 risks');
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
