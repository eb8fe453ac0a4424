import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { riskLevelColors } from '../../palette.js';
import { RiskHeatmap, type RiskHeatmapCell } from './RiskHeatmap.js';

afterEach(cleanup);

const likelihoodLabels = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const impactLabels = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'];

/** Bands of the risk engine's default 5 × 5 matrix, score = likelihood × impact. */
function levelOf(score: number): string {
  if (score <= 4) return 'Low';
  if (score <= 9) return 'Medium';
  if (score <= 14) return 'High';
  return 'Critical';
}

/** Every cell of a 5 × 5 matrix, in the engine's order (likelihood, then impact), with the given counts. */
function matrixCells(counts: Record<string, number>): RiskHeatmapCell[] {
  const cells: RiskHeatmapCell[] = [];
  for (let likelihood = 1; likelihood <= 5; likelihood += 1) {
    for (let impact = 1; impact <= 5; impact += 1) {
      const score = likelihood * impact;
      cells.push({ likelihood, impact, score, level: levelOf(score), count: counts[`${likelihood}:${impact}`] ?? 0 });
    }
  }
  return cells;
}

// Three risks: two at likelihood 4 × impact 5, one at 1 × 1 (the engine's doc example).
const inherent = matrixCells({ '4:5': 2, '1:1': 1 });
// After controls: one stays at 4 × 5, one drops to 2 × 3, one stays at 1 × 1.
const residual = matrixCells({ '4:5': 1, '2:3': 1, '1:1': 1 });

const cellsOf = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('.assay-heatmap__cell')];
const at = (container: HTMLElement, likelihood: number, impact: number) =>
  container.querySelector<HTMLElement>(`.assay-heatmap__cell[data-likelihood="${likelihood}"][data-impact="${impact}"]`);

