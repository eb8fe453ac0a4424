import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessorAgreement } from '../../src/risk/assessor-agreement.js';
import type { AgreementLevel, AssessorAgreementOptions, ReliabilityData } from '../../src/risk/range-types.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';

const LEVELS: readonly AgreementLevel[] = ['nominal', 'ordinal', 'interval'];

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
// 12 units, values 1–5, missing values. Unit 12 has one value only and is not pairable.
const KRIPPENDORFF_2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

/** Reliability data: 2 to 5 assessors, 1 to 12 units, values 1 to 5 or null. */
const reliabilityData = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 12 }))
  .chain(([assessors, units]) =>
    fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 }), { minLength: units, maxLength: units }), {
      minLength: assessors,
      maxLength: assessors,
    }),
  );

/** A permutation of 0..length − 1. */
function permutation(length: number): fc.Arbitrary<number[]> {
  const indexes = Array.from({ length }, (_, index) => index);
  return fc.shuffledSubarray(indexes, { minLength: length, maxLength: length });
}

function expectSameAlpha(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 10);
}

describe('assessorAgreement', () => {
  it('repeats the doc example, Krippendorff 2011 section A (two observers, binary data)', () => {
    // By hand: 5 units agree on 0 (o_00 = 10), 1 on 1 (o_11 = 2), 4 disagree (o_01 = o_10 = 4);
    // n_0 = 14, n_1 = 6, n = 20; alpha = 1 − (n − 1) × 8 / (2 × 14 × 6) = 1 − 152/168 = 2/21.
    // Krippendorff gives 0.095.
    expect(assessorAgreement([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]], { level: 'nominal' })).toEqual({
      alpha: 0.09523809523809523,
      level: 'nominal',
      units: 10,
      assessors: 2,
      pairableValues: 20,
      observedDisagreement: 0.4,
      expectedDisagreement: 0.4421052631578947,
    });
  });

  it.each<[AgreementLevel, number, number, number, number]>([
    // [level, Krippendorff's published alpha, exact alpha, D_o, D_e]. The exact fractions come from
    // a separate Python script with fractions.Fraction that sums δ² over all pairs of values
    // directly, without a coincidence matrix.
    ['nominal', 0.743, 113 / 152, 0.2, 0.7794871794871795],
    ['ordinal', 0.815, 108577 / 133160, 47.275, 256.0769230769231],
    ['interval', 0.849, 951 / 1120, 0.43333333333333335, 2.871794871794872],
  ])('reproduces Krippendorff 2011 section C at the %s level', (level, published, exact, observed, expected) => {
    const result = assessorAgreement(KRIPPENDORFF_2011, { level });
    expect(result.alpha).toBeCloseTo(published, 3);
    expect(result.alpha).toBeCloseTo(exact, 14);
    expect(result.observedDisagreement).toBeCloseTo(observed, 12);
    expect(result.expectedDisagreement).toBeCloseTo(expected, 12);
    // 11 pairable units: 3 + 8 × 4 + 3 + 2 = 40 values (Krippendorff's n..).
    expect(result).toMatchObject({ level, units: 11, assessors: 4, pairableValues: 40 });
  });

  it('uses the ordinal level by default', () => {
    expect(assessorAgreement(KRIPPENDORFF_2011)).toEqual(assessorAgreement(KRIPPENDORFF_2011, { level: 'ordinal' }));
    expect(assessorAgreement(KRIPPENDORFF_2011).level).toBe('ordinal');
  });

  it('reproduces Krippendorff 2011 section B (two observers, nominal, no missing data)', () => {
    // Values a–e written 1–5. By hand: 3 of 12 units disagree, 6 ordered pairs; n = 24 with
    // n_a = 4, n_b = 6, n_c = 6, n_d = 6, n_e = 2, so Σ n_c n_k over c ≠ k = 576 − 128 = 448;
    // alpha = 1 − 23 × 6/448 = 310/448. Krippendorff gives 0.692.
    const result = assessorAgreement(
      [
        [1, 1, 2, 2, 4, 3, 3, 3, 5, 4, 4, 1],
        [2, 1, 2, 2, 2, 3, 3, 3, 5, 4, 4, 4],
      ],
      { level: 'nominal' },
    );
    expect(result.alpha).toBeCloseTo(310 / 448, 14);
    expect(result.alpha).toBeCloseTo(0.692, 3);
  });

  it.each<[AgreementLevel, number]>([
    // Two assessors, 3 units: pairs (1, 1), (2, 2), (3, 2); n_1 = 2, n_2 = 3, n_3 = 1, n = 6;
    // o_11 = o_22 = 2, o_23 = o_32 = 1, so Σ o δ² = 2 δ²(2, 3).
    // nominal: Σ n_c n_k δ² = 36 − 14 = 22; alpha = 1 − 5 × 2/22 = 6/11.
    ['nominal', 6 / 11],
    // ordinal: δ²(1, 2) = (2 + 3 − 5/2)² = 6.25, δ²(2, 3) = (3 + 1 − 2)² = 4,
    // δ²(1, 3) = (2 + 3 + 1 − 3/2)² = 20.25; Σ n n δ² = 2(6 × 6.25 + 3 × 4 + 2 × 20.25) = 180;
    // alpha = 1 − 5 × 8/180 = 7/9.
    ['ordinal', 7 / 9],
    // interval: δ² = 1, 1, 4; Σ n n δ² = 2(6 + 3 + 8) = 34; alpha = 1 − 5 × 2/34 = 12/17.
    ['interval', 12 / 17],
  ])('matches a hand calculation at the %s level', (level, expected) => {
    expect(assessorAgreement([[1, 2, 3], [1, 2, 2]], { level }).alpha).toBeCloseTo(expected, 14);
  });

  it('gives 1 for perfect agreement, with missing values too', () => {
    const ratings = [
      [1, 3, null, 5],
      [1, 3, 4, 5],
      [null, 3, 4, 5],
    ];
    for (const level of LEVELS) {
      expect(assessorAgreement(ratings, { level })).toMatchObject({ alpha: 1, units: 4, pairableValues: 10, observedDisagreement: 0 });
    }
  });

  it('gives null, not NaN, when every rating has the same value', () => {
    // D_o = D_e = 0: agreement cannot be told from chance.
    for (const level of LEVELS) {
      expect(assessorAgreement([[2, 2, null], [2, 2, 2]], { level })).toEqual({
        alpha: null,
        level,
        units: 2,
        assessors: 2,
        pairableValues: 4,
        observedDisagreement: 0,
        expectedDisagreement: 0,
      });
    }
  });

  it('gives null when no unit has two ratings', () => {
    const lonely = assessorAgreement([[1, null, 3], [null, 2, null]]);
    expect(lonely).toEqual({
      alpha: null,
      level: 'ordinal',
      units: 0,
      assessors: 2,
      pairableValues: 0,
      observedDisagreement: null,
      expectedDisagreement: null,
    });
    expect(assessorAgreement([[], [], []]).alpha).toBeNull(); // no units at all
  });

  it('leaves out units with a single rating', () => {
    // The third unit has one rating; the result equals that of the data without it.
    const withLonely = assessorAgreement([[1, 2, 5, 3], [1, 3, null, 3]]);
    const without = assessorAgreement([[1, 2, 3], [1, 3, 3]]);
    expect(withLonely).toEqual(without);
  });

  it('gives the same alpha at every level for two distinct values', () => {
    // With two categories δ² is a constant for c ≠ k at every level, and alpha does not depend on it.
    const ratings = [
      [0, 1, 0, 0, 1, null],
      [0, 1, 1, 0, 1, 1],
      [1, 1, 0, null, 1, 1],
    ];
    const nominal = assessorAgreement(ratings, { level: 'nominal' }).alpha;
    expect(assessorAgreement(ratings, { level: 'ordinal' }).alpha).toBeCloseTo(nominal ?? Number.NaN, 14);
    expect(assessorAgreement(ratings, { level: 'interval' }).alpha).toBeCloseTo(nominal ?? Number.NaN, 14);
  });

  it('can fall below 0 for systematic disagreement', () => {
    // Each unit gets 1 from one assessor and 2 from the other: o_12 = o_21 = 3, n_1 = n_2 = 3,
    // alpha = 1 − 5 × 6/(2 × 9) = −2/3.
    expect(assessorAgreement([[1, 2, 1], [2, 1, 2]], { level: 'nominal' }).alpha).toBeCloseTo(-2 / 3, 14);
  });

  it('accepts any finite numbers as categories', () => {
    // Relabelling 1, 2, 3 as −0.5, 0.25, 10 keeps the nominal and ordinal alpha.
    const labels = [-0.5, 0.25, 10, 11, 12];
    const relabelled = KRIPPENDORFF_2011.map((row) => row.map((value) => (value === null ? null : (labels[value - 1] ?? Number.NaN))));
    for (const level of ['nominal', 'ordinal'] as const) {
      expect(assessorAgreement(relabelled, { level }).alpha).toBeCloseTo(assessorAgreement(KRIPPENDORFF_2011, { level }).alpha ?? Number.NaN, 12);
    }
  });

  it('never exceeds 1', () => {
    fc.assert(
      fc.property(reliabilityData, fc.constantFrom(...LEVELS), (ratings, level) => {
        const { alpha } = assessorAgreement(ratings, { level });
        if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
        expect(Number.isNaN(alpha)).toBe(false);
      }),
    );
  });

  it('does not depend on the order of the units or of the assessors', () => {
    const withPermutations = reliabilityData.chain((ratings) =>
      fc.tuple(fc.constant(ratings), permutation(ratings.length), permutation((ratings[0] ?? []).length), fc.constantFrom(...LEVELS)),
    );
    fc.assert(
      fc.property(withPermutations, ([ratings, assessorOrder, unitOrder, level]) => {
        const expected = assessorAgreement(ratings, { level });
        const byAssessor = assessorOrder.map((index) => ratings[index] ?? []);
        const byUnit = ratings.map((row) => unitOrder.map((index) => row[index] ?? null));
        expectSameAlpha(assessorAgreement(byAssessor, { level }).alpha, expected.alpha);
        expectSameAlpha(assessorAgreement(byUnit, { level }).alpha, expected.alpha);
      }),
    );
  });

  it('keeps the ordinal alpha when values are relabelled in the same order', () => {
    // Five strictly increasing labels, by positive steps that may be fractional.
    const increasing = fc
      .array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 })
      .map((steps) => steps.reduce<number[]>((labels, step) => [...labels, (labels.at(-1) ?? -50) + step], []));
    fc.assert(
      fc.property(reliabilityData, increasing, (ratings, labels) => {
        const relabelled = ratings.map((row) => row.map((value) => (value === null ? null : (labels[value - 1] ?? Number.NaN))));
        expectSameAlpha(assessorAgreement(relabelled).alpha, assessorAgreement(ratings).alpha);
      }),
    );
  });

  it('keeps the interval alpha under a change of unit and origin', () => {
    fc.assert(
      fc.property(reliabilityData, fc.integer({ min: -10, max: 10 }).filter((scale) => scale !== 0), fc.integer({ min: -100, max: 100 }), (ratings, scale, shift) => {
        const rescaled = ratings.map((row) => row.map((value) => (value === null ? null : value * scale + shift)));
        expectSameAlpha(assessorAgreement(rescaled, { level: 'interval' }).alpha, assessorAgreement(ratings, { level: 'interval' }).alpha);
      }),
    );
  });

  it.each<[string, unknown, unknown, string]>([
    ['one assessor', [[1, 2, 3]], {}, 'assessorAgreement: ratings must have at least 2 assessors, got 1'],
    ['no assessors', [], {}, 'assessorAgreement: ratings must have at least 2 assessors, got 0'],
    ['ratings that are not an array', 'abc', {}, 'assessorAgreement: ratings must be an array with one row per assessor, got "abc"'],
    ['a row that is not an array', [[1, 2], null], {}, 'assessorAgreement: ratings[1] must be an array of ratings, got null'],
    [
      'a ragged row',
      [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1],
      ],
      {},
      'assessorAgreement: ratings[2] has 11 units, expected 12',
    ],
    ['a NaN rating', [[1, 2], [1, Number.NaN]], {}, 'assessorAgreement: ratings[1][1] must be a finite number or null, got NaN'],
    ['an infinite rating', [[Number.POSITIVE_INFINITY, 2], [1, 2]], {}, 'assessorAgreement: ratings[0][0] must be a finite number or null, got Infinity'],
    ['a rating given as text', [[1, '2'], [1, 2]], {}, 'assessorAgreement: ratings[0][1] must be a finite number or null, got "2"'],
    ['an undefined rating', [[1, undefined], [1, 2]], {}, 'assessorAgreement: ratings[0][1] must be a finite number or null, got undefined'],
    // [1, , 3] has a hole at index 1, which Array.prototype.forEach would skip.
    ['a hole in a sparse row', [[1, , 3], [1, 2, 3]], {}, 'assessorAgreement: ratings[0][1] must be a finite number or null, got undefined'],
    ['an unknown level', [[1], [1]], { level: 'ratio' }, `assessorAgreement: level must be 'nominal', 'ordinal' or 'interval', got "ratio"`],
    ['options that are not an object', [[1], [1]], null, 'assessorAgreement: options must be an object, got null'],
  ])('rejects %s', (_case, ratings, options, message) => {
    expectRiskEngineError(() => assessorAgreement(ratings as ReliabilityData, options as AssessorAgreementOptions), message);
  });

  it('does not change its inputs and returns frozen data', () => {
    const ratings = deepFreeze(KRIPPENDORFF_2011.map((row) => [...row]));
    const result = assessorAgreement(ratings, deepFreeze({ level: 'interval' as const }));
    expect(ratings).toEqual(KRIPPENDORFF_2011);
    expect(Object.isFrozen(result)).toBe(true);
  });
});
