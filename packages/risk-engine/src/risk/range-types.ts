/** A three-point estimate on one scale: positions from 1 up, `low ≤ mode ≤ high`. */
export type ThreePointEstimate = readonly [low: number, mode: number, high: number];

/** A risk rated as a range: a three-point estimate of its likelihood and of its impact. */
export interface RiskRangeEstimate {
  readonly likelihood: ThreePointEstimate;
  readonly impact: ThreePointEstimate;
}

export interface ScoreRiskRangeOptions {
  /** How many Monte Carlo draws to make, an integer from 1 to 10,000,000 (default 10,000). */
  readonly samples?: number;
  /** The seed of the pseudo-random generator: the same seed gives the same samples. Only its integer part modulo 2³² is used. */
  readonly seed: number;
}

/** The probability of one position on a likelihood or impact scale. */
export interface ScaleProbability {
  readonly value: number;
  readonly probability: number;
}

/** The probability of one score, with the band it falls in. */
export interface ScoreProbability {
  readonly score: number;
  readonly level: string;
  readonly probability: number;
}

/** What the seeded Monte Carlo simulation found, to set against the exact figures. */
export interface RiskRangeSamples {
  readonly count: number;
  readonly meanScore: number;
  readonly probabilityAboveAppetite: number;
}

export interface RiskRange {
  /** The probability of each likelihood from low to high. */
  readonly likelihood: readonly ScaleProbability[];
  /** The probability of each impact from low to high. */
  readonly impact: readonly ScaleProbability[];
  /** The exact probability of every score that can occur, lowest score first. */
  readonly distribution: readonly ScoreProbability[];
  /** The exact probability that the score exceeds the appetite. */
  readonly probabilityAboveAppetite: number;
  /** The exact expected score. */
  readonly mean: number;
  /** The lowest score whose cumulative probability reaches 5 %, 50 % and 95 %. */
  readonly percentiles: { readonly p5: number; readonly p50: number; readonly p95: number };
  /** The most probable score; of equally probable scores, the highest. */
  readonly mostLikely: ScoreProbability;
  readonly samples: RiskRangeSamples;
}

/** How far apart two ratings are taken to be (Krippendorff's metric). */
export type AgreementLevel = 'nominal' | 'ordinal' | 'interval';

export interface AssessorAgreementOptions {
  /** `'nominal'`, `'ordinal'` (the default) or `'interval'`. */
  readonly level?: AgreementLevel;
}

/** A reliability data matrix: `ratings[assessor][unit]`, null where the assessor did not rate the unit. */
export type ReliabilityData = readonly (readonly (number | null)[])[];

export interface AssessorAgreement {
  /** Krippendorff's alpha, 1 − observed / expected disagreement; null when the expected disagreement is 0 or undefined. */
  readonly alpha: number | null;
  readonly level: AgreementLevel;
  /** How many units have at least 2 ratings (the pairable units). */
  readonly units: number;
  /** How many assessors (rows) were given. */
  readonly assessors: number;
  /** How many ratings fall in pairable units (Krippendorff's n). */
  readonly pairableValues: number;
  /** D_o, or null when no unit is pairable. */
  readonly observedDisagreement: number | null;
  /** D_e, or null when no unit is pairable. */
  readonly expectedDisagreement: number | null;
}