describe('RiskHeatmap', () => {
  it('draws rows × columns cells, highest likelihood on top, each with its count and score as text', () => {
    const { container, getByRole } = render(
      <RiskHeatmap cells={inherent} likelihoodLabels={likelihoodLabels} impactLabels={impactLabels} label="Inherent risk" />,
    );
    expect(getByRole('img', { name: 'Inherent risk' })).toBeTruthy();
    const cells = cellsOf(container);
    expect(cells).toHaveLength(25);
    // The first cell in reading order is the top-left: likelihood 5, impact 1.
    expect([cells[0]?.dataset.likelihood, cells[0]?.dataset.impact]).toEqual(['5', '1']);
    expect([cells[24]?.dataset.likelihood, cells[24]?.dataset.impact]).toEqual(['1', '5']);
    // Row likelihood 4 (second from top): counts 0, 0, 0, 0, 2.
    const rowFour = cells.slice(5, 10).map((cell) => cell.querySelector('.assay-heatmap__count')?.textContent);
    expect(rowFour).toEqual(['0', '0', '0', '0', '2']);
    expect(at(container, 4, 5)?.querySelector('.assay-heatmap__score')?.textContent).toBe('score 20');
    expect(at(container, 1, 1)?.querySelector('.assay-heatmap__count')?.textContent).toBe('1');
  });

  it('marks only the cells with risks as non-empty', () => {
    const { container } = render(<RiskHeatmap cells={inherent} likelihoodLabels={likelihoodLabels} impactLabels={impactLabels} label="Inherent risk" />);
    const filled = container.querySelectorAll('.assay-heatmap__cell[data-empty="false"]');
    expect(filled).toHaveLength(2);
    expect(container.querySelectorAll('.assay-heatmap__cell--empty')).toHaveLength(23);
  });

  it('labels both axes, likelihood labels from the top down', () => {
    const { container } = render(<RiskHeatmap cells={inherent} likelihoodLabels={likelihoodLabels} impactLabels={impactLabels} label="Inherent risk" />);
    const titles = [...container.querySelectorAll('.assay-heatmap__axis-title')].map((title) => title.textContent);
    expect(titles).toEqual(['Likelihood', 'Impact']);
    const rows = [...container.querySelectorAll('.assay-heatmap__likelihood-label')].map((row) => row.textContent);
    expect(rows).toEqual(['Almost certain', 'Likely', 'Possible', 'Unlikely', 'Rare']);
    const columns = [...container.querySelectorAll('.assay-heatmap__impact-label')].map((column) => column.textContent);
    expect(columns).toEqual(impactLabels);
  });

  it('tints cells by level, with the default colours or colorOf', () => {
    const { container } = render(<RiskHeatmap cells={inherent} likelihoodLabels={likelihoodLabels} impactLabels={impactLabels} label="Inherent risk" />);
    const tintOf = (likelihood: number, impact: number) => (at(container, likelihood, impact)?.firstElementChild as HTMLElement | null)?.style;
    expect(tintOf(4, 5)?.background.toUpperCase()).toContain(riskLevelColors.Critical);
    // Filled cells are tinted more strongly than empty ones, and never at full strength.
    expect(Number(tintOf(4, 5)?.opacity)).toBeGreaterThan(Number(tintOf(5, 5)?.opacity));
    expect(Number(tintOf(4, 5)?.opacity)).toBeLessThan(1);
    cleanup();
    const custom = render(
      <RiskHeatmap cells={inherent} likelihoodLabels={likelihoodLabels} impactLabels={impactLabels} colorOf={() => 'rebeccapurple'} label="Inherent risk" />,
    );
    const tint = custom.container.querySelector<HTMLElement>('.assay-heatmap__cell > span');
    expect(tint?.style.background).toBe('rebeccapurple');
  });

  it('draws a cell missing from the list as empty, without a score', () => {
    const partial = inherent.filter((cell) => !(cell.likelihood === 3 && cell.impact === 3));
    const { container } = render(<RiskHeatmap cells={partial} likelihoodLabels={likelihoodLabels} impactLabels={impactLabels} label="Inherent risk" />);
    expect(cellsOf(container)).toHaveLength(25);
    const missing = at(container, 3, 3);
    expect(missing?.dataset.empty).toBe('true');
    expect(missing?.querySelector('.assay-heatmap__count')?.textContent).toBe('0');
    expect(missing?.querySelector('.assay-heatmap__score')).toBeNull();
  });

  it('compares two sets of counts as "first → second" in each cell', () => {
    const { container } = render(
      <RiskHeatmap cells={inherent} compare={residual} likelihoodLabels={likelihoodLabels} impactLabels={impactLabels} label="Inherent and residual risk" />,
    );
    expect(cellsOf(container)).toHaveLength(25);
    expect(at(container, 4, 5)?.querySelector('.assay-heatmap__count')?.textContent).toBe('2 → 1');
    expect(at(container, 2, 3)?.querySelector('.assay-heatmap__count')?.textContent).toBe('0 → 1');
    expect(at(container, 1, 1)?.querySelector('.assay-heatmap__count')?.textContent).toBe('1 → 1');
    expect(at(container, 5, 5)?.querySelector('.assay-heatmap__count')?.textContent).toBe('0 → 0');
    // A cell is non-empty when either set has a risk in it: 4×5, 2×3 and 1×1.
    expect(container.querySelectorAll('.assay-heatmap__cell[data-empty="false"]')).toHaveLength(3);
    expect(container.querySelector('.assay-heatmap__key')?.textContent).toBe('Counts: Inherent → Residual');
  });

  it('names the compared sets with compareLabels', () => {
    const { container } = render(
      <RiskHeatmap
        cells={inherent}
        compare={residual}
        compareLabels={['Last quarter', 'This quarter']}
        likelihoodLabels={likelihoodLabels}
        impactLabels={impactLabels}
        label="Risk by quarter"
      />,
    );
    expect(container.querySelector('.assay-heatmap__key')?.textContent).toBe('Counts: Last quarter → This quarter');
  });

  it('shows no comparison key without compare', () => {
    const { container } = render(<RiskHeatmap cells={inherent} likelihoodLabels={likelihoodLabels} impactLabels={impactLabels} label="Inherent risk" />);
    expect(container.querySelector('.assay-heatmap__key')).toBeNull();
    expect(container.textContent).not.toContain('→');
  });
});
