import { RiskEngineError } from '../errors/risk-engine-error.js';
import { describe } from '../time/prepare-series.js';
import { checkArray, checkControls, checkObject, checkStatus, isDone } from './check-input.js';
import type { ClauseReadiness, ObjectiveReadiness, Readiness, ReadinessInput } from './types.js';

const CLAUSE_ID = /^([1-9]\d*)(?:\.[1-9]\d*)*$/;
const FIRST_CLAUSE = 4;
const LAST_CLAUSE = 10;

/**
 * How ready an AI management system is for certification: the share of done requirements in each
 * of clauses 4–10, of done applicable controls in each Annex A objective, and overall.
 *
 * A control or requirement is done when it is `implemented` or `verified`; `not-started`,
 * `planned` and `in-progress` count as not done. There is no partial credit: an auditor finds a
 * requirement met or not, and a half-built control gives no evidence. Controls excluded in the
 * Statement of Applicability (`applicable: false`) are left out of `done` and `total` and counted
 * in `excluded`. Clause requirements are grouped by their first number (`6.1.2` under clause 6);
 * list each at the lowest level you track, and never a requirement together with its parent. Every
 * share is done / total, null when total is 0. `overall.overall` is the mean of the clause and
 * control shares, so the management system and Annex A weigh the same whatever their counts.
 *
 * @throws {RiskEngineError} when the input is not `{ controls, clauses }`, a control has no id or
 *   objective, a repeated id, a non-boolean `applicable` or an unknown status, or a clause id is not
 *   a dotted number under clauses 4–10, repeats, is the parent of another, or has neither or both of
 *   `done` and `status`, e.g. `readiness: controls[3].status must be one of 'not-started', 'planned',
 *   'in-progress', 'implemented', 'verified', got "done"`.
 * @example
 * readiness({
 *   controls: [
 *     { id: 'A.2.2', objective: 'A.2', applicable: true, status: 'implemented' },
 *     { id: 'A.2.3', objective: 'A.2', applicable: true, status: 'in-progress' },
 *     { id: 'A.2.4', objective: 'A.2', applicable: true, status: 'verified' },
 *     { id: 'A.10.4', objective: 'A.10', applicable: false, status: 'not-started' },
 *   ],
 *   clauses: [
 *     { id: '4.1', done: true },
 *     { id: '4.2', done: false },
 *     { id: '6.1.2', status: 'verified' },
 *     { id: '6.1.3', status: 'planned' },
 *   ],
 * });
 * // Clauses: 2 of 4 done; controls: 2 of 3 applicable; overall (1/2 + 2/3) / 2 = 7/12:
 * // { clauses: [
 * //     { clause: '4', done: 1, total: 2, share: 0.5 },
 * //     { clause: '5', done: 0, total: 0, share: null },
 * //     { clause: '6', done: 1, total: 2, share: 0.5 },
 * //     { clause: '7', done: 0, total: 0, share: null }, … (8, 9 and 10 the same) ],
 * //   objectives: [
 * //     { objective: 'A.2', done: 2, total: 3, share: 0.6666666666666666, excluded: 0 },
 * //     { objective: 'A.10', done: 0, total: 0, share: null, excluded: 1 } ],
 * //   overall: { clauses: 0.5, controls: 0.6666666666666666, overall: 0.5833333333333333 } }
 */
