import { RiskEngineError } from '../errors/risk-engine-error.js';
import type { Cell, GroupCounts } from './types.js';

/** A cell with every count zero (internal). */
export const emptyCell: Cell = Object.freeze({ tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 });

/** The sum of two cells (internal). */
export function addCells(a: Cell, b: Cell): Cell {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, tn: a.tn + b.tn, fn: a.fn + b.fn, rows: a.rows + b.rows };
}

/** The sum of many cells, without an object per addition (internal). */
export function sumCells(cells: Iterable<Cell>): Cell {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  let rows = 0;
  for (const cell of cells) {
    tp += cell.tp;
    fp += cell.fp;
    tn += cell.tn;
    fn += cell.fn;
    rows += cell.rows;
  }
  return { tp, fp, tn, fn, rows };
}

/** tp + fp + tn + fn: the (weighted) size of a cell (internal). */
export function cellTotal(cell: Cell): number {
  return cell.tp + cell.fp + cell.tn + cell.fn;
}

/**
 * Orders group keys: keys that are both decimal numbers by value, otherwise by code unit, so
 * that `2` comes before `10` and the order never depends on the locale (internal).
 */
export function compareGroupKeys(a: string, b: string): number {
  const numberA = numericKey(a);
  const numberB = numericKey(b);
  if (numberA !== null && numberB !== null && numberA !== numberB) return numberA - numberB;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function numericKey(key: string): number | null {
  if (!/^-?\d+(\.\d+)?$/.test(key)) return null;
  return Number(key);
}

/** Freezes a cell record into sorted `GroupCounts` (internal). */
export function freezeGroupCounts(groups: Map<string, Cell>, missing: Cell): GroupCounts {
  const sorted: Record<string, Cell> = {};
  for (const key of [...groups.keys()].sort(compareGroupKeys)) sorted[key] = Object.freeze({ ...groups.get(key)! });
  return Object.freeze({ groups: Object.freeze(sorted), missing: Object.freeze({ ...missing }) });
}

const countFields = ['tp', 'fp', 'tn', 'fn', 'rows'] as const;

/**
 * Checks that `value` is `GroupCounts`: an object with `groups` (cells by key) and `missing`,
 * every count a finite number ≥ 0 and every `rows` an integer (internal).
 */
export function checkGroupCounts(functionName: string, argument: string, value: unknown): GroupCounts {
  if (typeof value !== 'object' || value === null) {
    throw new RiskEngineError(`${functionName}: ${argument} must be GroupCounts ({ groups, missing }), got ${describe(value)}`);
  }
  const { groups, missing } = value as { groups?: unknown; missing?: unknown };
  if (typeof groups !== 'object' || groups === null || Array.isArray(groups)) {
    throw new RiskEngineError(`${functionName}: ${argument}.groups must be an object of cells by group key, got ${describe(groups)}`);
  }
  for (const [key, cell] of Object.entries(groups)) checkCell(functionName, `${argument}.groups[${JSON.stringify(key)}]`, cell);
  checkCell(functionName, `${argument}.missing`, missing);
  return value as GroupCounts;
}

function checkCell(functionName: string, path: string, cell: unknown): void {
  if (typeof cell !== 'object' || cell === null) {
    throw new RiskEngineError(`${functionName}: ${path} must be a cell { tp, fp, tn, fn, rows }, got ${describe(cell)}`);
  }
  for (const field of countFields) {
    const count = (cell as Record<string, unknown>)[field];
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
      throw new RiskEngineError(`${functionName}: ${path}.${field} must be a finite number ≥ 0, got ${describe(count)}`);
    }
    if (field === 'rows' && !Number.isInteger(count)) {
      throw new RiskEngineError(`${functionName}: ${path}.rows must be an integer, got ${count}`);
    }
  }
}

/** A short description of a value for an error message (internal). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
