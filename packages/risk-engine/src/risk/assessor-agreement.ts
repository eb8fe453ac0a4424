import { RiskEngineError } from '../errors/risk-engine-error.js';
import type { AgreementLevel, AssessorAgreement, AssessorAgreementOptions, ReliabilityData } from './range-types.js';

const LEVELS: readonly AgreementLevel[] = ['nominal', 'ordinal', 'interval'];

/**
 * How far several assessors agree when they rate the same risks: Krippendorff's alpha, from the
 * reliability data matrix `ratings[assessor][unit]`, with null where an assessor did not rate a
 * unit. alpha = 1 − D_o / D_e: 1 is perfect agreement, 0 agreement no better than chance, below 0
 * systematic disagreement.
 *
 * It follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability". Units with fewer
 * than 2 ratings cannot be paired and are left out. Each remaining unit u, with m_u ratings, adds
 * (number of c–k pairs of ratings in u) / (m_u − 1) to the coincidence o_ck (pairs ordered, so a
 * pair counts once each way); n_c = Σ_k o_ck is how often value c was given, n = Σ_c n_c. Then
 * D_o = Σ o_ck δ²_ck / n and D_e = Σ n_c n_k δ²_ck / (n(n − 1)), with the metric δ² for `level`:
 * - `nominal`: 0 for equal values, 1 otherwise (values are unordered categories);
 * - `ordinal` (the default): (Σ_{g from c to k} n_g − (n_c + n_k)/2)², over the distinct values
 *   in ascending order; only the order of the values matters, not their size;
 * - `interval`: (c − k)².
 * Any finite numbers may be given at every level: each distinct value is one category.
 *
 * alpha is null, never NaN, when D_e is 0 (every rating has the same value, so chance explains it
 * all) and when no unit has 2 ratings (then D_o and D_e are null too): agreement is undefined,
 * not perfect. Cost: O(assessors² × units + v²) for v distinct values.
 *
 * @throws {RiskEngineError} when there are fewer than 2 assessors, a row is not an array or has
 *   a different number of units from the first (`assessorAgreement: ratings[2] has 11 units,
 *   expected 12`), a rating is neither a finite number nor null, or `level` is unknown.
 * @example
 * // Krippendorff (2011), section A: two observers, ten units, binary values.
 * assessorAgreement([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]], { level: 'nominal' });
 * // o_00 = 10, o_11 = 2, o_01 = o_10 = 4; n_0 = 14, n_1 = 6, n = 20; D_o = 8/20,
 * // D_e = 2 × 14 × 6 / (20 × 19); alpha = 1 − 19 × 8 / 168 = 2/21 (Krippendorff: 0.095):
 * // { alpha: 0.09523809523809523, level: 'nominal', units: 10, assessors: 2, pairableValues: 20,
 * //   observedDisagreement: 0.4, expectedDisagreement: 0.4421052631578947 }
 */