export function readiness(input: ReadinessInput): Readiness {
  const { controls: controlsInput, clauses: clausesInput } = checkObject('readiness', 'input', input, 'an object { controls, clauses }');
  const controls = checkControls('readiness', controlsInput);
  const clauseDone = checkClauses(clausesInput);

  const clauseCounts = new Map<number, { done: number; total: number }>();
  for (let clause = FIRST_CLAUSE; clause <= LAST_CLAUSE; clause += 1) clauseCounts.set(clause, { done: 0, total: 0 });
  for (const { clause, done } of clauseDone) {
    const counts = clauseCounts.get(clause) as { done: number; total: number };
    counts.total += 1;
    if (done) counts.done += 1;
  }

  // Map keeps insertion order: objectives in the order they first appear.
  const objectiveCounts = new Map<string, { done: number; total: number; excluded: number }>();
  for (const control of controls) {
    const counts = objectiveCounts.get(control.objective) ?? { done: 0, total: 0, excluded: 0 };
    objectiveCounts.set(control.objective, counts);
    if (!control.applicable) {
      counts.excluded += 1;
      continue;
    }
    counts.total += 1;
    if (isDone(control.status)) counts.done += 1;
  }

  const clauses: ClauseReadiness[] = [...clauseCounts].map(([clause, { done, total }]) =>
    Object.freeze({ clause: String(clause), done, total, share: shareOf(done, total) }),
  );
  const objectives: ObjectiveReadiness[] = [...objectiveCounts].map(([objective, { done, total, excluded }]) =>
    Object.freeze({ objective, done, total, share: shareOf(done, total), excluded }),
  );
  const clauseShare = shareOf(sum(clauses, 'done'), sum(clauses, 'total'));
  const controlShare = shareOf(sum(objectives, 'done'), sum(objectives, 'total'));
  return Object.freeze({
    clauses: Object.freeze(clauses),
    objectives: Object.freeze(objectives),
    overall: Object.freeze({ clauses: clauseShare, controls: controlShare, overall: meanOfShares(clauseShare, controlShare) }),
  });
}

/** Checks the clause requirements and returns, for each, its top-level clause and whether it is done. */
function checkClauses(clauses: unknown): { clause: number; done: boolean }[] {
  const list = checkArray('readiness', 'clauses', clauses, 'clause requirements { id, done } or { id, status }');
  const ids = new Set<string>();
  const parents = new Set<string>();
  const result = list.map((entry, index) => {
    const field = `clauses[${index}]`;
    const { id, done, status } = checkObject('readiness', field, entry, 'a clause requirement { id, done } or { id, status }');
    const match = typeof id === 'string' ? CLAUSE_ID.exec(id) : null;
    const clause = Number(match?.[1]);
    if (match === null || clause < FIRST_CLAUSE || clause > LAST_CLAUSE) {
      throw new RiskEngineError(`readiness: ${field}.id must be a clause number under clauses 4 to 10, such as "6.1.2", got ${describe(id)}`);
    }
    const text = id as string;
    if (ids.has(text)) throw new RiskEngineError(`readiness: ${field}.id repeats ${describe(text)}; each requirement may appear once`);
    ids.add(text);
    // Every proper prefix ("6" and "6.1" for "6.1.2") is a parent that must not be listed too.
    const parts = text.split('.');
    for (let length = 1; length < parts.length; length += 1) parents.add(parts.slice(0, length).join('.'));
    if ((done === undefined) === (status === undefined)) {
      throw new RiskEngineError(`readiness: ${field} must have either done or status, not ${done === undefined ? 'neither' : 'both'}`);
    }
    if (done !== undefined && typeof done !== 'boolean') {
      throw new RiskEngineError(`readiness: ${field}.done must be true or false, got ${describe(done)}`);
    }
    const isClauseDone = done === undefined ? isDone(checkStatus('readiness', `${field}.status`, status)) : (done as boolean);
    return { id: text, clause, done: isClauseDone };
  });
  result.forEach(({ id }, index) => {
    if (parents.has(id)) {
      throw new RiskEngineError(`readiness: clauses[${index}].id ${describe(id)} is the parent of another listed requirement; list the lowest level only`);
    }
  });
  return result;
}

function shareOf(done: number, total: number): number | null {
  return total === 0 ? null : done / total;
}

function sum(rows: readonly { readonly done: number; readonly total: number }[], key: 'done' | 'total'): number {
  return rows.reduce((total, row) => total + row[key], 0);
}

function meanOfShares(first: number | null, second: number | null): number | null {
  if (first === null) return second;
  if (second === null) return first;
  return (first + second) / 2;
}
