import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CombinedError, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../format/format-date.js';
import { type Answer, clientAnswering, giveElementsASize } from '../../test/client-answering.js';
import { ControlBurnUpChart } from './ControlBurnUpChart.js';
import type { SoaRow } from './soa.js';

beforeEach(() => giveElementsASize());
afterEach(cleanup);

const row = (controlId: string, objectiveId: string, fields: Partial<SoaRow>): SoaRow => ({
  controlId,
  applicable: true,
  implementationStatus: 'PLANNED',
  implementedDate: null,
  dueDate: null,
  control: { objectiveId, objectiveTitle: objectiveId === 'A.2' ? 'Policies related to AI' : 'Internal organisation' },
  ...fields,
});

const controls: SoaRow[] = [
  row('A.2.2', 'A.2', { implementationStatus: 'VERIFIED', implementedDate: '2026-01-12' }),
  row('A.2.3', 'A.2', { dueDate: '2026-04-30' }),
  row('A.3.2', 'A.3', { implementationStatus: 'IMPLEMENTED', implementedDate: '2026-02-09' }),
];

function renderWith(answer: Answer) {
  return render(
    <Provider value={clientAnswering({ ControlProgress: answer })}>
      <ControlBurnUpChart today="2026-03-15" />
    </Provider>,
  );
}

describe('ControlBurnUpChart', () => {
  it('draws implemented, planned and applicable controls per month end, and follows the chosen objective', () => {
    renderWith({ data: { controls: { nodes: controls } } });
    const chart = () => screen.getByRole('img', { name: /controls implemented, planned and in scope/ });
    expect(chart().getAttribute('aria-label')).toContain('for all Annex A objectives, at 4 month ends');
    expect(chart().querySelectorAll('.recharts-line-curve')).toHaveLength(3);
    expect([...chart().querySelectorAll('.assay-chart__legend-item')].map((item) => item.textContent)).toEqual(['Implemented', 'Planned (due dates)', 'Applicable controls']);
    const table = () => [...screen.getByRole('table', { name: 'Control implementation burn-up as a table' }).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent));
    expect(table()).toEqual([
      [formatDate('2026-01-31'), '1', '1', '3'],
      [formatDate('2026-02-28'), '2', '2', '3'],
      [formatDate('2026-03-31'), '2', '2', '3'],
      [formatDate('2026-04-30'), '–', '3', '3'],
    ]);
    expect(screen.getByText(/2 of 3 implemented now, 3 due by/)).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Objective' }), { target: { value: 'A.2' } });
    expect(chart().getAttribute('aria-label')).toContain('for A.2 Policies related to AI');
    expect(table()).toEqual([
      [formatDate('2026-01-31'), '1', '1', '2'],
      [formatDate('2026-02-28'), '1', '1', '2'],
      [formatDate('2026-03-31'), '1', '1', '2'],
      [formatDate('2026-04-30'), '–', '2', '2'],
    ]);
  });

  it('says so when no control has a date, and shows loading and errors', () => {
    const { container } = renderWith({ data: { controls: { nodes: [row('A.2.2', 'A.2', {})] } } });
    expect(container.querySelector('.assay-chart__empty')?.textContent).toBe('No data for this period');
    expect(screen.getByText('No applicable control of all Annex A objectives has an implementation or due date yet.')).toBeTruthy();
    cleanup();
    renderWith({ error: new CombinedError({ networkError: new Error('offline') }) });
    expect(screen.getByRole('alert').textContent).toContain('offline');
    cleanup();
    renderWith('pending');
    expect(screen.getByRole('status').textContent).toContain('Loading the control burn-up');
  });
});
