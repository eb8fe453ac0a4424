import { cleanup, render, screen } from '@testing-library/react';
import { CombinedError, Provider, type Client, type Operation } from 'urql';
import { concat, fromValue, never } from 'wonka';
import { afterEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../features/auth/viewer.js';
import type { RiskOverviewData, RiskRow } from '../features/risks/risks.js';
import type { SoaRow } from '../features/soa/soa.js';
import { OverviewPage } from './OverviewPage.js';

afterEach(cleanup);

const viewer: Viewer = {
  role: 'EXECUTIVE',
  sessionExpiresAt: '2026-11-29T08:00:00.000Z',
  user: { id: 'u1', name: 'Evan', email: 'exec@example.com' },
  organisation: { id: 'o1', name: 'Acme Insurance' },
};

const matrix: RiskOverviewData['riskMatrix'] = {
  likelihood: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'].map((label, index) => ({ value: index + 1, label })),
  impact: ['Insignificant', 'Minor', 'Moderate', 'Major', 'Catastrophic'].map((label, index) => ({ value: index + 1, label })),
  grid: [1, 2, 3, 4, 5].map((likelihood) => [1, 2, 3, 4, 5].map((impact) => likelihood * impact)),
  bands: [
    { level: 'Low', min: 1, max: 4 },
    { level: 'Medium', min: 5, max: 9 },
    { level: 'High', min: 10, max: 16 },
    { level: 'Critical', min: 20, max: 25 },
  ],
  appetite: 4,
  maxScore: 25,
};

function risk(id: string, likelihood: number, impact: number, level: string): RiskRow {
  const score = likelihood * impact;
  return { id, title: `Risk ${id}`, likelihood, impact, score, level, withinAppetite: score <= 4 };
}

/**
 * A client that answers every query with one fixed result, as urql's testing guide suggests.
 * The stream stays open after the result, as a real client's does, so urql does not re-run it.
 */
function clientAnswering(result: { data?: RiskOverviewData; error?: CombinedError } | 'pending'): Client {
  return {
    executeQuery: (operation: Operation) => {
      if (result === 'pending') return never;
      // The overview also asks for the Statement of Applicability; answer it with one control.
      const answer = operationName(operation) === 'ControlProgress' ? { data: { statementOfApplicability: [soaRow] } } : result;
      return concat([fromValue({ operation, ...answer, stale: false, hasNext: false }), never]);
    },
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client;
}

const soaRow: SoaRow = { controlId: 'A.2.2', applicable: true, implementationStatus: 'VERIFIED', control: { objectiveId: 'A.2', objectiveTitle: 'Policies related to AI' } };

function operationName(operation: Operation): string | undefined {
  const definition = operation.query.definitions[0];
  return definition?.kind === 'OperationDefinition' ? definition.name?.value : undefined;
}

function renderWith(client: Client) {
  return render(
    <Provider value={client}>
      <OverviewPage viewer={viewer} />
    </Provider>,
  );
}

describe('OverviewPage', () => {
  it('shows headline figures computed by the risk engine', () => {
    // Scores 20 (Critical), 12 (High), 6 (Medium), 2 (Low): 2 high or critical, 3 above appetite 4, mean 40 / 4 = 10.
    const risks = [risk('a', 4, 5, 'Critical'), risk('b', 3, 4, 'High'), risk('c', 2, 3, 'Medium'), risk('d', 1, 2, 'Low')];
    renderWith(clientAnswering({ data: { risks, riskMatrix: matrix } }));
    expect(screen.getByRole('heading', { name: 'Overview of Acme Insurance' })).toBeTruthy();
    const tile = (label: string) => screen.getByText(label).previousElementSibling?.textContent;
    expect(tile('Risks in the register')).toBe('4');
    expect(tile('High and critical risks')).toBe('2');
    expect(tile('Above risk appetite')).toBe('3');
    expect(tile('Mean inherent score')).toBe('10');
    expect(screen.getByRole('table', { name: 'Risk scores as a table' }).querySelectorAll('tbody tr')).toHaveLength(4);
    // One applicable control, verified: 1 of 1, 100%.
    expect(screen.getByText('1 of 1 applicable controls implemented or verified, by objective.')).toBeTruthy();
  });

  it('says so when the register is empty', () => {
    renderWith(clientAnswering({ data: { risks: [], riskMatrix: matrix } }));
    expect(screen.getByText('No risks recorded yet.')).toBeTruthy();
    expect(screen.getByText('Mean inherent score').previousElementSibling?.textContent).toBe('–');
  });

  it('shows a loading state while the query runs', () => {
    renderWith(clientAnswering('pending'));
    expect(screen.getByRole('status').textContent).toContain('Loading');
  });

  it('explains a failed query and offers a retry', () => {
    renderWith(clientAnswering({ error: new CombinedError({ networkError: new Error('connection refused') }) }));
    expect(screen.getByRole('alert').textContent).toContain('connection refused');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
