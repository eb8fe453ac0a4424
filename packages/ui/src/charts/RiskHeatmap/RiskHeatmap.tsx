import type { CSSProperties } from 'react';
import { palette, riskLevelColors } from '../../palette.js';

/** One cell of the likelihood × impact matrix, as the risk engine's `riskHeatmap` returns it. */
export interface RiskHeatmapCell {
  /** Position on the likelihood scale, from 1 (the first label). */
  likelihood: number;
  /** Position on the impact scale, from 1 (the first label). */
  impact: number;
  /** How many risks sit in the cell. */
  count: number;
  level: string;
  score: number;
}

export interface RiskHeatmapProps {
  /** The cells to draw; a cell missing from the list counts as empty, cells off the scales are ignored. */
  cells: readonly RiskHeatmapCell[];
  /** Likelihood labels, lowest first; drawn bottom to top. */
  likelihoodLabels: readonly string[];
  /** Impact labels, lowest first; drawn left to right. */
  impactLabels: readonly string[];
  /** The colour of a risk level (default: the package's `riskLevelColors`, grey for unknown levels). */
  colorOf?: (level: string) => string;
  /**
   * A second set of counts on the same matrix. Each cell then reads "first → second", where the
   * first count is from `cells` and the second from `compare` (e.g. inherent → residual).
   */
  compare?: readonly RiskHeatmapCell[];
  /** Names of `cells` and `compare`, for the key under the grid (default: Inherent, Residual). */
  compareLabels?: readonly [string, string];
  /** Accessible name of the heatmap image. */
  label: string;
  /** Side of one cell in pixels (default 64). */
  size?: number;
}

/** Text stays dark on every fill: fills are light tints of the level colours. */
const INK = '#1c2330';
const EMPTY_INK = '#4b5563';
const FILLED_TINT = 0.55;
const EMPTY_TINT = 0.14;

const defaultColorOf = (level: string) => riskLevelColors[level] ?? palette.grey;

function cellKey(likelihood: number, impact: number): string {
  return `${likelihood}:${impact}`;
}

function byPosition(cells: readonly RiskHeatmapCell[]): Map<string, RiskHeatmapCell> {
  return new Map(cells.map((cell) => [cellKey(cell.likelihood, cell.impact), cell]));
}

/**
 * A likelihood × impact grid, highest likelihood at the top. Every cell shows its count and, in
 * small text, its score, so the grid reads without colour; empty cells are drawn lighter. With
 * `compare`, each cell shows both counts as "first → second".
 */
