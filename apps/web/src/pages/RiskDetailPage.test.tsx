import { cleanup, render, screen, within } from '@testing-library/react';
import { CombinedError, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RiskDetailData } from '../features/risks/register.js';
import { Router } from '../router.js';
import { type Answer, clientAnswering, giveElementsASize } from '../test/client-answering.js';
import { viewer } from '../test/fixtures.js';
import { RiskDetailPage } from './RiskDetailPage.js';

beforeEach(() => giveElementsASize());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const data: RiskDetailData = {
  risk: {
    id: 'k1',
    version: 2,
    title: 'Bias in credit model',
    description: 'Approval rates drift for older applicants.',
    status: 'TREATING',
    treatment: 'MITIGATE',
    owner: 'Head of Credit',
    reviewDate: '2027-01-31',
    objective: 'fairness',
    source: 'machine-learning',
    likelihood: 4,
    impact: 5,
    score: 20,
    level: 'Critical',
    withinAppetite: false,
    residualLikelihood: 2,
    residualImpact: 5,
    residualScore: 10,
    residualLevel: 'High',
    reassessmentReason: 'Disparate impact by age fell below 0.8',
    controlIds: ['A.5.4', 'A.9.9'],
    updatedAt: '2026-11-01T10:00:00Z',
    aiSystem: { id: 's1', name: 'Credit scoring' },
    // Newest first, as the API lists them.
    assessments: [
      { id: 'a2', assessedAt: '2026-06-01T10:00:00Z', likelihood: 4, impact: 5, score: 20, level: 'Critical', residualScore: 10, residualLevel: 'High', assessedBy: { name: 'Dana' } },
      { id: 'a1', assessedAt: '2026-01-05T10:00:00Z', likelihood: 4, impact: 5, score: 20, level: 'Critical', residualScore: null, residualLevel: null, assessedBy: null },
    ],
  },
  riskMatrix: { likelihood: [], impact: [], appetite: 4, maxScore: 25 },
  controls: { nodes: [{ controlId: 'A.5.4', applicable: true, implementationStatus: 'IN_PROGRESS', control: { title: 'Assessing AI system impact' } }] },
};

function renderDetail(answer: Answer, role = viewer.role) {
  render(
    <Provider value={clientAnswering({ RiskDetail: answer })}>
      <Router>
        <RiskDetailPage viewer={{ ...viewer, role }} params={{ id: 'k1' }} />
      </Router>
    </Provider>,
  );
}

describe('RiskDetailPage', () => {
  it('shows the ratings, the re-assessment request, the score history and the linked controls', () => {
    renderDetail({ data });
    expect(screen.getByRole('heading', { level: 1, name: 'Bias in credit model' })).toBeTruthy();
    const ratings = screen.getByRole('region', { name: 'Ratings' });
    expect(ratings.textContent).toContain('20 Critical');
    expect(ratings.textContent).toContain('likelihood 4 × impact 5; above the appetite of 4');
    expect(ratings.textContent).toContain('10 High');
    expect(screen.getByRole('note').textContent).toContain('Disparate impact by age fell below 0.8');
    const chart = screen.getByRole('img', { name: 'Step chart of the inherent and residual score over 2 assessments' });
    expect(chart.querySelectorAll('.recharts-line-curve')).toHaveLength(2);
    // Linked controls: one known to the Statement of Applicability, one it does not list.
    const controls = within(screen.getByRole('region', { name: 'Linked controls' })).getAllByRole('row').slice(1);
    expect(controls.map((row) => row.textContent)).toEqual(['A.5.4Assessing AI system impactYesIn progress', 'A.9.9–––']);
  });

  it('offers "Edit risk" to an administrator only among these roles', () => {
    renderDetail({ data }, 'ADMIN');
    expect(screen.getByRole('link', { name: 'Edit risk' }).getAttribute('href')).toBe('/risks/k1/edit');
    for (const role of ['EXECUTIVE', 'AUDITOR', 'ANALYST'] as const) {
      cleanup();
      renderDetail({ data }, role);
      expect(screen.queryByRole('link', { name: 'Edit risk' })).toBeNull();
    }
  });

  it('says when no control is linked', () => {
    renderDetail({ data: { ...data, risk: data.risk ? { ...data.risk, controlIds: [] } : null } });
    expect(screen.getByText('No Annex A control is linked to this risk yet.')).toBeTruthy();
  });

  it('shows loading, error and not-found states', () => {
    renderDetail('pending');
    expect(screen.getByRole('status').textContent).toBe('Loading the risk…');
    cleanup();
    renderDetail({ error: new CombinedError({ graphQLErrors: ['Database unavailable'] }) });
    expect(screen.getByRole('alert').textContent).toContain('Database unavailable');
    cleanup();
    renderDetail({ data: { ...data, risk: null } });
    expect(screen.getByRole('heading', { level: 1, name: 'Risk not found' })).toBeTruthy();
  });
});
