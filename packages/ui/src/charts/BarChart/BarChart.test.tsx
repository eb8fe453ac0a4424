import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BarChart } from './BarChart.js';

afterEach(cleanup);

const rows = [
  { title: 'Bias in credit model', score: 20, level: 'Critical' },
  { title: 'Data provenance gap', score: 12, level: 'High' },
  { title: 'Stale model cards', score: 2, level: 'Low' },
];

describe('BarChart', () => {
  it('draws one bar per row, coloured by colorOf, with value labels', () => {
    const colours: Record<string, string> = { Critical: '#D55E00', High: '#E69F00', Low: '#009E73' };
    const { container, getByRole } = render(
      <BarChart data={rows} index="title" categories={['score']} colorOf={(row) => colours[row.level] ?? 'black'} label="Risk scores" width={720} />,
    );
    expect(getByRole('img', { name: 'Risk scores' })).toBeTruthy();
    const bars = container.querySelectorAll('.recharts-bar-rectangle path');
    expect(bars).toHaveLength(3);
    expect([...bars].map((bar) => bar.getAttribute('fill'))).toEqual(['#D55E00', '#E69F00', '#009E73']);
    const labels = [...container.querySelectorAll('.recharts-label-list text')].map((text) => text.textContent);
    expect(labels).toEqual(['20', '12', '2']);
  });

  it('draws the reference line with its label', () => {
    const { container } = render(
      <BarChart data={rows} index="title" categories={['score']} reference={{ value: 4, label: 'Appetite' }} maxValue={25} label="Risk scores" width={720} />,
    );
    expect(container.querySelector('.recharts-reference-line')).not.toBeNull();
    expect(container.textContent).toContain('Appetite');
  });

  it('draws no bar for empty data', () => {
    const { container } = render(<BarChart data={[]} index="title" categories={['score']} label="Nothing" width={720} />);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(0);
  });
  it('labels the value axis at round steps, within a fixed maximum or covering the bars', () => {
    const xTicks = (container: HTMLElement) => [...container.querySelectorAll('.recharts-xAxis-tick-labels text')].map((tick) => Number(tick.textContent));
    // A 4 × 4 matrix scores up to 16: whole steps of 5 fit, and the axis still ends at 16.
    const fixed = render(<BarChart data={rows} index="title" categories={['score']} maxValue={16} label="Risk scores" width={720} />);
    expect(xTicks(fixed.container)).toEqual([0, 5, 10, 15]);
    cleanup();
    // Shares of a whole, in fifths.
    const shares = render(<BarChart data={[{ title: 'A.2', share: 0.37 }]} index="title" categories={['share']} maxValue={1} allowDecimals label="Shares" width={720} />);
    expect(xTicks(shares.container)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    cleanup();
    // No maximum: the longest bar, 41, is covered by steps of 10.
    const open = render(<BarChart data={[...rows, { title: 'Many', score: 41, level: 'Critical' }]} index="title" categories={['score']} label="Risk scores" width={720} />);
    expect(xTicks(open.container)).toEqual([0, 10, 20, 30, 40, 50]);
  });
});
