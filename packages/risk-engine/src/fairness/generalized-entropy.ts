import type { Cell } from './types.js';

/**
 * Generalized entropy index of the benefits b = ŷ − y + 1 over the rows of a cell (internal):
 * b is 1 for a true positive or negative, 2 for a false positive and 0 for a false negative,
 * μ = mean(b), and GE(α) = Σ[(b/μ)^α − 1] / (n·α(α − 1)); α = 1 is the Theil index
 * Σ (b/μ)·ln(b/μ) / n (0·ln 0 = 0) and α = 0 is −Σ ln(b/μ) / n. As AIF360's
 * `ClassificationMetric.generalized_entropy_index`, with counts as frequency weights. Null when
 * undefined: no rows, μ = 0, or a false negative at α ≤ 0 (where (0/μ)^α is infinite).
 */
export function generalizedEntropy(cell: Cell, alpha: number): number | null {
  const correct = cell.tp + cell.tn;
  const total = correct + cell.fp + cell.fn;
  if (total <= 0) return null;
  const meanBenefit = (correct + 2 * cell.fp) / total;
  if (meanBenefit <= 0) return null;
  const ratioCorrect = 1 / meanBenefit;
  const ratioFalsePositive = 2 / meanBenefit;
  if (alpha === 1) {
    return (correct * ratioCorrect * Math.log(ratioCorrect) + cell.fp * ratioFalsePositive * Math.log(ratioFalsePositive)) / total;
  }
  if (alpha <= 0 && cell.fn > 0) return null;
  if (alpha === 0) return -(correct * Math.log(ratioCorrect) + cell.fp * Math.log(ratioFalsePositive)) / total;
  // A false negative has benefit 0, and 0^α = 0 for α > 0.
  const sum = correct * ratioCorrect ** alpha + cell.fp * ratioFalsePositive ** alpha - total;
  return sum / (total * alpha * (alpha - 1));
}