export function assessorAgreement(ratings: ReliabilityData, options: AssessorAgreementOptions = {}): AssessorAgreement {
  const level = checkLevel(options);
  const unitCount = checkRatings(ratings);

  // For every pairable unit, how often each value was given in it.
  const pairableUnits: Map<number, number>[] = [];
  for (let unit = 0; unit < unitCount; unit += 1) {
    const counts = new Map<number, number>();
    for (const row of ratings) {
      const value = row[unit];
      if (value !== null && value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    if (sum([...counts.values()]) >= 2) pairableUnits.push(counts);
  }

  // n_c: how often each distinct value was given across pairable units, values in ascending order.
  const totals = new Map<number, number>();
  for (const counts of pairableUnits) {
    for (const [value, count] of counts) totals.set(value, (totals.get(value) ?? 0) + count);
  }
  const values = [...totals.keys()].sort((a, b) => a - b);
  const position = new Map(values.map((value, index) => [value, index]));
  const valueTotals = values.map((value) => totals.get(value) ?? 0);
  const pairableValues = sum(valueTotals);
  const summary = { level, units: pairableUnits.length, assessors: ratings.length, pairableValues };
  if (pairableValues === 0) {
    return Object.freeze({ alpha: null, ...summary, observedDisagreement: null, expectedDisagreement: null });
  }

  const distance = squaredDistance(level, values, valueTotals);
  // Σ_ck o_ck δ²_ck, regrouped by unit: the coincidences unit u adds are its c–k pairs / (m_u − 1),
  // so each unit's pairs are summed first and divided once.
  let observedSum = 0;
  for (const counts of pairableUnits) {
    let unitSum = 0;
    for (const [first, firstCount] of counts) {
      for (const [second, secondCount] of counts) {
        const pairs = first === second ? firstCount * (firstCount - 1) : firstCount * secondCount;
        unitSum += pairs * distance(position.get(first) as number, position.get(second) as number);
      }
    }
    observedSum += unitSum / (sum([...counts.values()]) - 1);
  }
  // Σ_ck n_c n_k δ²_ck: the disagreement expected if the same values were paired at random.
  let expectedSum = 0;
  valueTotals.forEach((firstTotal, c) => {
    valueTotals.forEach((secondTotal, k) => {
      expectedSum += firstTotal * secondTotal * distance(c, k);
    });
  });
  const n = pairableValues;
  // D_o = Σ o_ck δ² / n, D_e = Σ n_c n_k δ² / (n(n − 1)); alpha = 1 − D_o / D_e = 1 − (n − 1) Σ o δ² / Σ n n δ².
  const observedDisagreement = observedSum / n;
  const expectedDisagreement = expectedSum / (n * (n - 1));
  const alpha = expectedSum === 0 ? null : 1 - ((n - 1) * observedSum) / expectedSum;
  return Object.freeze({ alpha, ...summary, observedDisagreement, expectedDisagreement });
}

function fail(message: string): never {
  throw new RiskEngineError(`assessorAgreement: ${message}`);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function sum(values: readonly number[]): number {
  return values.reduce((accumulated, value) => accumulated + value, 0);
}

function checkLevel(options: AssessorAgreementOptions): AgreementLevel {
  if (typeof options !== 'object' || options === null) fail(`options must be an object, got ${describe(options)}`);
  const level: unknown = options.level ?? 'ordinal';
  if (!LEVELS.includes(level as AgreementLevel)) fail(`level must be 'nominal', 'ordinal' or 'interval', got ${describe(level)}`);
  return level as AgreementLevel;
}

/** Checks the shape and values of the reliability data; returns the number of units. */
function checkRatings(ratings: ReliabilityData): number {
  if (!Array.isArray(ratings)) fail(`ratings must be an array with one row per assessor, got ${describe(ratings)}`);
  if (ratings.length < 2) fail(`ratings must have at least 2 assessors, got ${ratings.length}`);
  const first: unknown = ratings[0];
  const unitCount = Array.isArray(first) ? first.length : 0;
  ratings.forEach((row: unknown, assessor) => {
    if (!Array.isArray(row)) fail(`ratings[${assessor}] must be an array of ratings, got ${describe(row)}`);
    if (row.length !== unitCount) fail(`ratings[${assessor}] has ${row.length} units, expected ${unitCount}`);
    // A plain loop, so a hole in a sparse array is seen as undefined rather than skipped.
    for (let unit = 0; unit < row.length; unit += 1) {
      const value: unknown = row[unit];
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
        fail(`ratings[${assessor}][${unit}] must be a finite number or null, got ${describe(value)}`);
      }
    }
  });
  return unitCount;
}

/** δ²(c, k) for the positions c and k of two values in `values` (ascending), with n_g in `valueTotals`. */
function squaredDistance(level: AgreementLevel, values: readonly number[], valueTotals: readonly number[]): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'interval') return (c, k) => ((values[c] ?? 0) - (values[k] ?? 0)) ** 2;
  // Ordinal: cumulative[i] = n_0 + … + n_(i−1), so Σ_{g from c to k} n_g = cumulative[k + 1] − cumulative[c].
  const cumulative = [0];
  for (const total of valueTotals) cumulative.push((cumulative.at(-1) ?? 0) + total);
  return (c, k) => {
    const low = Math.min(c, k);
    const high = Math.max(c, k);
    const between = (cumulative[high + 1] ?? 0) - (cumulative[low] ?? 0);
    return (between - ((valueTotals[c] ?? 0) + (valueTotals[k] ?? 0)) / 2) ** 2;
  };
}
