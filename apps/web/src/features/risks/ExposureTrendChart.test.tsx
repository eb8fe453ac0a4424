import { cleanup, render, screen } from '@testing-library/react';
import { CombinedError, Provider, type Operation } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDate } from '../../format/format-date.js';
import { type Answer, clientAnswering, giveElementsASize } from '../../test/client-answering.js';
import { riskTrend } from '../../test/fixtures.js';
import { oneYearBefore } from './exposure-trend.js';
import { ExposureTrendChart } from './ExposureTrendChart.js';

beforeEach(() => giveElementsASize());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderWith(answer: Answer, seen: Operation[] = []) {
  return render(
    <Provider value={clientAnswering({ RiskTrend: answer }, seen)}>
      <ExposureTrendChart />
    </Provider>,
  );
}

describe('ExposureTrendChart', () => {
  it('draws the inherent and residual total score over the past year, and lists them', () => {
    const seen: Operation[] = [];
    renderWith({ data: { riskTrend } }, seen);
    const chart = screen.getByRole('img', { name: /total score of the register, inherent and residual, on 3 dates/ });
    expect(chart.querySelectorAll('.recharts-line-curve')).toHaveLength(2);
    expect(chart.querySelectorAll('.recharts-line-dot')).toHaveLength(6);
    expect([...chart.querySelectorAll('.assay-chart__legend-item')].map((item) => item.textContent)).toEqual(['Inherent', 'Residual']);
    const rows = screen.getByRole('table', { name: 'Exposure over time as a table' }).querySelectorAll('tbody tr');
    expect(rows).toHaveLength(3);
    expect([...(rows[2]?.children ?? [])].map((cell) => cell.textContent)).toEqual([formatDate('2025-07-31'), '4', '40', '18', '3', '1']);
    expect(seen[0]?.variables).toEqual({ from: oneYearBefore(new Date()) });
  });

  it('says so when there is no point', () => {
    const { container } = renderWith({ data: { riskTrend: [] } });
    expect(container.querySelector('.assay-chart__empty')?.textContent).toBe('No data for this period');
    expect(screen.getByText('No data for this period.')).toBeTruthy();
  });

  it('shows loading and error states', () => {
    renderWith('pending');
    expect(screen.getByRole('status').textContent).toContain('Loading the exposure over time');
    cleanup();
    renderWith({ error: new CombinedError({ networkError: new Error('offline') }) });
    expect(screen.getByRole('alert').textContent).toContain('offline');
  });
});

describe('oneYearBefore', () => {
  it('goes back one calendar year in UTC', () => {
    expect(oneYearBefore(new Date(Date.UTC(2026, 3, 1, 23, 30)))).toBe('2025-04-01');
    // 29 February 2028 has no twin in 2027: Date.UTC rolls it over to 1 March.
    expect(oneYearBefore(new Date(Date.UTC(2028, 1, 29)))).toBe('2027-03-01');
  });
});
