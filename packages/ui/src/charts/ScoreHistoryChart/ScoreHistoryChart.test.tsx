import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScoreHistoryChart, scoreTicks } from './ScoreHistoryChart.js';

afterEach(cleanup);

interface Assessment {
  assessedAt: string;
  inherent: number;
  residual: number | null;
}

// Three assessments, given newest first as the API lists them: inherent 20 throughout, residual
// first missing, then 15, then 10. Twelve weeks apart.
const history: Assessment[] = [
  { assessedAt: '2026-06-15T10:00:00Z', inherent: 20, residual: 10 },
  { assessedAt: '2026-03-23T10:00:00Z', inherent: 20, residual: 15 },
  { assessedAt: '2025-12-29T10:00:00Z', inherent: 20, residual: null },
];

/** The points an SVG path visits, from its M and L commands. */
function pointsOf(path: Element | undefined): [number, number][] {
  const d = path?.getAttribute('d') ?? '';
  return [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
}

const curves = (container: HTMLElement) => [...container.querySelectorAll('.recharts-line-curve')];

describe('ScoreHistoryChart', () => {
  it('draws one stepped line per category, in time order, with a point per assessment', () => {
    const { container, getByRole } = render(
      <ScoreHistoryChart data={history} index="assessedAt" categories={['inherent', 'residual']} maxValue={25} label="Score history" width={640} />,
    );
    expect(getByRole('img', { name: 'Score history' })).toBeTruthy();
    const [inherent, residual] = curves(container);
    expect(curves(container)).toHaveLength(2);
    // A step line moves only across or only up and down between consecutive points.
    for (const curve of [inherent, residual]) {
      const points = pointsOf(curve);
      for (let i = 1; i < points.length; i += 1) {
        const [x0, y0] = points[i - 1] ?? [0, 0];
        const [x1, y1] = points[i] ?? [0, 0];
        expect(x0 === x1 || y0 === y1).toBe(true);
      }
    }
    // Residual falls from 15 to 10: a step down (a larger y) at the newest assessment, drawn left to right.
    const residualPoints = pointsOf(residual);
    const xs = residualPoints.map(([x]) => x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(residualPoints.at(-1)?.[1]).toBeGreaterThan(residualPoints[0]?.[1] ?? Infinity);
    // 3 inherent points and 2 residual ones (the first assessment had none).
    expect(container.querySelectorAll('.assay-chart__point')).toHaveLength(5);
    const legend = [...container.querySelectorAll('.assay-chart__legend-item')].map((item) => item.textContent);
    expect(legend).toEqual(['inherent', 'residual']);
  });

  it('puts the time axis to scale: twelve weeks apart are equal gaps', () => {
    const { container } = render(<ScoreHistoryChart data={history} index="assessedAt" categories={['inherent']} maxValue={25} label="Inherent" width={640} />);
    const xs = [...container.querySelectorAll('.assay-chart__point')].map((point) => Number(/translate\(([\d.]+)/.exec(point.getAttribute('transform') ?? '')?.[1]));
    expect(xs).toHaveLength(3);
    const [a = 0, b = 0, c = 0] = xs;
    expect(Math.abs(b - a - (c - b))).toBeLessThan(1);
  });

  it('carries the latest score on to `until` without a point there', () => {
    const single = [{ assessedAt: '2026-01-10T09:00:00Z', inherent: 12, residual: null }];
    const { container } = render(
      <ScoreHistoryChart data={single} index="assessedAt" categories={['inherent', 'residual']} maxValue={25} until="2026-04-10T09:00:00Z" label="One assessment" width={640} />,
    );
    const [line] = curves(container);
    const points = pointsOf(line);
    // A level line across the plot, from the assessment to `until`.
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(new Set(points.map(([, y]) => y)).size).toBe(1);
    expect((points.at(-1)?.[0] ?? 0) - (points[0]?.[0] ?? 0)).toBeGreaterThan(400);
    expect(container.querySelectorAll('.assay-chart__point')).toHaveLength(1);
    // The residual line has no score at all: named in the legend, not drawn.
    expect(curves(container)).toHaveLength(1);
    expect(container.querySelector('.assay-chart__legend')?.textContent).toContain('residual (none recorded)');
  });

  it('draws the reference line with its label on a 0-to-maxValue axis', () => {
    const { container } = render(
      <ScoreHistoryChart data={history} index="assessedAt" categories={['inherent']} maxValue={25} reference={{ value: 4, label: 'Appetite 4' }} label="Inherent" width={640} />,
    );
    expect(container.querySelectorAll('.recharts-reference-line-line')).toHaveLength(1);
    expect(container.textContent).toContain('Appetite 4');
    const ticks = [...container.querySelectorAll('.recharts-yAxis-tick-labels text')].map((tick) => Number(tick.textContent));
    expect(ticks).toEqual([0, 5, 10, 15, 20, 25]);
  });

  it('puts score ticks at round steps up to the top of the matrix', () => {
    // 5 × 5 matrix: step 5. 3 × 3: step 2 up to 8, then 9. 7 × 7: step 10, with 49 on top (40 is
    // more than half a step below it, so it stays).
    expect(scoreTicks(25)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(scoreTicks(9)).toEqual([0, 2, 4, 6, 8, 9]);
    expect(scoreTicks(49)).toEqual([0, 10, 20, 30, 40, 49]);
    expect(scoreTicks(16)).toEqual([0, 5, 10, 16]);
    expect(scoreTicks(0)).toEqual([0]);
  });

  it('shows only the empty-state message without a score', () => {
    const { container, queryByRole } = render(<ScoreHistoryChart data={[] as Assessment[]} index="assessedAt" categories={['inherent']} maxValue={25} label="Nothing" width={640} />);
    expect(container.textContent).toBe('No assessments yet');
    expect(queryByRole('img')).toBeNull();
  });
});
