/** One step of a likelihood or impact scale; `value` is its position, starting at 1. */
export interface ScaleStep {
  readonly value: number;
  readonly label: string;
}

/** Scores from `min` to `max`, both included, carry the rating `level`. */
export interface RiskBand {
  readonly level: string;
  readonly min: number;
  readonly max: number;
}

/** A risk's rating on the matrix scales: positions from 1 up, as in `ScaleStep.value`. */
export interface RiskRating {
  readonly likelihood: number;
  readonly impact: number;
}

/** The organisation's risk criteria, as given to `createRiskMatrix`. Every field is optional. */
export interface RiskMatrixOptions {
  /** Likelihood labels, lowest first (default: Rare, Unlikely, Possible, Likely, Almost certain). */
  readonly likelihood?: readonly string[];
  /** Impact labels, lowest first (default: Insignificant, Minor, Moderate, Major, Catastrophic). */
  readonly impact?: readonly string[];
  /** `'product'` (likelihood × impact, the default) or an explicit grid, `grid[likelihood - 1][impact - 1]`. */
  readonly scoring?: 'product' | { readonly grid: readonly (readonly number[])[] };
  /** Rating bands (default: Low 1–4, Medium 5–9, High 10–16, Critical 20–25). */
  readonly bands?: readonly RiskBand[];
  /** The highest acceptable score (default: the top of the lowest band). */
  readonly appetite?: number;
}

/** The organisation's risk criteria, as plain, frozen data. */
export interface RiskMatrix {
  readonly likelihood: readonly ScaleStep[];
  readonly impact: readonly ScaleStep[];
  /** The score of every cell: `grid[likelihood - 1][impact - 1]`. */
  readonly grid: readonly (readonly number[])[];
  /** Sorted from the lowest scores up. */
  readonly bands: readonly RiskBand[];
  /** The highest acceptable score. */
  readonly appetite: number;
  /** The highest score any cell of the grid has. */
  readonly maxScore: number;
}

export interface RiskScore {
  readonly score: number;
  readonly level: string;
  /** The score is at most the risk appetite. */
  readonly withinAppetite: boolean;
}

/** A treatment: the ratings after it, or how effective its controls are, from 0 (not at all) to 1 (fully). */
export type RiskTreatment = RiskRating | { readonly controlEffectiveness: number };

export interface ResidualRisk {
  readonly inherent: RiskScore;
  readonly residual: RiskScore & RiskRating;
  /** inherent score − residual score. */
  readonly reduction: number;
  /** reduction / inherent score, from 0 (no change) towards 1. */
  readonly reductionRatio: number;
}

export interface HeatmapCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly level: string;
  /** How many risks sit in this cell. */
  readonly count: number;
}

export interface RiskHeatmap {
  /** Every cell of the matrix, by likelihood then impact, empty cells included. */
  readonly cells: readonly HeatmapCell[];
  /** How many risks were counted. */
  readonly total: number;
  /** The largest count of any cell (0 for no risks), for scaling colours. */
  readonly maxCount: number;
}

/** A risk as `riskExposure` reads it; other fields are ignored. */
export interface ExposureRisk extends RiskRating {
  readonly id?: string;
}

/** A risk with its score, as listed in `RiskExposure.top`. */
export interface ScoredRisk extends ExposureRisk {
  readonly score: number;
  readonly level: string;
}

export interface RiskExposureOptions {
  /** How many of the highest-scoring risks to list (default 5). */
  readonly top?: number;
}

export interface RiskExposure {
  readonly total: number;
  /** Every band of the matrix, in band order, zero counts included. */
  readonly byLevel: readonly { readonly level: string; readonly count: number }[];
  /** The mean score, or null for no risks. */
  readonly meanScore: number | null;
  /** How many risks score above the appetite. */
  readonly aboveAppetite: number;
  /** The highest-scoring risks, highest first; equal scores keep their input order. */
  readonly top: readonly ScoredRisk[];
}
