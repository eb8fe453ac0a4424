import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCounts } from '../../src/fairness/group-counts.js';
import { mergeGroupCounts } from '../../src/fairness/merge-group-counts.js';
import type { GroupCounts } from '../../src/fairness/types.js';
import { expectRiskEngineError } from '../helpers.js';

const zero = { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 };

/** Counts with small integer cells over a few group keys; integers keep sums exact. */
const countsArbitrary: fc.Arbitrary<GroupCounts> = fc
  .tuple(
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'F|1', '10'), fc.record({ tp: fc.nat(50), fp: fc.nat(50), tn: fc.nat(50), fn: fc.nat(50), rows: fc.nat(200) })),
    fc.record({ tp: fc.nat(5), fp: fc.nat(5), tn: fc.nat(5), fn: fc.nat(5), rows: fc.nat(20) }),
  )
  .map(([groups, missing]) => ({ groups, missing }));

describe('mergeGroupCounts', () => {
  it('adds the doc example group by group', () => {
    const merged = mergeGroupCounts(
      { groups: { a: { tp: 1, fp: 0, tn: 2, fn: 0, rows: 3 } }, missing: zero },
      { groups: { a: { tp: 1, fp: 1, tn: 0, fn: 0, rows: 2 }, b: { tp: 0, fp: 0, tn: 1, fn: 0, rows: 1 } }, missing: { tp: 0, fp: 0, tn: 0, fn: 1, rows: 1 } },
    );
    expect(merged).toEqual({
      groups: { a: { tp: 2, fp: 1, tn: 2, fn: 0, rows: 5 }, b: { tp: 0, fp: 0, tn: 1, fn: 0, rows: 1 } },
      missing: { tp: 0, fp: 0, tn: 0, fn: 1, rows: 1 },
    });
  });

  it('gives empty counts for no arguments, the identity of the merge', () => {
    expect(mergeGroupCounts()).toEqual({ groups: {}, missing: zero });
  });

  it('equals counting the concatenated rows (counts per window, merged later)', () => {
    const first = { yTrue: [1, 0, 1], yPred: [1, 1, 0], groups: ['a', 'b', null] };
    const second = { yTrue: [0, 0, 1], yPred: [0, 1, 1], groups: ['b', 'c', 'a'] };
    const together = groupCounts({
      yTrue: [...first.yTrue, ...second.yTrue],
      yPred: [...first.yPred, ...second.yPred],
      groups: [...first.groups, ...second.groups],
    });
    expect(mergeGroupCounts(groupCounts(first), groupCounts(second))).toEqual(together);
  });

  it('is associative and commutative, with empty counts as identity (property)', () => {
    fc.assert(
      fc.property(countsArbitrary, countsArbitrary, countsArbitrary, (a, b, c) => {
        expect(mergeGroupCounts(mergeGroupCounts(a, b), c)).toEqual(mergeGroupCounts(a, mergeGroupCounts(b, c)));
        expect(mergeGroupCounts(a, b)).toEqual(mergeGroupCounts(b, a));
        expect(mergeGroupCounts(a, mergeGroupCounts())).toEqual(mergeGroupCounts(a));
        expect(Object.keys(mergeGroupCounts(a, b).groups)).toEqual(Object.keys(mergeGroupCounts(b, a).groups));
      }),
    );
  });

  it('rejects counts that are not GroupCounts, naming the argument and field', () => {
    expectRiskEngineError(() => mergeGroupCounts(null as never), 'mergeGroupCounts: counts[0] must be GroupCounts ({ groups, missing }), got null');
    expectRiskEngineError(
      () => mergeGroupCounts({ groups: {}, missing: zero }, { groups: [] as never, missing: zero }),
      'mergeGroupCounts: counts[1].groups must be an object of cells by group key, got an array',
    );
    expectRiskEngineError(
      () => mergeGroupCounts({ groups: { a: { ...zero, fp: -1 } }, missing: zero }),
      'mergeGroupCounts: counts[0].groups["a"].fp must be a finite number ≥ 0, got -1',
    );
    expectRiskEngineError(() => mergeGroupCounts({ groups: {}, missing: { ...zero, rows: 1.5 } }), 'mergeGroupCounts: counts[0].missing.rows must be an integer, got 1.5');
    expectRiskEngineError(() => mergeGroupCounts({ groups: {} } as never), 'mergeGroupCounts: counts[0].missing must be a cell { tp, fp, tn, fn, rows }, got undefined');
  });
});
