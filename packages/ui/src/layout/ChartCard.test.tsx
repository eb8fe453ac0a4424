import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartCard } from './ChartCard.js';

afterEach(cleanup);

describe('ChartCard', () => {
  it('swaps the chart for its table and back', () => {
    const { getByRole, getByText } = render(
      <ChartCard title="Risks" table={<table><tbody><tr><td>row</td></tr></tbody></table>}>
        <p>chart body</p>
      </ChartCard>,
    );
    expect(getByRole('heading', { name: 'Risks' })).toBeTruthy();
    const toggle = getByRole('button', { name: 'Show table' });
    expect(getByText('chart body').parentElement?.hidden).toBe(false);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(getByText('chart body').parentElement?.hidden).toBe(true);
    expect(getByRole('button', { name: 'Show chart' })).toBeTruthy();
  });

  it('keeps the table readable by screen readers while the chart shows', () => {
    const { getByRole } = render(
      <ChartCard title="Risks" table={<table aria-label="Risks as a table"><tbody><tr><td>row</td></tr></tbody></table>}>
        <p>chart body</p>
      </ChartCard>,
    );
    expect(getByRole('table', { name: 'Risks as a table' })).toBeTruthy();
  });
});