export function RiskHeatmap({
  cells,
  likelihoodLabels,
  impactLabels,
  colorOf = defaultColorOf,
  compare,
  compareLabels = ['Inherent', 'Residual'],
  label,
  size = 64,
}: RiskHeatmapProps) {
  const rowCount = likelihoodLabels.length;
  const columnCount = impactLabels.length;
  const primary = byPosition(cells);
  const secondary = compare ? byPosition(compare) : undefined;
  // Rows run from the highest likelihood (top) down to the lowest.
  const likelihoods = likelihoodLabels.map((_, position) => rowCount - position);
  const impacts = impactLabels.map((_, position) => position + 1);
  const grid: CSSProperties = {
    display: 'inline-grid',
    gridTemplateColumns: `auto auto repeat(${columnCount}, ${size}px)`,
    gridTemplateRows: `repeat(${rowCount}, ${size}px) auto auto`,
    gap: 3,
    alignItems: 'center',
    color: INK,
    fontSize: 12,
  };
  return (
    <div role="img" aria-label={label} className="assay-heatmap">
      <div style={grid}>
        <div className="assay-heatmap__axis-title" style={{ gridColumn: 1, gridRow: `1 / span ${rowCount}`, writingMode: 'vertical-rl', transform: 'rotate(180deg)', textAlign: 'center', fontWeight: 600 }}>
          Likelihood
        </div>
        {likelihoods.map((likelihood, row) => (
          <div key={`likelihood-${likelihood}`} className="assay-heatmap__likelihood-label" style={{ gridColumn: 2, gridRow: row + 1, textAlign: 'right', paddingRight: 4 }}>
            {likelihoodLabels[likelihood - 1]}
          </div>
        ))}
        {likelihoods.map((likelihood, row) =>
          impacts.map((impact, column) => {
            const key = cellKey(likelihood, impact);
            return (
              <HeatmapCellView
                key={key}
                likelihood={likelihood}
                impact={impact}
                likelihoodLabel={likelihoodLabels[likelihood - 1] ?? String(likelihood)}
                impactLabel={impactLabels[impact - 1] ?? String(impact)}
                first={primary.get(key)}
                second={secondary?.get(key)}
                comparing={secondary !== undefined}
                colorOf={colorOf}
                style={{ gridColumn: column + 3, gridRow: row + 1 }}
              />
            );
          }),
        )}
        {impacts.map((impact, column) => (
          <div key={`impact-${impact}`} className="assay-heatmap__impact-label" style={{ gridColumn: column + 3, gridRow: rowCount + 1, textAlign: 'center', alignSelf: 'start', paddingTop: 2 }}>
            {impactLabels[impact - 1]}
          </div>
        ))}
        <div className="assay-heatmap__axis-title" style={{ gridColumn: `3 / span ${Math.max(columnCount, 1)}`, gridRow: rowCount + 2, textAlign: 'center', fontWeight: 600 }}>
          Impact
        </div>
      </div>
      {secondary ? (
        <p className="assay-heatmap__key" style={{ margin: '4px 0 0', fontSize: 12, color: INK }}>
          Counts: {compareLabels[0]} → {compareLabels[1]}
        </p>
      ) : null}
    </div>
  );
}

interface HeatmapCellViewProps {
  likelihood: number;
  impact: number;
  likelihoodLabel: string;
  impactLabel: string;
  first: RiskHeatmapCell | undefined;
  second: RiskHeatmapCell | undefined;
  comparing: boolean;
  colorOf: (level: string) => string;
  style: CSSProperties;
}

/** One cell: a light tint of its level's colour under its count (or counts) and score. */
function HeatmapCellView({ likelihood, impact, likelihoodLabel, impactLabel, first, second, comparing, colorOf, style }: HeatmapCellViewProps) {
  const firstCount = first?.count ?? 0;
  const secondCount = second?.count ?? 0;
  const empty = comparing ? firstCount === 0 && secondCount === 0 : firstCount === 0;
  const rated = first ?? second;
  const color = rated ? colorOf(rated.level) : palette.grey;
  const countText = comparing ? `${firstCount} → ${secondCount}` : String(firstCount);
  const details = rated ? ` (score ${rated.score}, ${rated.level})` : '';
  return (
    <div
      className={empty ? 'assay-heatmap__cell assay-heatmap__cell--empty' : 'assay-heatmap__cell'}
      data-likelihood={likelihood}
      data-impact={impact}
      data-empty={empty}
      title={`Likelihood ${likelihoodLabel}, impact ${impactLabel}: ${countText}${details}`}
      style={{ ...style, position: 'relative', height: '100%', background: '#ffffff', borderRadius: 3, overflow: 'hidden' }}
    >
      <span aria-hidden="true" style={{ position: 'absolute', inset: 0, background: color, opacity: empty ? EMPTY_TINT : FILLED_TINT }} />
      <span
        className="assay-heatmap__count"
        style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', fontSize: comparing ? 14 : 18, fontWeight: empty ? 400 : 700, color: empty ? EMPTY_INK : INK }}
      >
        {countText}
      </span>
      {rated ? (
        <span className="assay-heatmap__score" style={{ position: 'absolute', top: 2, right: 4, fontSize: 10, whiteSpace: 'nowrap', color: empty ? EMPTY_INK : INK }}>
          score {rated.score}
        </span>
      ) : null}
    </div>
  );
}
