import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { matrix, overviewOf, risk } from '../../test/fixtures.js';
import { RiskHeatmapCard } from './RiskHeatmapCard.js';
import type { RiskRow } from './risks.js';

afterEach(cleanup);

function renderCard(risks: RiskRow[]) {
  const { inherent, residual } = overviewOf(risks);
  return render(<RiskHeatmapCard inherent={inherent} residual={residual} matrix={matrix} />);
}

const countAt = (container: HTMLElement, likelihood: number, impact: number) =>
  container.querySelector(`.assay-heatmap__cell[data-likelihood="${likelihood}"][data-impact="${impact}"] .assay-heatmap__count`)?.textContent;

describe('RiskHeatmapCard', () => {
  it('counts each risk in its inherent cell and in its residual one', () => {
    // Two risks at 4 × 5: one treated down to 2 × 3, one untreated (it stays at 4 × 5). One at 1 × 1, untreated.
    const risks = [risk('a', 4, 5, 'Critical', [2, 3]), risk('b', 4, 5, 'Critical'), risk('c', 1, 1, 'Low')];
    const { container } = renderCard(risks);
    expect(screen.getByRole('img', { name: /Heatmap of 3 risks/ })).toBeTruthy();
    expect(container.querySelectorAll('.assay-heatmap__cell')).toHaveLength(25);
    expect(countAt(container, 4, 5)).toBe('2 → 1');
    expect(countAt(container, 2, 3)).toBe('0 → 1');
    expect(countAt(container, 1, 1)).toBe('1 → 1');
    expect(countAt(container, 5, 5)).toBe('0 → 0');
    expect(container.querySelector('.assay-heatmap__key')?.textContent).toBe('Counts: Inherent → Residual');
    // The table lists the three occupied cells, highest score first.
    const rows = [...screen.getByRole('table', { name: 'Risk heatmap as a table' }).querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Likely', 'Catastrophic', '20', 'Critical', '2', '1'],
      ['Unlikely', 'Moderate', '6', 'Medium', '0', '1'],
      ['Rare', 'Insignificant', '1', 'Low', '1', '1'],
    ]);
  });

  it('says so when there is no risk', () => {
    const { container } = renderCard([]);
    expect(screen.getByText('No risks to place on the matrix yet.')).toBeTruthy();
    expect(container.querySelector('.assay-heatmap')).toBeNull();
    expect(screen.getByText('No risk sits in any cell.')).toBeTruthy();
  });
});
