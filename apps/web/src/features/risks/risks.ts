import { createRiskMatrix, type RiskMatrix } from '@assay/risk-engine';
import { gql } from 'urql';

export interface RiskRow {
  id: string;
  title: string;
  likelihood: number;
  impact: number;
  score: number;
  level: string;
  withinAppetite: boolean;
  /** The rating after treatment; null until one is given (the risk then stays at its inherent rating). */
  residualLikelihood: number | null;
  residualImpact: number | null;
}

export interface RiskMatrixData {
  likelihood: { value: number; label: string }[];
  impact: { value: number; label: string }[];
  grid: number[][];
  bands: { level: string; min: number; max: number }[];
  appetite: number;
  maxScore: number;
}

/** One cell of the matrix with how many risks sit in it, counted by the API. */
export interface HeatmapCellData {
  likelihood: number;
  impact: number;
  score: number;
  level: string;
  count: number;
}

/** The register summed up by the API: risks per band, mean score, how many above appetite. */
export interface ExposureData {
  risks: number;
  /** The sum of the scores. */
  totalScore: number;
  byLevel: { level: string; count: number }[];
  meanScore: number | null;
  aboveAppetite: number;
}

export interface HeatmapData {
  total: number;
  cells: HeatmapCellData[];
  exposure: ExposureData;
}

export interface RiskOverviewData {
  risks: { totalCount: number; nodes: RiskRow[] };
  inherent: HeatmapData;
  residual: HeatmapData;
  riskMatrix: RiskMatrixData;
}

const HeatmapFields = gql`
  fragment HeatmapFields on RiskHeatmapView {
    total
    cells {
      likelihood
      impact
      score
      level
      count
    }
    exposure {
      risks
      totalScore
      byLevel {
        level
        count
      }
      meanScore
      aboveAppetite
    }
  }
`;

/**
 * The overview's risk figures. The API counts the whole register (heatmaps and their exposure
 * summaries, with GROUP BY), so the page never downloads the register itself: only the highest
 * scores for the bar chart.
 */
export const RiskOverviewQuery = gql`
  query RiskOverview {
    inherent: riskHeatmap {
      ...HeatmapFields
    }
    residual: riskHeatmap(residual: true) {
      ...HeatmapFields
    }
    risks(first: 12, orderBy: { field: SCORE, direction: DESC }) {
      totalCount
      nodes {
        id
        title
        likelihood
        impact
        score
        level
        withinAppetite
        residualLikelihood
        residualImpact
      }
    }
    riskMatrix {
      likelihood {
        value
        label
      }
      impact {
        value
        label
      }
      grid
      bands {
        level
        min
        max
      }
      appetite
      maxScore
    }
  }
  ${HeatmapFields}
`;

/**
 * Rebuilds the organisation's matrix in the browser from the API's criteria (the grid included),
 * so the engine's summaries here match the scores the API stored.
 */
export function matrixFrom(data: RiskMatrixData): RiskMatrix {
  return createRiskMatrix({
    likelihood: data.likelihood.map((step) => step.label),
    impact: data.impact.map((step) => step.label),
    scoring: { grid: data.grid },
    bands: data.bands.map(({ level, min, max }) => ({ level, min, max })),
    appetite: data.appetite,
  });
}
