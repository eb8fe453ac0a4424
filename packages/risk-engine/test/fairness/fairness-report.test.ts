import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairnessReport } from '../../src/fairness/fairness-report.js';
import { groupCounts } from '../../src/fairness/group-counts.js';
import type { Cell, GroupCounts } from '../../src/fairness/types.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';

const zero: Cell = { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 };
const cell = (tp: number, fp: number, tn: number, fn: number): Cell => ({ tp, fp, tn, fn, rows: tp + fp + tn + fn });

/**
 * Two groups of 100. a: selection 40/100 = 0.4, TPR 30/40 = 0.75, FPR 10/60 = 1/6;
 * b: selection 20/100 = 0.2, TPR 15/25 = 0.6, FPR 5/75 = 1/15.
 */
const twoGroups: GroupCounts = deepFreeze({ groups: { a: cell(30, 10, 50, 10), b: cell(15, 5, 70, 10) }, missing: zero });

describe('fairnessReport', () => {
  it('repeats the doc example', () => {
    const report = fairnessReport(twoGroups, { privilegedGroup: 'a' });
    expect(report.byGroup.a!.selectionRate.value).toBe(0.4);
    expect(report.demographicParityDifference.betweenGroups).toBeCloseTo(0.2, 12);
    expect(report.demographicParityRatio.betweenGroups).toBe(0.5);
    expect(report.equalizedOddsDifference.betweenGroups).toBeCloseTo(0.15, 12);
    expect(report.privileged!.disparateImpact.value).toBe(0.5);
    expect(report.fourFifthsRule).toEqual({ passes: false, lowestRatio: 0.5, group: 'b', highestGroup: 'a' });
  });

  it('repeats the README example', () => {
    const counts = groupCounts({
      yTrue: [1, 0, 1, 1, 0, 1, 0, 0, 1, 0],
      yPred: [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
      groups: ['F', 'F', 'F', 'F', 'M', 'M', 'M', 'M', 'M', null],
    });
    expect(counts).toEqual({ groups: { F: cell(2, 1, 0, 1), M: cell(1, 0, 3, 1) }, missing: cell(0, 0, 1, 0) });
    const report = fairnessReport(counts, { privilegedGroup: 'F' });
    expect(report.byGroup.M!.selectionRate.value).toBe(0.2);
    expect(report.byGroup.M!.selectionRate.lower).toBeCloseTo(0.0362, 4);
    expect(report.byGroup.M!.selectionRate.upper).toBeCloseTo(0.6245, 4);
    expect(report.demographicParityDifference).toMatchObject({ betweenGroups: 0.55, toOverall: 0.35, highestGroup: 'F', lowestGroup: 'M' });
    expect(report.demographicParityDifference.interval!.lower).toBeCloseTo(-0.068, 3);
    expect(report.demographicParityDifference.interval!.upper).toBeCloseTo(0.812, 3);
    expect(report.privileged!.disparateImpact.value).toBeCloseTo(0.2667, 4);
    expect(report.privileged!.disparateImpact.interval!.lower).toBeCloseTo(0.0423, 4);
    expect(report.privileged!.disparateImpact.interval!.upper).toBeCloseTo(1.683, 3);
    expect(report.fourFifthsRule).toMatchObject({ passes: false, group: 'M', highestGroup: 'F' });
    expect(report.byGroup.F!.test!.pValue).toBeCloseTo(0.0989, 4);
  });

  it('gives every rate per group with its Wilson interval', () => {
    const { a } = fairnessReport(twoGroups).byGroup;
    expect(a!.count).toBe(100);
    // Wilson 40/100 at z = 1.959964: centre (40 + 1.92)/103.84 = 0.40370, half-width 0.09430.
    expect(a!.selectionRate.value).toBe(0.4);
    expect(a!.selectionRate.lower).toBeCloseTo(0.309401, 6);
    expect(a!.selectionRate.upper).toBeCloseTo(0.497997, 6);
    expect(a!.truePositiveRate.value).toBe(0.75);
    expect(a!.falseNegativeRate.value).toBe(0.25);
    expect(a!.falsePositiveRate.value).toBeCloseTo(1 / 6, 15);
    expect(a!.trueNegativeRate.value).toBeCloseTo(5 / 6, 15);
    expect(a!.accuracy.value).toBe(0.8);
    expect(a!.precision.value).toBe(0.75);
    for (const rate of ['selectionRate', 'truePositiveRate', 'falsePositiveRate', 'falseNegativeRate', 'trueNegativeRate', 'accuracy', 'precision'] as const) {
      expect(a![rate].lower!).toBeLessThanOrEqual(a![rate].value!);
      expect(a![rate].upper!).toBeGreaterThanOrEqual(a![rate].value!);
    }
  });

  it('computes Fairlearn differences and ratios between groups and to overall', () => {
    const report = fairnessReport(twoGroups);
    // Overall selection (40 + 20)/200 = 0.3: |0.4 − 0.3| = |0.2 − 0.3| = 0.1.
    expect(report.demographicParityDifference).toMatchObject({ highestGroup: 'a', lowestGroup: 'b' });
    expect(report.demographicParityDifference.toOverall).toBeCloseTo(0.1, 12);
    // Ratio to overall: min(min(0.4/0.3, 0.3/0.4), min(0.2/0.3, 0.3/0.2)) = 2/3.
    expect(report.demographicParityRatio.toOverall).toBeCloseTo(2 / 3, 12);
    // Equal opportunity: TPR 0.75 and 0.6, overall 45/65; difference 0.15, ratio 0.8.
    expect(report.equalOpportunityDifference.betweenGroups).toBeCloseTo(0.15, 12);
    expect(report.equalOpportunityRatio.betweenGroups).toBeCloseTo(0.8, 12);
    expect(report.equalOpportunityDifference.toOverall).toBeCloseTo(45 / 65 - 0.6, 12);
    // Equalized odds takes the worse of TPR (0.15, ratio 0.8) and FPR (1/6 − 1/15 = 0.1, ratio 0.4).
    expect(report.equalizedOddsDifference.betweenGroups).toBeCloseTo(0.15, 12);
    expect(report.equalizedOddsRatio.betweenGroups).toBeCloseTo(0.4, 12);
    expect(report.equalizedOddsRatio).toMatchObject({ highestGroup: 'a', lowestGroup: 'b' });
    // FPR overall 15/135: to overall, max(|1/6 − 1/9|, |1/15 − 1/9|) = 1/18 for FPR; TPR gives 0.0923.
    expect(report.equalizedOddsDifference.toOverall).toBeCloseTo(45 / 65 - 0.6, 12);
  });

  it('gives a Newcombe interval for a difference (Newcombe 1998: 56/70 − 48/80 → 0.0524 to 0.3339)', () => {
    const report = fairnessReport({ groups: { x: cell(56, 0, 0, 14), y: cell(48, 0, 0, 32) }, missing: zero });
    // The selection rates are 56/70 and 48/80, as in Newcombe's example 1.
    expect(report.demographicParityDifference.betweenGroups).toBeCloseTo(0.2, 12);
    expect(report.demographicParityDifference.interval!.lower).toBeCloseTo(0.0524, 4);
    expect(report.demographicParityDifference.interval!.upper).toBeCloseTo(0.3339, 4);
  });

  it('computes AIF360 metrics against the privileged group, all other groups pooled', () => {
    const counts = { groups: { a: cell(30, 10, 50, 10), b: cell(10, 2, 30, 8), c: cell(5, 3, 40, 2) }, missing: cell(1, 1, 1, 1) };
    const report = fairnessReport(counts, { privilegedGroup: 'a' });
    // Unprivileged pool b + c = tp 15, fp 5, tn 70, fn 10 (the missing rows stay out): group b of the doc example.
    const privileged = report.privileged!;
    expect(privileged.privilegedGroup).toBe('a');
    expect(privileged.disparateImpact.value).toBe(0.5);
    expect(privileged.statisticalParityDifference.value).toBeCloseTo(-0.2, 12);
    expect(privileged.equalOpportunityGap.value).toBeCloseTo(-0.15, 12);
    // ½[(1/15 − 1/6) + (0.6 − 0.75)] = −0.125; absolute ½[0.1 + 0.15] = 0.125.
    expect(privileged.averageOddsDifference).toBeCloseTo(-0.125, 12);
    expect(privileged.averageAbsOddsDifference).toBeCloseTo(0.125, 12);
    // Katz: 0.5·exp(±1.959964·√(1/20 − 1/100 + 1/40 − 1/100)) = 0.31575 to 0.79176.
    expect(privileged.disparateImpact.interval!.lower).toBeCloseTo(0.315752, 5);
    expect(privileged.disparateImpact.interval!.upper).toBeCloseTo(0.791762, 5);
    expect(privileged.statisticalParityDifference.interval!.lower).toBeLessThan(-0.2);
    expect(privileged.statisticalParityDifference.interval!.upper).toBeLessThan(0);
  });

  it('computes the Theil and generalized entropy indices from the counts (worked by hand)', () => {
    // One each of TP, TN, FP, FN: benefits 1, 1, 2, 0, μ = 1.
    // Theil = (0 + 0 + 2·ln 2 + 0)/4 = ln 2 / 2; GE(2) = [(1 − 1) + (1 − 1) + (4 − 1) + (0 − 1)]/(4·2·1) = 0.25.
    const counts = { groups: { g: cell(1, 1, 1, 1) }, missing: zero };
    const report = fairnessReport(counts);
    expect(report.theilIndex).toBeCloseTo(Math.LN2 / 2, 14);
    expect(report.generalizedEntropyIndex).toEqual({ alpha: 2, value: 0.25 });
    // GE(0) = −Σ ln(b/μ)/n is infinite with a false negative (b = 0): null.
    expect(fairnessReport(counts, { entropyAlpha: 0 }).generalizedEntropyIndex.value).toBeNull();
    // Without false negatives, GE(0) = −(ln 1 + ln 1 + ln(2/μ))/3 with μ = 4/3.
    const noMisses = fairnessReport({ groups: { g: cell(1, 1, 1, 0) }, missing: zero }, { entropyAlpha: 0 });
    expect(noMisses.generalizedEntropyIndex.value).toBeCloseTo(-(2 * Math.log(3 / 4) + Math.log(1.5)) / 3, 14);
  });

  it('tests each group against the rest and adjusts with Benjamini–Hochberg', () => {
    // Selection: a 30/50, b 20/50, c 22/50; p-values from the pooled z-test (scipy.stats.norm.sf).
    const counts = { groups: { a: cell(30, 0, 20, 0), b: cell(20, 0, 30, 0), c: cell(22, 0, 28, 0) }, missing: zero };
    const { byGroup } = fairnessReport(counts);
    expect(byGroup.a!.test!.selectionRateDifference).toBeCloseTo(0.6 - 0.42, 12);
    expect(byGroup.a!.test!.pValue).toBeCloseTo(0.037514, 5);
    expect(byGroup.b!.test!.pValue).toBeCloseTo(0.165518, 5);
    expect(byGroup.c!.test!.pValue).toBeCloseTo(0.488074, 5);
    // q(1) = min(p(1)·3/1, q(2)) = 0.11254; q(2) = 0.16552·3/2 = 0.24828; q(3) = 0.48807.
    expect(byGroup.a!.test!.qValue).toBeCloseTo(0.112542, 5);
    expect(byGroup.b!.test!.qValue).toBeCloseTo(0.248277, 5);
    expect(byGroup.c!.test!.qValue).toBeCloseTo(0.488074, 5);
  });

  it('reports null for a zero denominator, or scikit-learn’s value with zeroDivision', () => {
    // Group n has no actual positives: its TPR and FNR are 0/0.
    const counts = { groups: { p: cell(4, 1, 3, 2), n: cell(0, 2, 8, 0) }, missing: zero };
    const byNull = fairnessReport(counts);
    expect(byNull.byGroup.n!.truePositiveRate).toEqual({ value: null, lower: null, upper: null });
    // Only group p has a TPR, so the TPR disparity is that of one group: difference 0, ratio 1.
    expect(byNull.equalOpportunityDifference.betweenGroups).toBe(0);
    expect(byNull.equalOpportunityRatio.betweenGroups).toBe(1);
    const byZero = fairnessReport(counts, { zeroDivision: 0 });
    expect(byZero.byGroup.n!.truePositiveRate).toEqual({ value: 0, lower: null, upper: null });
    // As Fairlearn: TPR 4/6 and 0 → difference 2/3, ratio 0; FPR 1/4 and 2/10 → 0.05.
    expect(byZero.equalOpportunityDifference.betweenGroups).toBeCloseTo(2 / 3, 12);
    expect(byZero.equalizedOddsDifference.betweenGroups).toBeCloseTo(2 / 3, 12);
    expect(byZero.equalizedOddsRatio.betweenGroups).toBe(0);
    // AIF360 keeps undefined rates undefined whatever zeroDivision says.
    expect(fairnessReport(counts, { zeroDivision: 0, privilegedGroup: 'n' }).privileged!.equalOpportunityGap.value).toBeNull();
  });

  it('handles a single group, an intersection without rows and a group of one', () => {
    const single = fairnessReport({ groups: { only: cell(3, 1, 4, 2) }, missing: zero });
    expect(single.demographicParityDifference.betweenGroups).toBe(0);
    expect(single.demographicParityDifference.toOverall).toBe(0);
    expect(single.demographicParityRatio.betweenGroups).toBe(1);
    expect(single.byGroup.only!.test).toBeNull();
    expect(single.fourFifthsRule).toEqual({ passes: true, lowestRatio: 1, group: 'only', highestGroup: 'only' });

    const counts = { groups: { 'F|r1': cell(2, 1, 1, 0), 'F|r2': zero, 'M|r1': cell(0, 0, 1, 0) }, missing: zero };
    const report = fairnessReport(counts);
    expect(report.byGroup['F|r2']).toMatchObject({ count: 0, suppressed: false, test: null, selectionRate: { value: null } });
    // M|r1 is one row, not selected: selection rates 0.75 and 0 between the groups with rows.
    expect(report.demographicParityDifference).toMatchObject({ betweenGroups: 0.75, highestGroup: 'F|r1', lowestGroup: 'M|r1' });
    expect(report.byGroup['M|r1']!.selectionRate.value).toBe(0);
    expect(report.byGroup['M|r1']!.selectionRate.upper).toBeGreaterThan(0.7);
  });

  it('suppresses groups under minGroupSize, leaving them out of the disparities but in the overall figures', () => {
    const counts = { groups: { big: cell(20, 20, 40, 20), small: cell(0, 0, 3, 0), other: cell(10, 10, 20, 10) }, missing: zero };
    const report = fairnessReport(counts, { minGroupSize: 10 });
    expect(report.byGroup.small).toMatchObject({ count: 3, suppressed: true, test: null, selectionRate: { value: null, lower: null, upper: null } });
    expect(report.overall.count).toBe(153);
    expect(report.demographicParityDifference.betweenGroups).toBe(0);
    expect(report.fourFifthsRule.passes).toBe(true);
    expect(fairnessReport(counts).fourFifthsRule).toMatchObject({ passes: false, lowestRatio: 0, group: 'small' });
  });

  it('says nothing about the four-fifths rule when no group is selected', () => {
    const report = fairnessReport({ groups: { a: cell(0, 0, 5, 1), b: cell(0, 0, 4, 0) }, missing: zero });
    expect(report.fourFifthsRule).toEqual({ passes: null, lowestRatio: null, group: null, highestGroup: 'a' });
    expect(report.demographicParityRatio.betweenGroups).toBeNull();
  });

  it('matches counts made from rows with sample weights (weights as frequencies)', () => {
    const weighted = groupCounts({ yTrue: [1, 0, 1, 0], yPred: [1, 1, 0, 0], groups: ['a', 'a', 'b', 'b'], sampleWeight: [3, 1, 2, 2] });
    const repeated = groupCounts({
      yTrue: [1, 1, 1, 0, 1, 1, 0, 0],
      yPred: [1, 1, 1, 1, 0, 0, 0, 0],
      groups: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'],
    });
    const fromWeights = fairnessReport(weighted);
    const fromRows = fairnessReport(repeated);
    expect(fromWeights.demographicParityDifference).toEqual(fromRows.demographicParityDifference);
    expect(fromWeights.byGroup.a!.selectionRate).toEqual(fromRows.byGroup.a!.selectionRate);
    expect(fromWeights.byGroup.a!.count).toBe(2);
  });

  it('keeps differences and ratios in [0, 1], intervals around their estimates and never gives NaN (property)', () => {
    const cells = fc.record({ tp: fc.nat(40), fp: fc.nat(40), tn: fc.nat(40), fn: fc.nat(40) }).map((c) => cell(c.tp, c.fp, c.tn, c.fn));
    const countsArbitrary = fc.record({ groups: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), cells, { minKeys: 1 }), missing: cells });
    fc.assert(
      fc.property(countsArbitrary, fc.constantFrom(null, 0, 1), fc.integer({ min: 0, max: 60 }), (counts, zeroDivision, minGroupSize) => {
        const report = fairnessReport(counts, { zeroDivision, minGroupSize, privilegedGroup: Object.keys(counts.groups)[0] });
        const text = JSON.stringify(report, (_, value) => (typeof value === 'number' && !Number.isFinite(value) ? 'NOT FINITE' : value));
        expect(text).not.toContain('NOT FINITE');
        for (const name of ['demographicParity', 'equalizedOdds', 'equalOpportunity'] as const) {
          for (const kind of ['Difference', 'Ratio'] as const) {
            const disparity = report[`${name}${kind}`];
            for (const value of [disparity.betweenGroups, disparity.toOverall]) {
              if (value === null) continue;
              expect(value).toBeGreaterThanOrEqual(0);
              expect(value).toBeLessThanOrEqual(1 + 1e-12);
            }
            if (kind === 'Difference' && disparity.interval !== null && disparity.betweenGroups !== null && zeroDivision === null) {
              expect(disparity.interval.lower).toBeLessThanOrEqual(disparity.betweenGroups + 1e-12);
              expect(disparity.interval.upper).toBeGreaterThanOrEqual(disparity.betweenGroups - 1e-12);
            }
          }
        }
        for (const group of [report.overall, ...Object.values(report.byGroup)]) {
          const estimate = group.selectionRate;
          if (estimate.lower !== null) expect(estimate.lower).toBeLessThanOrEqual(estimate.value!);
          if (estimate.upper !== null) expect(estimate.upper).toBeGreaterThanOrEqual(estimate.value!);
        }
        for (const group of Object.values(report.byGroup)) if (group.test) expect(group.test.qValue).toBeGreaterThanOrEqual(group.test.pValue);
      }),
    );
  });

  it('does not depend on the order of the groups (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(30)), { minLength: 2, maxLength: 5 }), (cells) => {
        const entries = cells.map(([tp, fp, tn, fn], index) => [`g${index}`, cell(tp, fp, tn, fn)] as const);
        const forwards = fairnessReport({ groups: Object.fromEntries(entries), missing: zero });
        const backwards = fairnessReport({ groups: Object.fromEntries([...entries].reverse()), missing: zero });
        expect(backwards.demographicParityDifference.betweenGroups).toBe(forwards.demographicParityDifference.betweenGroups);
        expect(backwards.equalizedOddsRatio.betweenGroups).toBe(forwards.equalizedOddsRatio.betweenGroups);
        expect(backwards.fourFifthsRule.lowestRatio).toBe(forwards.fourFifthsRule.lowestRatio);
      }),
    );
  });

  it('rejects bad options and counts, naming them', () => {
    expectRiskEngineError(() => fairnessReport(twoGroups, { privilegedGroup: 'z' }), 'fairnessReport: privilegedGroup "z" is not one of the groups ("a", "b")');
    expectRiskEngineError(() => fairnessReport(twoGroups, { confidenceLevel: 95 }), 'fairnessReport: confidenceLevel must be a number between 0 and 1 (exclusive), got 95');
    expectRiskEngineError(() => fairnessReport(twoGroups, { minGroupSize: -1 }), 'fairnessReport: minGroupSize must be a finite number ≥ 0, got -1');
    expectRiskEngineError(() => fairnessReport(twoGroups, { zeroDivision: 0.5 as never }), 'fairnessReport: zeroDivision must be null, 0 or 1, got 0.5');
    expectRiskEngineError(() => fairnessReport(twoGroups, { entropyAlpha: Number.NaN }), 'fairnessReport: entropyAlpha must be a finite number, got NaN');
    expectRiskEngineError(
      () => fairnessReport({ groups: { a: { ...zero, tn: -2 } }, missing: zero }),
      'fairnessReport: counts.groups["a"].tn must be a finite number ≥ 0, got -2',
    );
  });
});
