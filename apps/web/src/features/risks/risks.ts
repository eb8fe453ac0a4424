import { createRiskMatrix, type RiskMatrix } from '@assay/risk-engine';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql/index.js';

/** The scales and appetite of the organisation's matrix: what a rating form or a score needs. */
export const RiskScaleFields = graphql(`
  fragment RiskScaleFields on RiskMatrixInfo {
    likelihood {
      value
      label
    }
    impact {
      value
      label
    }
    appetite
    maxScore
  }
`);

export type RiskScale = ResultOf<typeof RiskScaleFields>;

/** The whole matrix: its scales, the score of every cell and the bands of levels. */
export const RiskMatrixFields = graphql(`
  fragment RiskMatrixFields on RiskMatrixInfo {
    ...RiskScaleFields
    grid
    bands {
      level
      min
      max
    }
  }
`);

export type RiskMatrixData = ResultOf<typeof RiskMatrixFields>;

/** The register summed up by the API: how many risks, the sum and mean of their scores, how many above appetite. */
export const ExposureFields = graphql(`
  fragment ExposureFields on ExposureView {
    risks
    totalScore
    meanScore
    aboveAppetite
  }
`);

/** Risks per cell of the matrix, counted by the API, and their exposure with the risks per band. */
const HeatmapFields = graphql(`
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
      ...ExposureFields
      byLevel {
        level
        count
      }
    }
  }
`);

export type HeatmapData = ResultOf<typeof HeatmapFields>;

/**
 * The overview's risk figures. The API counts the whole register (heatmaps and their exposure
 * summaries, with GROUP BY), so the page never downloads the register itself: only the highest
 * scores for the bar chart.
 */
export const RiskOverviewQuery = graphql(`
  query RiskOverview {
    inherent: riskHeatmap {
      ...HeatmapFields
    }
    residual: riskHeatmap(residual: true) {
      ...HeatmapFields
    }
    openHighAndCritical: risks(first: 1, filter: { level: ["High", "Critical"], status: [IDENTIFIED, ASSESSED, TREATING, MONITORING] }) {
      totalCount
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
      ...RiskMatrixFields
    }
  }
`);

export type RiskOverviewData = ResultOf<typeof RiskOverviewQuery>;
/** A risk of the bar chart; the residual rating is null until one is given (the risk then stays at its inherent rating). */
export type RiskRow = RiskOverviewData['risks']['nodes'][number];

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
