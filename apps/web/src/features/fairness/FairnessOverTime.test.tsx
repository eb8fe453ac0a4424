import { formatNumber } from '@assay/ui';
import { cleanup, render, screen, within } from '@testing-library/react';
import { CombinedError, Provider, type Operation } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../format/format-date.js';
import { type Answer, clientAnswering, giveElementsASize } from '../../test/client-answering.js';
import { threshold, trend } from '../../test/fixtures.js';
import { fairnessCaption, type FairnessTrend, metricFormatter } from './fairness.js';
import { FairnessOverTime } from './FairnessOverTime.js';

beforeEach(() => giveElementsASize());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderWith(answers: Record<string, Answer>, seen: Operation[] = []) {
  return render(
    <Provider value={clientAnswering(answers, seen)}>
      <FairnessOverTime />
    </Provider>,
  );
}

describe('FairnessOverTime', () => {
  it('draws the metric with its interval, the four-fifths line and the shift, and asks for the threshold’s own settings', () => {
    const seen: Operation[] = [];
    const { container } = renderWith({ FairnessThresholds: { data: { fairnessThresholds: [threshold] } }, FairnessTrend: { data: { fairnessTrend: trend } } }, seen);
    expect(screen.getByRole('heading', { name: 'Fairness over time: Credit scoring' })).toBeTruthy();
    const chart = screen.getByRole('img', { name: /Disparate impact by sex, privileged group M for Credit scoring over 4 windows/ });
    // One line, one band, one threshold line labelled as the four-fifths rule, one marker per shift.
    expect(chart.querySelectorAll('.recharts-line-curve')).toHaveLength(1);
    expect(chart.querySelectorAll('.recharts-line-dot')).toHaveLength(4);
    expect(chart.querySelectorAll('.recharts-area-area')).toHaveLength(1);
    expect(chart.querySelectorAll('.recharts-reference-line-line').length).toBeGreaterThanOrEqual(1);
    expect(chart.textContent).toContain('Four-fifths line 0.8');
    expect(chart.querySelectorAll('.assay-chart__marker line')).toHaveLength(1);
    expect(chart.textContent).toContain('Shift down');
    // The last two windows (0.78 from 15 March, 0.74 from 22 March) are below 0.8.
    expect(container.textContent).toContain(`Latest 0.74 (window from ${formatDate('2026-03-22')}); trend decreasing; below the threshold since ${formatDate('2026-03-15')}.`);
    // The table lists every window; the API's end is the day after the last day.
    const rows = screen.getByRole('table', { name: 'Disparate impact per window as a table' }).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(4);
    const decimal = metricFormatter('DISPARATE_IMPACT');
    expect([...(rows[0]?.children ?? [])].map((cell) => cell.textContent)).toEqual([formatDate('2026-03-01'), formatDate('2026-03-07'), decimal(0.86), `${decimal(0.8)} – ${decimal(0.92)}`, formatNumber(1200)]);
    const variables = seen.find((operation) => operation.variables && 'metric' in operation.variables)?.variables;
    expect(variables).toEqual({ aiSystemId: 's1', metric: 'DISPARATE_IMPACT', attribute: 'sex', privilegedGroup: 'M', minGroupSize: 30, threshold: 0.8, thresholdDirection: 'BELOW' });
  });

  it('draws one card per threshold', () => {
    const second = { ...threshold, id: 't2', aiSystem: { id: 's2', name: 'Claims triage' }, metric: 'SELECTION_RATE' as const, value: 0.3, privilegedGroup: null };
    renderWith({ FairnessThresholds: { data: { fairnessThresholds: [threshold, second] } }, FairnessTrend: { data: { fairnessTrend: trend } } });
    expect(screen.getByRole('heading', { name: 'Fairness over time: Credit scoring' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Fairness over time: Claims triage' })).toBeTruthy();
    // A rate threshold is not the four-fifths rule; rates show as percentages.
    expect(screen.getByRole('img', { name: /Selection rate by sex for Claims triage/ }).textContent).toContain('Threshold 30%');
  });

  it('charts the thresholds beyond or nearest to their line first, at most four, and counts the rest', () => {
    const reading = (value: number) => ({ start: '2026-03-22', end: '2026-03-29', value, n: 1200, breached: value < 0.8 });
    const models = [0.95, 0.7, 0.83, 0.9, 0.79, 0.99].map((value, index) => ({ ...threshold, id: `t${index}`, aiSystem: { id: `s${index}`, name: `Model ${index}` }, latest: reading(value) }));
    const { container } = renderWith({ FairnessThresholds: { data: { fairnessThresholds: models } }, FairnessTrend: { data: { fairnessTrend: trend } } });
    const headings = screen.getAllByRole('heading', { name: /^Fairness over time: / }).map((heading) => heading.textContent);
    // Furthest below 0.8 first (0.7, 0.79), then the nearest above it (0.83, 0.9).
    expect(headings).toEqual(['Fairness over time: Model 1', 'Fairness over time: Model 4', 'Fairness over time: Model 2', 'Fairness over time: Model 3']);
    expect(container.textContent).toContain("6 models' fairness is monitored; 2 are beyond theirs in the latest window.");
    expect(screen.getByRole('link', { name: 'AI systems' }).getAttribute('href')).toBe('/ai-systems');
  });

  it('says so when no threshold is set', () => {
    renderWith({ FairnessThresholds: { data: { fairnessThresholds: [] } } });
    expect(screen.getByRole('heading', { name: 'Fairness over time' })).toBeTruthy();
    expect(screen.getByText('No fairness thresholds are set, so no fairness metric is monitored yet.')).toBeTruthy();
  });

  it('says so when a threshold has no windows yet', () => {
    const empty: FairnessTrend = { ...trend, breached: false, points: [], changePoints: [], trend: { direction: 'no trend', slopePerDay: null } };
    const { container } = renderWith({ FairnessThresholds: { data: { fairnessThresholds: [threshold] } }, FairnessTrend: { data: { fairnessTrend: empty } } });
    expect(container.querySelector('.assay-chart__empty')?.textContent).toBe('No data for this period');
    expect(container.querySelectorAll('svg.recharts-surface')).toHaveLength(0);
    expect(screen.getByText('No monitoring windows recorded yet.')).toBeTruthy();
    expect(container.textContent).toContain('No window has a value for this metric yet.');
  });

  it('shows loading and error states for the thresholds and for each trend', () => {
    renderWith({});
    expect(screen.getByRole('status').textContent).toContain('Loading the fairness thresholds');
    cleanup();
    renderWith({ FairnessThresholds: { error: new CombinedError({ networkError: new Error('offline') }) } });
    expect(screen.getByRole('alert').textContent).toContain('offline');
    cleanup();
    renderWith({ FairnessThresholds: { data: { fairnessThresholds: [threshold] } }, FairnessTrend: { error: new CombinedError({ graphQLErrors: [{ message: 'privilegedGroup: unknown group' }] }) } });
    expect(within(screen.getByRole('alert')).getByText(/Disparate impact by sex, privileged group M for Credit scoring could not be loaded/)).toBeTruthy();
  });
});

describe('fairnessCaption', () => {
  it('gives the projected crossing while the metric is still within the threshold', () => {
    const heading: FairnessTrend = { ...trend, breached: false, points: trend.points.slice(0, 2), projectedBreach: { date: '2026-04-19', earliest: '2026-04-05', latest: '2026-05-10' } };
    expect(fairnessCaption(heading, 'DISPARATE_IMPACT')).toBe(
      `Latest 0.82 (window from ${formatDate('2026-03-08')}); trend decreasing; projected to cross the threshold on ${formatDate('2026-04-19')} (between ${formatDate('2026-04-05')} and ${formatDate('2026-05-10')}).`,
    );
  });

  it('says the metric is within the threshold when it is not heading there', () => {
    const steady: FairnessTrend = { ...trend, breached: false, points: trend.points.slice(0, 1), trend: { direction: 'no trend', slopePerDay: null } };
    expect(fairnessCaption(steady, 'DISPARATE_IMPACT')).toBe(`Latest 0.86 (window from ${formatDate('2026-03-01')}); trend flat (no significant trend); within the threshold, not heading towards it.`);
  });
});
