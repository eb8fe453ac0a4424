import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCounts } from '../../src/fairness/group-counts.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';

const zero = { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 };

describe('groupCounts', () => {
  it('counts the doc example: a missing group value counts only in missing', () => {
    expect(groupCounts({ yTrue: [1, 0, 1, 1], yPred: [1, 1, 0, 1], groups: ['a', 'a', 'b', null] })).toEqual({
      groups: { a: { tp: 1, fp: 1, tn: 0, fn: 0, rows: 2 }, b: { tp: 0, fp: 0, tn: 0, fn: 1, rows: 1 } },
      missing: { tp: 1, fp: 0, tn: 0, fn: 0, rows: 1 },
    });
  });

  it('treats null, undefined and NaN group values as missing', () => {
    const counts = groupCounts({ yTrue: [0, 0, 1, 1], yPred: [0, 1, 1, 0], groups: [null, undefined, Number.NaN, 'x'] });
    expect(counts.missing).toEqual({ tp: 1, fp: 1, tn: 1, fn: 0, rows: 3 });
    expect(counts.groups).toEqual({ x: { tp: 0, fp: 0, tn: 0, fn: 1, rows: 1 } });
  });

  it('joins several columns into intersectional keys in column order; a missing value in any column is missing', () => {
    const counts = groupCounts({
      yTrue: [1, 1, 0, 0, 1],
      yPred: [1, 0, 0, 1, 1],
      groups: [
        ['F', 'F', 'M', 'M', 'F'],
        ['r1', 'r2', 'r1', 'r1', null],
      ],
    });
    expect(counts.groups).toEqual({
      'F|r1': { tp: 1, fp: 0, tn: 0, fn: 0, rows: 1 },
      'F|r2': { tp: 0, fp: 0, tn: 0, fn: 1, rows: 1 },
      'M|r1': { tp: 0, fp: 1, tn: 1, fn: 0, rows: 2 },
    });
    expect(counts.missing).toEqual({ tp: 1, fp: 0, tn: 0, fn: 0, rows: 1 });
  });

  it('reads string labels with their positive label, ±1 labels and booleans', () => {
    const strings = groupCounts({ yTrue: ['hire', 'reject', 'hire'], yPred: ['hire', 'hire', 'reject'], groups: ['a', 'a', 'a'], positiveLabel: 'hire' });
    expect(strings.groups.a).toEqual({ tp: 1, fp: 1, tn: 0, fn: 1, rows: 3 });
    const signed = groupCounts({ yTrue: [1, -1, -1, 1], yPred: [-1, -1, 1, 1], groups: ['g', 'g', 'g', 'g'] });
    expect(signed.groups.g).toEqual({ tp: 1, fp: 1, tn: 1, fn: 1, rows: 4 });
    const booleans = groupCounts({ yTrue: [true, false, true], yPred: [true, false, false], groups: ['g', 'g', 'g'] });
    expect(booleans.groups.g).toEqual({ tp: 1, fp: 0, tn: 1, fn: 1, rows: 3 });
    // 0 as the favourable label turns the confusion around.
    const zeroPositive = groupCounts({ yTrue: [0, 1], yPred: [0, 0], groups: ['g', 'g'], positiveLabel: 0 });
    expect(zeroPositive.groups.g).toEqual({ tp: 1, fp: 1, tn: 0, fn: 0, rows: 2 });
  });

  it('sums sample weights into the cells and still counts rows', () => {
    const counts = groupCounts({ yTrue: [1, 1, 0, 0], yPred: [1, 1, 1, 0], groups: ['a', 'a', 'a', 'b'], sampleWeight: [0.5, 2, 1.25, 0] });
    expect(counts.groups).toEqual({ a: { tp: 2.5, fp: 1.25, tn: 0, fn: 0, rows: 3 }, b: { tp: 0, fp: 0, tn: 0, fn: 0, rows: 1 } });
  });

  it('counts a group of one, and group codes in typed arrays without a missing cell', () => {
    const counts = groupCounts({
      yTrue: Uint8Array.from([1, 0, 1, 0, 1]),
      yPred: Uint8Array.from([1, 0, 0, 0, 1]),
      groups: Uint16Array.from([3, 3, 3, 700, 3]),
    });
    expect(counts).toEqual({ groups: { 3: { tp: 2, fp: 0, tn: 1, fn: 1, rows: 4 }, 700: { tp: 0, fp: 0, tn: 1, fn: 0, rows: 1 } }, missing: zero });
    expect(Object.keys(counts.groups)).toEqual(['3', '700']);
  });

  it('sorts keys by number when numeric and by code unit otherwise, and merges values that print alike', () => {
    const counts = groupCounts({ yTrue: [1, 1, 1, 1, 1], yPred: [1, 1, 1, 1, 1], groups: [10, 2, 'b', 'B', '2'] });
    expect(Object.keys(counts.groups)).toEqual(['2', '10', 'B', 'b']);
    expect(counts.groups['2']!.rows).toBe(2);
  });

  it('never changes its input and returns frozen plain JSON', () => {
    const input = deepFreeze({ yTrue: [1, 0], yPred: [0, 0], groups: [['a', 'b']] });
    const counts = groupCounts(input);
    expect(Object.isFrozen(counts) && Object.isFrozen(counts.groups) && Object.isFrozen(counts.groups.a)).toBe(true);
    expect(JSON.parse(JSON.stringify(counts))).toEqual(counts);
  });

  it('gives the same counts from typed and plain arrays, in any row order (property)', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 5 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const plain = groupCounts({ yTrue: rows.map((r) => r[0]), yPred: rows.map((r) => r[1]), groups: rows.map((r) => `g${r[2]}`) });
        const typed = groupCounts({
          yTrue: Uint8Array.from(rows.map((r) => r[0])),
          yPred: Uint8Array.from(rows.map((r) => r[1])),
          groups: Uint16Array.from(rows.map((r) => r[2])),
        });
        const reversed = [...rows].reverse();
        const backwards = groupCounts({ yTrue: reversed.map((r) => r[0]), yPred: reversed.map((r) => r[1]), groups: reversed.map((r) => `g${r[2]}`) });
        expect(backwards).toEqual(plain);
        expect(Object.values(typed.groups)).toEqual(Object.values(plain.groups));
        const total = Object.values(plain.groups).reduce((sum, cell) => sum + cell.tp + cell.fp + cell.tn + cell.fn, 0);
        expect(total).toBe(rows.length);
      }),
    );
  });

  it('rejects bad input with a message naming the argument', () => {
    expectRiskEngineError(() => groupCounts({ yTrue: [], yPred: [], groups: [] }), 'groupCounts: yTrue is empty; there must be at least one row');
    expectRiskEngineError(() => groupCounts({ yTrue: [1, 0], yPred: [1], groups: ['a', 'b'] }), 'groupCounts: yPred has 1 rows, expected 2 (as yTrue)');
    expectRiskEngineError(() => groupCounts({ yTrue: [1], yPred: [1], groups: ['a', 'b'] }), 'groupCounts: groups has 2 rows, expected 1 (as yTrue)');
    expectRiskEngineError(
      () => groupCounts({ yTrue: [1, 0], yPred: [1, 0], groups: [['a', 'b'], ['x']] }),
      'groupCounts: groups[1] has 1 rows, expected 2 (as yTrue)',
    );
    expectRiskEngineError(
      () => groupCounts({ yTrue: [1], yPred: [1], groups: ['a'], sampleWeight: [1, 2] }),
      'groupCounts: sampleWeight has 2 rows, expected 1 (as yTrue)',
    );
    expectRiskEngineError(() => groupCounts({ yTrue: 'yes' as never, yPred: [1], groups: ['a'] }), 'groupCounts: yTrue must be an array or a typed array, got "yes"');
    expectRiskEngineError(
      () => groupCounts({ yTrue: ['yes', 'no'], yPred: ['yes', 'no'], groups: ['a', 'b'] }),
      'groupCounts: yTrue[1] is "no", a third label besides "yes" and positiveLabel 1; labels must be binary (is positiveLabel right?)',
    );
    expectRiskEngineError(
      () => groupCounts({ yTrue: [0, 1, 2], yPred: [0, 1, 1], groups: ['a', 'a', 'a'] }),
      'groupCounts: yTrue[2] is 2, a third label besides 0 and positiveLabel 1; labels must be binary (is positiveLabel right?)',
    );
    expectRiskEngineError(
      () => groupCounts({ yTrue: Uint8Array.from([1, 0]), yPred: Uint8Array.from([1, 2]), groups: Uint8Array.from([0, 0]) }),
      'groupCounts: yPred[1] is 2, a third label besides 0 and positiveLabel 1; labels must be binary (is positiveLabel right?)',
    );
    expectRiskEngineError(
      () => groupCounts({ yTrue: Uint8Array.from([1, 0]), yPred: Uint8Array.from([1, 2]), groups: Uint8Array.from([0, 0]), positiveLabel: 2 }),
      'groupCounts: yTrue[1] is 0, a third label besides 1 and positiveLabel 2; labels must be binary (is positiveLabel right?)',
    );
    expectRiskEngineError(() => groupCounts({ yTrue: [1, null as never], yPred: [1, 0], groups: ['a', 'a'] }), 'groupCounts: yTrue[1] must be a finite number, a boolean or a string, got null');
    expectRiskEngineError(() => groupCounts({ yTrue: [1], yPred: [Number.NaN], groups: ['a'] }), 'groupCounts: yPred[0] must be a finite number, a boolean or a string, got NaN');
    expectRiskEngineError(() => groupCounts({ yTrue: [1], yPred: [1], groups: ['a'], positiveLabel: null as never }), 'groupCounts: positiveLabel must be a finite number, a boolean or a string, got null');
    expectRiskEngineError(
      () => groupCounts({ yTrue: [1, 0], yPred: [1, 0], groups: ['a', 'a'], sampleWeight: [1, -0.5] }),
      'groupCounts: sampleWeight[1] must be a finite number ≥ 0, got -0.5',
    );
    expectRiskEngineError(
      () => groupCounts({ yTrue: Uint8Array.from([1]), yPred: Uint8Array.from([1]), groups: Uint16Array.from([0]), sampleWeight: [Number.POSITIVE_INFINITY] }),
      'groupCounts: sampleWeight[0] must be a finite number ≥ 0, got Infinity',
    );
    expectRiskEngineError(() => groupCounts({ yTrue: [1], yPred: [1], groups: [{}] as never }), 'groupCounts: group value at row 0 must be a string, number or boolean, got an object');
  });
});
