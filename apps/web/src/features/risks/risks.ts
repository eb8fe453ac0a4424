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
}

export interface RiskMatrixData {
  likelihood: { value: number; label: string }[];
  impact: { value: number; label: string }[];
  bands: { level: string; min: number; max: number }[];
  appetite: number;
  maxScore: number;
}

export interface RiskOverviewData {
  risks: RiskRow[];
  riskMatrix: RiskMatrixData;
}

export const RiskOverviewQuery = gql`
  query RiskOverview {
    risks {
      id
      title
      likelihood
      impact
      score
      level
      withinAppetite
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

/** Rebuilds the organisation's matrix in the browser, so the engine's summaries match the API. */
export function matrixFrom(data: RiskMatrixData): RiskMatrix {
  return createRiskMatrix({
    likelihood: data.likelihood.map((step) => step.label),
    impact: data.impact.map((step) => step.label),
    bands: data.bands,
    appetite: data.appetite,
  });
}
