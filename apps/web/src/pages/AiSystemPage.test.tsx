import { cleanup, render, screen, within } from '@testing-library/react';
import { CombinedError, Provider, type Operation } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rateAxis } from '../features/ai-systems/FairnessReportCard.js';
import { formatDate } from '../format/format-date.js';
import { type Answer, clientAnswering, giveElementsASize } from '../test/client-answering.js';
import { trend } from '../test/fixtures.js';
import { report, system, systemFairness } from '../test/screens-fixtures.js';
import { AiSystemPage } from './AiSystemPage.js';

beforeEach(() => giveElementsASize());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const full: Record<string, Answer> = {
  AiSystemDetail: { data: { aiSystem: system } },
  SystemFairness: { data: systemFairness },
  FairnessReport: { data: { fairnessReport: report } },
  FairnessTrend: { data: { fairnessTrend: trend } },
};

function renderWith(answers: Record<string, Answer>, seen: Operation[] = []) {
  return render(
    <Provider value={clientAnswering(answers, seen)}>
      <AiSystemPage id="s1" />
    </Provider>,
  );
}

const cells = (row: Element | undefined) => [...(row?.children ?? [])].map((cell) => cell.textContent);

describe('AiSystemPage', () => {
  it('shows the purpose, intended use, tier with its rationale, and the obligations it brings', () => {
    renderWith(full);
    expect(screen.getByRole('heading', { level: 1, name: 'Credit scoring' })).toBeTruthy();
    expect(screen.getByText('Scores consumer loan applications.')).toBeTruthy();
    expect(screen.getByText('Recommends approve, refer or decline; officers decide referrals.')).toBeTruthy();
    expect(screen.getByText('High risk')).toBeTruthy();
    expect(screen.getByText(/Annex III point 5\(b\)/).textContent).toContain(`Classified with the questionnaire by Dana Demo on ${formatDate('2026-05-04T09:00:00.000Z')}.`);
    const obligation = screen.getByRole('table', { name: 'EU AI Act obligations' }).querySelectorAll('tbody tr');
    expect(cells(obligation[0])).toEqual(['Art. 9', 'Risk management system', 'providers', `${formatDate('2026-08-02')} (reported move to ${formatDate('2027-12-02')}, not yet verified)`]);
  });

  it('lists the risks and impact assessments, flagging what is above appetite or overdue', () => {
    renderWith(full);
    const risks = screen.getByRole('table', { name: 'Risks of this AI system' }).querySelectorAll('tbody tr');
    expect(risks).toHaveLength(2);
    expect(cells(risks[0])).toEqual(['Under-approves applicants over 60', 'Critical (20)Above appetite', 'High (10)', 'Being treated', 'Head of Credit Risk']);
    expect(cells(risks[1])).toEqual(['Generic decline reasons', 'Low (3)', 'Not rated', 'Assessed', '–']);
    expect(screen.getByRole('link', { name: 'Open these risks in the risk register' }).getAttribute('href')).toBe(`/risks?system=${system.id}`);
    const assessments = screen.getByRole('table', { name: 'Impact assessments of this AI system' }).querySelectorAll('tbody tr');
    expect(cells(assessments[0])).toEqual([
      'Credit scoring: impact assessment and FRIA',
      `Approved on ${formatDate('2026-07-31')}`,
      formatDate('2026-07-20'),
      `${formatDate('2026-01-31')}Overdue`,
      '2 / 1',
      `Required; notified ${formatDate('2026-08-04')}`,
    ]);
  });

  it('draws each group’s selection rate with its interval and marks the small group as suppressed', () => {
    const seen: Operation[] = [];
    const { container } = renderWith(full, seen);
    const chart = screen.getByRole('img', { name: /^Selection rate of 3 groups of sex for Credit scoring, with 95% intervals/ });
    // All rows, F and M have a point and an interval; X has neither, only the suppression note.
    expect(chart.querySelectorAll('.assay-intervals__point')).toHaveLength(3);
    expect(chart.querySelectorAll('.assay-intervals__range')).toHaveLength(3);
    const suppressed = chart.querySelector('[data-group="X"]');
    expect(suppressed?.querySelector('.assay-intervals__point')).toBeNull();
    expect(suppressed?.textContent).toContain('Suppressed: fewer than 30 rows');
    expect(chart.querySelector('[data-group="M"]')?.textContent).toContain('M (privileged)');
    // The highest upper bound is 32%, so the axis runs to 40%: F's 21% sits at 52.5% of the track.
    const female = chart.querySelector<HTMLElement>('[data-group="F"] .assay-intervals__point');
    expect(parseFloat(female?.style.left ?? '')).toBeCloseTo(52.5, 6);
    expect(container.textContent).toContain('Four-fifths rule not met: F is selected at 0.70 of the rate of M.');
    // The table view: all rows, then each group; the suppressed one without figures.
    const rows = screen.getByRole('table', { name: 'Fairness report by sex as a table' }).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(4);
    const percent = (value: number) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    expect(cells(rows[1]).slice(0, 4)).toEqual(['F', new Intl.NumberFormat().format(2000), percent(0.21), `${percent(0.193)} – ${percent(0.228)}`]);
    expect(rows[3]?.getAttribute('data-suppressed')).toBe('true');
    expect(cells(rows[3])).toEqual(['X', '12', 'Suppressed: fewer than 30 rows']);
    // The report asks for the threshold's privileged group and size, over the 12 weeks before the last window ended.
    const variables = seen.find((operation) => operation.variables && 'attribute' in operation.variables && 'from' in operation.variables)?.variables;
    expect(variables).toEqual({ aiSystemId: 's1', attribute: 'sex', privilegedGroup: 'M', minGroupSize: 30, from: '2026-01-05' });
  });

  it('draws the fairness trend of each threshold with the overview’s chart', () => {
    renderWith(full);
    expect(screen.getByRole('heading', { name: 'Fairness over time: Credit scoring' })).toBeTruthy();
    const chart = screen.getByRole('img', { name: /^Line chart of Disparate impact by sex/ });
    expect(chart.querySelectorAll('.recharts-line-dot')).toHaveLength(4);
  });

  it('says so when the system has no risks, assessments or monitoring', () => {
    renderWith({ ...full, AiSystemDetail: { data: { aiSystem: { ...system, risks: [], impactAssessments: [], aiActClassification: null } } }, SystemFairness: { data: { fairnessAttributes: [], fairnessThresholds: [] } } });
    expect(screen.getByText('No risk is recorded against this system.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Open these risks in the risk register' })).toBeNull();
    expect(screen.getByText('No impact assessment has been made for this system.')).toBeTruthy();
    expect(screen.getByText('No prediction log has been imported for Credit scoring, so there is no fairness report.')).toBeTruthy();
    expect(screen.getByText('No fairness threshold is set for Credit scoring, so no metric is followed over time.')).toBeTruthy();
    expect(screen.getByText(/Not classified with the questionnaire/)).toBeTruthy();
  });

  it('says so when the organisation has no such system', () => {
    renderWith({ AiSystemDetail: { data: { aiSystem: null } } });
    expect(screen.getByText('Your organisation has no AI system with this address.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the AI system inventory' }).getAttribute('href')).toBe('/ai-systems');
  });

  it('shows loading and error states for the system and for its fairness', () => {
    renderWith({});
    expect(screen.getByRole('status').textContent).toContain('Loading the AI system');
    cleanup();
    renderWith({ AiSystemDetail: { error: new CombinedError({ networkError: new Error('offline') }) } });
    expect(screen.getByRole('alert').textContent).toContain('offline');
    cleanup();
    renderWith({ ...full, FairnessReport: { error: new CombinedError({ graphQLErrors: [{ message: 'attribute: has no fairness windows' }] }) } });
    expect(within(screen.getByRole('alert')).getByText(/The selection rate by sex of Credit scoring could not be loaded/)).toBeTruthy();
    cleanup();
    renderWith({ AiSystemDetail: { data: { aiSystem: system } } });
    expect(screen.getByRole('status').textContent).toContain('Loading the fairness monitoring of Credit scoring');
  });
});

describe('rateAxis', () => {
  it('rounds the top up to a step that gives at most five ticks', () => {
    // 0.32 / 0.05 = 6.4 steps is too many; 0.32 / 0.1 = 3.2, so four steps of 10% to 40%.
    expect(rateAxis(0.32)).toEqual({ top: 0.4, step: 0.1 });
    expect(rateAxis(0.03)).toEqual({ top: 0.03, step: 0.01 });
    expect(rateAxis(0.95)).toEqual({ top: 1, step: 0.2 });
    // No rate at all: the whole 0–100% axis.
    expect(rateAxis(0)).toEqual({ top: 1, step: 0.25 });
  });
});
