import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LineChart } from './LineChart.js';

afterEach(cleanup);

interface WeekRow {
  week: string;
  selectionRate: number | null;
  impactRatio: number | null;
  neverMeasured: number | null;
  lower: number | null;
  upper: number | null;
}

// Four weeks; week 2 has no impact ratio and no interval, week 4 no selection rate.
const weeks: WeekRow[] = [
  { week: '2024-01-01', selectionRate: 0.8, impactRatio: 0.7, neverMeasured: null, lower: 0.7, upper: 0.9 },
  { week: '2024-01-08', selectionRate: 0.82, impactRatio: null, neverMeasured: null, lower: null, upper: null },
  { week: '2024-01-15', selectionRate: 0.85, impactRatio: 0.75, neverMeasured: null, lower: 0.75, upper: 0.95 },
  { week: '2024-01-22', selectionRate: null, impactRatio: 0.78, neverMeasured: null, lower: 0.6, upper: 1.0 },
];

/** How many separate runs (moveto commands) an SVG path draws. */
function runsOf(path: Element | null | undefined): number {
  return (path?.getAttribute('d')?.match(/M/g) ?? []).length;
}

const curves = (container: HTMLElement) => [...container.querySelectorAll('.recharts-line-curve')];

describe('LineChart', () => {
  it('draws one line per category with data, each with its own dash pattern, and a legend', () => {
    const { container, getByRole } = render(
      <LineChart data={weeks} index="week" categories={['selectionRate', 'impactRatio', 'neverMeasured']} label="Fairness by week" width={640} />,
    );
    expect(getByRole('img', { name: 'Fairness by week' })).toBeTruthy();
    const lines = curves(container);
    // neverMeasured has no value at all, so only two lines are drawn.
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => line.getAttribute('stroke'))).toEqual(['#0072B2', '#E69F00']);
    expect(lines[0]?.getAttribute('stroke-dasharray')).toBeNull();
    expect(lines[1]?.getAttribute('stroke-dasharray')).toBe('8 4');
    // A point symbol on every value: 3 selection rates and 3 impact ratios.
    expect(container.querySelectorAll('.recharts-line-dot')).toHaveLength(6);
    const legend = [...container.querySelectorAll('.assay-chart__legend-item')].map((item) => item.textContent);
    expect(legend).toEqual(['selectionRate', 'impactRatio', 'neverMeasured (no data)']);
  });

  it('draws no legend for a single line', () => {
    const { container } = render(<LineChart data={weeks} index="week" categories={['selectionRate']} label="Selection rate" width={640} />);
    expect(curves(container)).toHaveLength(1);
    expect(container.querySelector('.assay-chart__legend')).toBeNull();
  });

  it('leaves gaps at missing values unless connectNulls is set', () => {
    const gapped = render(<LineChart data={weeks} index="week" categories={['impactRatio']} label="Impact ratio" width={640} />);
    // Week 2 is missing: one isolated point, then a run from week 3 to week 4.
    expect(runsOf(curves(gapped.container)[0])).toBe(2);
    cleanup();
    const joined = render(<LineChart data={weeks} index="week" categories={['impactRatio']} connectNulls label="Impact ratio" width={640} />);
    expect(runsOf(curves(joined.container)[0])).toBe(1);
  });

  it('shades the band, broken where a row has no bounds', () => {
    const withBand = render(
      <LineChart
        data={weeks}
        index="week"
        categories={['selectionRate', 'impactRatio']}
        band={{ lower: 'lower', upper: 'upper', label: '95% interval' }}
        label="Selection rate"
        width={640}
      />,
    );
    const areas = withBand.container.querySelectorAll('.recharts-area-area');
    expect(areas).toHaveLength(1);
    expect(areas[0]?.getAttribute('fill')).toBe('#0072B2');
    // Bounds are missing in week 2, so the band is week 1 alone, then weeks 3 to 4.
    expect(runsOf(areas[0])).toBe(2);
    expect(withBand.container.querySelector('.assay-chart__legend')?.textContent).toContain('95% interval');
    cleanup();
    const withoutBand = render(<LineChart data={weeks} index="week" categories={['selectionRate']} label="Selection rate" width={640} />);
    expect(withoutBand.container.querySelectorAll('.recharts-area-area')).toHaveLength(0);
  });

  it('draws the reference line with its label, stretching the axis to show it', () => {
    const { container } = render(
      <LineChart data={weeks} index="week" categories={['impactRatio']} reference={{ value: 0.5, label: 'Four-fifths rule' }} label="Impact ratio" width={640} />,
    );
    expect(container.querySelectorAll('.recharts-reference-line')).toHaveLength(1);
    expect(container.querySelector('.recharts-reference-line .recharts-reference-line-line')).not.toBeNull();
    expect(container.textContent).toContain('Four-fifths rule');
    // Named in the legend, beside a sample of its dashed line, and not on the plot, where it would cover the data.
    expect(container.querySelector('.assay-chart__legend-reference')?.textContent).toBe('Four-fifths rule');
    expect(container.querySelector('svg.recharts-surface')?.textContent).not.toContain('Four-fifths rule');
    // 0.5 is below every value (lowest 0.7), yet it lies on the axis.
    const ticks = [...container.querySelectorAll('.recharts-yAxis-tick-labels text')].map((tick) => Number(tick.textContent));
    expect(Math.min(...ticks)).toBeLessThanOrEqual(0.5);
  });

  it('draws one vertical line per marker, with its label', () => {
    const { container } = render(
      <LineChart
        data={weeks}
        index="week"
        categories={['selectionRate']}
        markers={[
          { x: '2024-01-08', label: 'Change point' },
          { x: '2024-01-15', label: 'Model v2' },
        ]}
        label="Selection rate"
        width={640}
      />,
    );
    const markers = [...container.querySelectorAll('.assay-chart__marker line')];
    expect(markers).toHaveLength(2);
    // Vertical: both ends share their x.
    for (const marker of markers) expect(marker.getAttribute('x1')).toBe(marker.getAttribute('x2'));
    expect(container.textContent).toContain('Change point');
    expect(container.textContent).toContain('Model v2');
  });

  it('formats dates with dateFormatter and values with valueFormatter, within a fixed yDomain', () => {
    const { container } = render(
      <LineChart
        data={weeks}
        index="week"
        categories={['selectionRate']}
        dateFormatter={(isoDate) => `week of ${isoDate.slice(5)}`}
        valueFormatter={(value) => `${Math.round(value * 100)}%`}
        yDomain={[0, 1]}
        label="Selection rate"
        width={640}
      />,
    );
    const xTicks = [...container.querySelectorAll('.recharts-xAxis-tick-labels text')].map((tick) => tick.textContent);
    expect(xTicks).toEqual(['week of 01-01', 'week of 01-08', 'week of 01-15', 'week of 01-22']);
    const yTicks = [...container.querySelectorAll('.recharts-yAxis-tick-labels text')].map((tick) => tick.textContent);
    expect(yTicks[0]).toBe('0%');
    expect(yTicks.at(-1)).toBe('100%');
  });

  it('shows dates in UTC by default, so midnight dates keep their day', () => {
    const { container } = render(<LineChart data={weeks} index="week" categories={['selectionRate']} label="Selection rate" width={640} />);
    const first = container.querySelector('.recharts-xAxis-tick-labels text')?.textContent;
    // The same instant formatted in UTC by hand; a local-time formatter west of Greenwich gives 31 Dec 2023.
    expect(first).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1)));
  });

  it('shows only the empty-state message when there is no data', () => {
    const { container, queryByRole } = render(<LineChart data={[] as WeekRow[]} index="week" categories={['selectionRate']} label="Selection rate" width={640} />);
    expect(container.textContent).toBe('No data for this period');
    expect(container.querySelector('svg')).toBeNull();
    expect(queryByRole('img')).toBeNull();
  });

  it('treats rows without a single value as no data', () => {
    const { container } = render(<LineChart data={weeks} index="week" categories={['neverMeasured']} label="Nothing yet" width={640} />);
    expect(container.textContent).toBe('No data for this period');
  });
  describe('value axis', () => {
    /** The y axis's tick labels, bottom to top, read back as numbers. */
    const yTicks = (container: HTMLElement) => [...container.querySelectorAll('.recharts-yAxis-tick-labels text')].map((tick) => Number(tick.textContent)).sort((first, second) => first - second);
    // A disparate impact drifting from 0.98 to 0.83, its interval, and the four-fifths threshold.
    const drift = [0.98, 0.95, 0.93, 0.9, 0.88, 0.86, 0.83].map((value, week) => ({ week: `2024-0${Math.floor(week / 4) + 1}-${String(1 + (week % 4) * 7).padStart(2, '0')}`, value, lower: value - 0.01, upper: Math.min(value + 0.01, 0.99) }));

    it('takes round ticks that cover the data, its band and the threshold', () => {
      const { container } = render(
        <LineChart data={drift} index="week" categories={['value']} band={{ lower: 'lower', upper: 'upper', label: '95% interval' }} reference={{ value: 0.8, label: 'Four-fifths rule' }} valueFormatter={String} label="Disparate impact" width={640} />,
      );
      expect(yTicks(container)).toEqual([0.8, 0.85, 0.9, 0.95, 1]);
    });

    it('stretches the ticks over the band where it reaches beyond the line', () => {
      const wide = drift.map((row) => ({ ...row, lower: row.value - 0.1, upper: row.value + 0.1 }));
      const { container } = render(
        <LineChart data={wide} index="week" categories={['value']} band={{ lower: 'lower', upper: 'upper', label: '95% interval' }} reference={{ value: 0.8, label: 'Four-fifths rule' }} valueFormatter={String} label="Disparate impact" width={640} />,
      );
      // The band runs from 0.73 to 1.08: steps of 0.1 from 0.7 to 1.1.
      expect(yTicks(container)).toEqual([0.7, 0.8, 0.9, 1, 1.1]);
    });

    it('keeps fixed bounds, with round ticks inside them', () => {
      const { container } = render(<LineChart data={drift} index="week" categories={['value']} yDomain={[0, 1]} valueFormatter={String} label="Disparate impact" width={640} />);
      expect(yTicks(container)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    });
  });
});
