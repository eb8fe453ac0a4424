import { cleanup, render, screen } from '@testing-library/react';
import { CombinedError, Provider, type Client } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import type { RiskOverviewData } from '../features/risks/risks.js';
import type { SoaRow } from '../features/soa/soa.js';
import { formatDate } from '../format/format-date.js';
import { type Answer, clientAnswering } from '../test/client-answering.js';
import { certificationOutlook, overviewOf, readinessAnswer, risk, viewer } from '../test/fixtures.js';
import { OverviewPage } from './OverviewPage.js';

afterEach(cleanup);

const soaRow: SoaRow = { controlId: 'A.2.2', applicable: true, implementationStatus: 'VERIFIED', implementedDate: '2026-05-04', dueDate: '2026-05-31', control: { objectiveId: 'A.2', objectiveTitle: 'Policies related to AI' } };

/** Answers for every query of the page but the risk register's; the cards' own tests cover theirs. */
const otherAnswers: Record<string, Answer> = {
  ControlProgress: { data: { controls: { nodes: [soaRow] } } },
  OpenFairnessAlerts: { data: { findings: { totalCount: 2 } } },
  CertificationOutlook: { data: certificationOutlook },
  Readiness: { data: readinessAnswer },
  FairnessThresholds: { data: { fairnessThresholds: [] } },
  RiskTrend: { data: { riskTrend: [] } },
  LastReview: { data: { managementReviews: { nodes: [{ heldOn: '2026-06-24' }] } } },
  ResidualSince: { data: { riskTrend: [{ date: '2026-06-24', residual: { totalScore: 50 } }, { date: '2026-11-29', residual: { totalScore: 40 } }] } },
  OverdueActions: { data: { correctiveActions: { totalCount: 3 } } },
};

function renderWith(client: Client) {
  return render(
    <Provider value={client}>
      <OverviewPage viewer={viewer} />
    </Provider>,
  );
}

const withRegister = (register: Answer, others: Record<string, Answer> = otherAnswers) => clientAnswering({ ...others, RiskOverview: register });

const tile = (label: string) => screen.getByText(label).previousElementSibling?.textContent;

describe('OverviewPage', () => {
  it('shows headline figures computed by the risk engine and read from the API', () => {
    // Scores 20 (Critical), 12 (High), 6 (Medium), 2 (Low): 2 high or critical, 3 above appetite 4, mean 40 / 4 = 10.
    const risks = [risk('a', 4, 5, 'Critical'), risk('b', 3, 4, 'High'), risk('c', 2, 3, 'Medium'), risk('d', 1, 2, 'Low')];
    // One of the two high or critical risks is closed: the API counts the open ones.
    const data: RiskOverviewData = { ...overviewOf(risks), openHighAndCritical: { totalCount: 1 } };
    renderWith(withRegister({ data }));
    expect(screen.getByRole('heading', { name: 'Overview of Acme Insurance' })).toBeTruthy();
    expect(tile('Risks in the register')).toBe('4');
    expect(tile('Open high and critical risks')).toBe('1');
    expect(tile('Above risk appetite')).toBe('3');
    expect(tile('Mean inherent score')).toBe('10');
    // The counted tiles lead to the register, filtered to what they count.
    expect(screen.getByRole('link', { name: /^1 open high and critical risks/ }).getAttribute('href')).toBe('/risks?level=High,Critical&status=IDENTIFIED,ASSESSED,TREATING,MONITORING');
    expect(screen.getByRole('link', { name: /^3 above risk appetite/ }).getAttribute('href')).toBe('/risks?appetite=above');
    expect(screen.getByRole('link', { name: /^4 risks in the register/ }).getAttribute('href')).toBe('/risks');
    // Residual exposure is the sum of residual scores (untreated risks at their inherent score): 20 + 12 + 6 + 2.
    expect(tile('Residual exposure (sum of residual scores)')).toBe('40');
    expect(screen.getByText(/^Down 10 \(20\s?%\) since the review of/).textContent).toContain(formatDate('2026-06-24'));
    expect(tile('Applicable controls implemented')).toBe('1 of 1');
    expect(tile('Overdue corrective actions')).toBe('3');
    expect(screen.getByRole('table', { name: 'Risk scores as a table' }).querySelectorAll('tbody tr')).toHaveLength(4);
    // One applicable control, verified: 1 of 1, 100%.
    expect(screen.getByText('1 of 1 applicable controls implemented or verified, by objective.')).toBeTruthy();
    // Two open monitoring findings; the projection's P50 and P80; readiness 0.625 shown as a whole percentage.
    expect(tile('Open fairness alerts')).toBe('2');
    expect(tile('Projected certification date (P50)')).toBe(formatDate('2026-11-20'));
    expect(tile('80% sure of certification by (P80)')).toBe(formatDate('2027-01-15'));
    expect(tile('Overall readiness')).toBe(new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(0.625));
    // The new cards are all on the page.
    for (const title of ['Risk heatmap', 'Exposure over time', 'Fairness over time', 'Certification timeline']) {
      expect(screen.getByRole('heading', { name: title })).toBeTruthy();
    }
  });

  it('says so when the register is empty', () => {
    renderWith(withRegister({ data: overviewOf([]) }));
    expect(screen.getByText('No risks recorded yet.')).toBeTruthy();
    expect(screen.getByText('No risks to place on the matrix yet.')).toBeTruthy();
    expect(screen.getByText('Mean inherent score').previousElementSibling?.textContent).toBe('–');
  });

  it('shows a loading state while the query runs', () => {
    renderWith(clientAnswering({}));
    expect(screen.getByRole('status').textContent).toContain('Loading');
  });

  it('explains a failed query and offers a retry', () => {
    renderWith(withRegister({ error: new CombinedError({ networkError: new Error('connection refused') }) }));
    expect(screen.getByRole('alert').textContent).toContain('connection refused');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('marks headline tiles whose own query is still running or failed', () => {
    const failed = { error: new CombinedError({ networkError: new Error('timeout') }) };
    renderWith(withRegister({ data: overviewOf([]) }, { ...otherAnswers, OpenFairnessAlerts: 'pending', CertificationOutlook: failed }));
    expect(tile('Open fairness alerts')).toBe('…');
    expect(screen.getByText('Open fairness alerts').parentElement?.getAttribute('aria-busy')).toBe('true');
    expect(tile('Projected certification date (P50)')).toBe('–');
    expect(screen.getByText('Projected certification date (P50)').nextElementSibling?.textContent).toBe('Could not be loaded: [Network] timeout');
    // The timeline card shares the failed query and says so too.
    expect(screen.getByText(/The certification projection could not be loaded/)).toBeTruthy();
  });
});
