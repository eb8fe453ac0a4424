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

export interface RiskOverviewData {
  risks: { nodes: RiskRow[] };
  riskMatrix: RiskMatrixData;
}

export const RiskOverviewQuery = gql`
  query RiskOverview {
    risks(first: 500) {
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
