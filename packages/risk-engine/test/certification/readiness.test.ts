import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readiness } from '../../src/certification/readiness.js';
import type { ReadinessClause, ReadinessControl, ReadinessInput, ReadinessStatus } from '../../src/certification/types.js';
import { deepFreeze, expectRiskEngineError } from '../helpers.js';

const STATUSES: readonly ReadinessStatus[] = ['not-started', 'planned', 'in-progress', 'implemented', 'verified'];
const STATUS_LIST = "'not-started', 'planned', 'in-progress', 'implemented', 'verified'";

/** Clauses 5 to 10 when nothing is listed under them. */
const emptyClauses = (from: number) =>
  Array.from({ length: 11 - from }, (_, index) => ({ clause: String(from + index), done: 0, total: 0, share: null }));

function control(id: string, objective: string, status: ReadinessStatus, applicable = true): ReadinessControl {
  return { id, objective, applicable, status };
}

describe('readiness', () => {
  it('repeats the doc example', () => {
    const result = readiness({
      controls: [
        control('A.2.2', 'A.2', 'implemented'),
        control('A.2.3', 'A.2', 'in-progress'),
        control('A.2.4', 'A.2', 'verified'),
        control('A.10.4', 'A.10', 'not-started', false),
      ],
      clauses: [
        { id: '4.1', done: true },
        { id: '4.2', done: false },
        { id: '6.1.2', status: 'verified' },
        { id: '6.1.3', status: 'planned' },
      ],
    });
    // By hand: clause 4 has 1 of 2 done, clause 6 1 of 2 (verified counts, planned does not);
    // A.2 has 2 of 3 (in-progress earns nothing); A.10's only control is excluded.
    // Overall: clauses 2/4 = 0.5, controls 2/3, mean (0.5 + 2/3)/2 = 7/12 = 0.58333….
    expect(result).toEqual({
      clauses: [
        { clause: '4', done: 1, total: 2, share: 0.5 },
        { clause: '5', done: 0, total: 0, share: null },
        { clause: '6', done: 1, total: 2, share: 0.5 },
        ...emptyClauses(7),
      ],
      objectives: [
        { objective: 'A.2', done: 2, total: 3, share: 0.6666666666666666, excluded: 0 },
        { objective: 'A.10', done: 0, total: 0, share: null, excluded: 1 },
      ],
      overall: { clauses: 0.5, controls: 0.6666666666666666, overall: 0.5833333333333333 },
    });
  });

  it('gives null shares, never NaN, for empty input', () => {
    expect(readiness({ controls: [], clauses: [] })).toEqual({
      clauses: emptyClauses(4),
      objectives: [],
      overall: { clauses: null, controls: null, overall: null },
    });
  });

  it.each<[ReadinessStatus, boolean]>([
    ['not-started', false],
    ['planned', false],
    ['in-progress', false],
    ['implemented', true],
    ['verified', true],
  ])('counts a %s control or clause as done: %s', (status, done) => {
    const result = readiness({ controls: [control('A.3.2', 'A.3', status)], clauses: [{ id: '5.2', status }] });
    expect(result.objectives[0]).toEqual({ objective: 'A.3', done: done ? 1 : 0, total: 1, share: done ? 1 : 0, excluded: 0 });
    expect(result.clauses[1]).toEqual({ clause: '5', done: done ? 1 : 0, total: 1, share: done ? 1 : 0 });
  });

  it('leaves excluded controls out of the shares, whatever their status', () => {
    const result = readiness({
      controls: [
        control('A.4.2', 'A.4', 'not-started'),
        control('A.4.3', 'A.4', 'verified', false),
        control('A.4.4', 'A.4', 'not-started', false),
      ],
      clauses: [],
    });
    // 0 of the 1 applicable control done; the two excluded ones count in excluded only.
    expect(result.objectives).toEqual([{ objective: 'A.4', done: 0, total: 1, share: 0, excluded: 2 }]);
    expect(result.overall).toEqual({ clauses: null, controls: 0, overall: 0 });
  });

  it('groups requirements by their first number, and takes the share that exists as overall', () => {
    const result = readiness({
      controls: [],
      clauses: [
        { id: '10.2', done: true }, // clause 10, not 1
        { id: '10.1', done: false },
        { id: '7', done: true }, // a whole clause tracked as one requirement
        { id: '9.2.2', done: true },
        { id: '9.3.1', done: false },
      ],
    });
    expect(result.clauses.map(({ clause, done, total }) => [clause, done, total])).toEqual([
      ['4', 0, 0],
      ['5', 0, 0],
      ['6', 0, 0],
      ['7', 1, 1],
      ['8', 0, 0],
      ['9', 1, 2],
      ['10', 1, 2],
    ]);
    // 3 of 5 requirements; no controls, so overall is the clause share alone.
    expect(result.overall).toEqual({ clauses: 0.6, controls: null, overall: 0.6 });
  });

  it('lists objectives in the order they first appear', () => {
    const result = readiness({
      controls: [control('A.10.2', 'A.10', 'verified'), control('A.2.2', 'A.2', 'planned'), control('A.10.3', 'A.10', 'planned'), control('X.1', 'X', 'implemented')],
      clauses: [],
    });
    expect(result.objectives.map((objective) => objective.objective)).toEqual(['A.10', 'A.2', 'X']);
    expect(result.overall.controls).toBe(0.5); // 2 of 4
  });

  it('returns frozen results and leaves the input unchanged', () => {
    const input = deepFreeze({ controls: [control('A.2.2', 'A.2', 'verified')], clauses: [{ id: '4.1', done: true }] });
    const copy = structuredClone(input);
    const result = readiness(input);
    expect(input).toEqual(copy);
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.clauses)).toBe(true);
    expect(Object.isFrozen(result.clauses[0])).toBe(true);
    expect(Object.isFrozen(result.objectives[0])).toBe(true);
    expect(Object.isFrozen(result.overall)).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it.each<[string, unknown, string]>([
    ['no input', null, 'readiness: input must be an object { controls, clauses }, got null'],
    ['controls that are not an array', { controls: 'all', clauses: [] }, 'readiness: controls must be an array of controls { id, objective, applicable, status }, got "all"'],
    ['a control that is not an object', { controls: [3], clauses: [] }, 'readiness: controls[0] must be a control { id, objective, applicable, status }, got 3'],
    ['a control without an id', { controls: [{ objective: 'A.2', applicable: true, status: 'planned' }], clauses: [] }, 'readiness: controls[0].id must be a non-empty string, got undefined'],
    ['a repeated control', { controls: [control('A.2.2', 'A.2', 'planned'), control('A.2.2', 'A.2', 'verified')], clauses: [] }, 'readiness: controls[1].id repeats "A.2.2"; each control may appear once'],
    ['an empty objective', { controls: [control('A.2.2', ' ', 'planned')], clauses: [] }, 'readiness: controls[0].objective must be a non-empty string, got " "'],
    ['applicable as text', { controls: [{ ...control('A.2.2', 'A.2', 'planned'), applicable: 'yes' }], clauses: [] }, 'readiness: controls[0].applicable must be true or false, got "yes"'],
    ['an unknown status', { controls: [control('A.2.2', 'A.2', 'planned'), control('A.2.3', 'A.2', 'planned'), control('A.2.4', 'A.2', 'planned'), { ...control('A.3.2', 'A.3', 'planned'), status: 'done' }], clauses: [] }, `readiness: controls[3].status must be one of ${STATUS_LIST}, got "done"`],
    ['an underscored status', { controls: [{ ...control('A.2.2', 'A.2', 'planned'), status: 'not_started' }], clauses: [] }, `readiness: controls[0].status must be one of ${STATUS_LIST}, got "not_started"`],
    ['clauses that are not an array', { controls: [], clauses: {} }, 'readiness: clauses must be an array of clause requirements { id, done } or { id, status }, got [object Object]'],
    ['a clause before 4', { controls: [], clauses: [{ id: '3.1', done: true }] }, 'readiness: clauses[0].id must be a clause number under clauses 4 to 10, such as "6.1.2", got "3.1"'],
    ['a clause after 10', { controls: [], clauses: [{ id: '11', done: true }] }, 'readiness: clauses[0].id must be a clause number under clauses 4 to 10, such as "6.1.2", got "11"'],
    ['a control id as a clause', { controls: [], clauses: [{ id: 'A.2', done: true }] }, 'readiness: clauses[0].id must be a clause number under clauses 4 to 10, such as "6.1.2", got "A.2"'],
    ['a clause number as a number', { controls: [], clauses: [{ id: 6.1, done: true }] }, 'readiness: clauses[0].id must be a clause number under clauses 4 to 10, such as "6.1.2", got 6.1'],
    ['a repeated clause', { controls: [], clauses: [{ id: '4.1', done: true }, { id: '4.1', done: false }] }, 'readiness: clauses[1].id repeats "4.1"; each requirement may appear once'],
    ['a clause with its parent', { controls: [], clauses: [{ id: '6.1.2', done: true }, { id: '6.1', done: false }] }, 'readiness: clauses[1].id "6.1" is the parent of another listed requirement; list the lowest level only'],
    ['both done and status', { controls: [], clauses: [{ id: '4.1', done: true, status: 'verified' }] }, 'readiness: clauses[0] must have either done or status, not both'],
    ['neither done nor status', { controls: [], clauses: [{ id: '4.1' }] }, 'readiness: clauses[0] must have either done or status, not neither'],
    ['done as text', { controls: [], clauses: [{ id: '4.1', done: 'yes' }] }, 'readiness: clauses[0].done must be true or false, got "yes"'],
    ['an unknown clause status', { controls: [], clauses: [{ id: '4.1', status: 'complete' }] }, `readiness: clauses[0].status must be one of ${STATUS_LIST}, got "complete"`],
  ])('rejects %s', (_case, input, message) => {
    expectRiskEngineError(() => readiness(input as ReadinessInput), message);
  });

  it('keeps counts and shares consistent', () => {
    const controlArbitrary = fc.record({
      objective: fc.constantFrom('A.2', 'A.3', 'A.6', 'A.10'),
      applicable: fc.boolean(),
      status: fc.constantFrom(...STATUSES),
    });
    const clauseArbitrary = fc.record({ clause: fc.integer({ min: 4, max: 10 }), status: fc.constantFrom(...STATUSES) });
    fc.assert(
      fc.property(fc.array(controlArbitrary, { maxLength: 40 }), fc.array(clauseArbitrary, { maxLength: 30 }), (rows, clauseRows) => {
        const controls = rows.map((row, index) => ({ id: `C${index}`, ...row }));
        const clauses: ReadinessClause[] = clauseRows.map((row, index) => ({ id: `${row.clause}.${index + 1}`, status: row.status }));
        const result = readiness({ controls, clauses });
        const applicable = controls.filter((row) => row.applicable);
        const doneApplicable = applicable.filter((row) => row.status === 'implemented' || row.status === 'verified');
        expect(result.objectives.reduce((sum, row) => sum + row.total, 0)).toBe(applicable.length);
        expect(result.objectives.reduce((sum, row) => sum + row.excluded, 0)).toBe(controls.length - applicable.length);
        expect(result.objectives.reduce((sum, row) => sum + row.done, 0)).toBe(doneApplicable.length);
        expect(result.clauses.reduce((sum, row) => sum + row.total, 0)).toBe(clauses.length);
        for (const row of [...result.clauses, ...result.objectives]) {
          expect(row.done).toBeLessThanOrEqual(row.total);
          expect(row.share).toBe(row.total === 0 ? null : row.done / row.total);
        }
        const { clauses: clauseShare, controls: controlShare, overall } = result.overall;
        if (overall === null) expect([clauseShare, controlShare]).toEqual([null, null]);
        else expect(overall).toBeGreaterThanOrEqual(Math.min(clauseShare ?? 1, controlShare ?? 1));
      }),
    );
  });
});
