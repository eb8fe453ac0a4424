import { RiskEngineError } from '../errors/risk-engine-error.js';
import { addCells, describe, emptyCell, freezeGroupCounts } from './cell.js';
import type { Cell, Column, GroupCounts, GroupCountsInput, GroupValue, Label } from './types.js';

/**
 * Counts true and false positives and negatives per group, in one pass over the rows: the
 * sufficient statistics of every fairness metric in `fairnessReport`. The result is plain JSON,
 * so counts can be stored, sent, and merged later with `mergeGroupCounts` (per time window, per
 * shard, or from a SQL `GROUP BY`).
 *
 * A row is positive when its label equals `positiveLabel` (default 1; `true` counts as 1 and
 * `false` as 0); labels must be binary, so at most one other label may occur. With several
 * sensitive columns, a row's group is the intersection of its values, joined with `|` in
 * column order. A row whose group value is missing (`null`, `undefined`, `NaN`) counts in
 * `missing`: in the overall figures and in no group, as Fairlearn does. Columns may be typed
 * arrays; with `Uint8Array`/`Uint16Array` group codes no memory is allocated per row.
 * Cost: linear in the rows.
 *
 * @throws {RiskEngineError} when the columns are empty or of different lengths, a label is not a
 * finite number, boolean or string, a third label occurs (which is also how an unknown
 * `positiveLabel` shows), or a weight is negative or not finite.
 * @example
 * groupCounts({ yTrue: [1, 0, 1, 1], yPred: [1, 1, 0, 1], groups: ['a', 'a', 'b', null] });
 * // { groups: { a: { tp: 1, fp: 1, tn: 0, fn: 0, rows: 2 }, b: { tp: 0, fp: 0, tn: 0, fn: 1, rows: 1 } },
 * //   missing: { tp: 1, fp: 0, tn: 0, fn: 0, rows: 1 } }
 */
export function groupCounts(input: GroupCountsInput): GroupCounts {
  const { yTrue, yPred, sampleWeight } = input;
  const positiveLabel = input.positiveLabel === undefined ? 1 : input.positiveLabel;
  checkColumn('yTrue', yTrue);
  const rowCount = yTrue.length;
  if (rowCount === 0) throw new RiskEngineError('groupCounts: yTrue is empty; there must be at least one row');
  checkColumn('yPred', yPred, rowCount);
  if (sampleWeight !== undefined) checkColumn('sampleWeight', sampleWeight, rowCount);
  const columns = groupColumns(input.groups);
  columns.forEach((column, index) => checkColumn(columns.length === 1 ? 'groups' : `groups[${index}]`, column, rowCount));
  const labels = new LabelReader(positiveLabel);

  const tally = new Tally();
  const single = columns[0]!;
  const denseCodes = columns.length === 1 && (single instanceof Uint8Array || single instanceof Uint16Array);
  if (denseCodes && yTrue instanceof Uint8Array && yPred instanceof Uint8Array && labels.positive === 1 && sampleWeight === undefined) {
    countBinaryBytes(yTrue, yPred, single as Uint8Array | Uint16Array, tally);
  } else if (denseCodes) {
    countDenseCodes(yTrue, yPred, sampleWeight, single, labels, tally);
  } else {
    countRows(yTrue, yPred, sampleWeight, slotReader(columns, tally), labels, tally);
  }
  return tally.toGroupCounts();
}

/**
 * The fastest loop: 0/1 labels in bytes with 1 positive, small integer group codes, no weights.
 * The cell index is computed without branches; a byte above 1 is a third label.
 */
function countBinaryBytes(yTrue: Uint8Array, yPred: Uint8Array, codes: Uint8Array | Uint16Array, tally: Tally): void {
  let slotOfCode: Int32Array = new Int32Array(256).fill(-1);
  let counts = tally.counts;
  let rows = tally.rows;
  for (let row = 0; row < codes.length; row += 1) {
    const code = codes[row]!;
    if (code >= slotOfCode.length) slotOfCode = grownLookup(slotOfCode, code);
    let slot = slotOfCode[code]!;
    if (slot < 0) {
      slot = slotOfCode[code] = tally.addSlot([code]);
      counts = tally.counts;
      rows = tally.rows;
    }
    const truth = yTrue[row]!;
    const decision = yPred[row]!;
    if ((truth | decision) > 1) {
      const [column, value] = truth > 1 ? ['yTrue', truth] : ['yPred', decision];
      throw new RiskEngineError(`groupCounts: ${column}[${row}] is ${value}, a third label besides 0 and positiveLabel 1; labels must be binary (is positiveLabel right?)`);
    }
    counts[slot * 4 + truth * 2 + decision]! += 1;
    rows[slot]! += 1;
  }
}

/** The loop for one column of small integer group codes: a code indexes its slot directly. */
function countDenseCodes(
  yTrue: Column<Label>,
  yPred: Column<Label>,
  weights: Column<number> | undefined,
  codes: Uint8Array | Uint16Array,
  labels: LabelReader,
  tally: Tally,
): void {
  let slotOfCode: Int32Array = new Int32Array(256).fill(-1);
  const positive = labels.positive;
  let negative = labels.negative;
  let counts = tally.counts;
  let rows = tally.rows;
  for (let row = 0; row < codes.length; row += 1) {
    const code = codes[row]!;
    if (code >= slotOfCode.length) slotOfCode = grownLookup(slotOfCode, code);
    let slot = slotOfCode[code]!;
    if (slot < 0) {
      slot = slotOfCode[code] = tally.addSlot([code]);
      counts = tally.counts;
      rows = tally.rows;
    }
    const truth = yTrue[row];
    const decision = yPred[row];
    let cell = slot * 4;
    if (truth === positive) cell += 2;
    else if (truth !== negative) {
      cell += labels.read(truth, 'yTrue', row) * 2;
      negative = labels.negative;
    }
    if (decision === positive) cell += 1;
    else if (decision !== negative) {
      cell += labels.read(decision, 'yPred', row);
      negative = labels.negative;
    }
    counts[cell]! += weights === undefined ? 1 : readWeight(weights, row);
    rows[slot]! += 1;
  }
}

/** The general loop: `slotOf` finds each row's group slot (−1 for a missing value). */
function countRows(
  yTrue: Column<Label>,
  yPred: Column<Label>,
  weights: Column<number> | undefined,
  slotOf: (row: number) => number,
  labels: LabelReader,
  tally: Tally,
): void {
  const positive = labels.positive;
  let negative = labels.negative;
  for (let row = 0; row < yTrue.length; row += 1) {
    const truth = yTrue[row];
    const decision = yPred[row];
    let cell = 0;
    if (truth === positive) cell = 2;
    else if (truth !== negative) {
      cell = labels.read(truth, 'yTrue', row) * 2;
      negative = labels.negative;
    }
    if (decision === positive) cell += 1;
    else if (decision !== negative) {
      cell += labels.read(decision, 'yPred', row);
      negative = labels.negative;
    }
    tally.add(slotOf(row), cell, weights === undefined ? 1 : readWeight(weights, row));
  }
}

function readWeight(weights: Column<number>, row: number): number {
  const weight = weights[row];
  if (typeof weight !== 'number' || !(weight >= 0) || weight === Infinity) {
    throw new RiskEngineError(`groupCounts: sampleWeight[${row}] must be a finite number ≥ 0, got ${describe(weight)}`);
  }
  return weight;
}

function grownLookup(lookup: Int32Array, code: number): Int32Array {
  let size = lookup.length;
  while (size <= code) size *= 2;
  const grown = new Int32Array(size).fill(-1);
  grown.set(lookup);
  return grown;
}

/**
 * Reads labels as 1 (positive) or 0, and keeps them binary: the first label that is not the
 * positive one becomes the negative label, and any third label is an error.
 */
class LabelReader {
  readonly positive: Label;
  /** The negative label once seen (normalised: booleans as 1 and 0); a symbol until then. */
  negative: Label | symbol = notSeen;

  constructor(positiveLabel: unknown) {
    if (!isLabel(positiveLabel)) {
      throw new RiskEngineError(`groupCounts: positiveLabel must be a finite number, a boolean or a string, got ${describe(positiveLabel)}`);
    }
    this.positive = normaliseLabel(positiveLabel);
  }

  read(value: unknown, column: string, row: number): 0 | 1 {
    if (!isLabel(value)) {
      throw new RiskEngineError(`groupCounts: ${column}[${row}] must be a finite number, a boolean or a string, got ${describe(value)}`);
    }
    const label = normaliseLabel(value);
    if (label === this.positive) return 1;
    if (this.negative === notSeen) this.negative = label;
    else if (label !== this.negative) {
      throw new RiskEngineError(
        `groupCounts: ${column}[${row}] is ${describe(value)}, a third label besides ${describe(this.negative)} and positiveLabel ${describe(this.positive)}; labels must be binary (is positiveLabel right?)`,
      );
    }
    return 0;
  }
}

const notSeen = Symbol('no negative label yet');

function isLabel(value: unknown): value is Label {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function normaliseLabel(label: Label): Label {
  if (label === true) return 1;
  if (label === false) return 0;
  return label;
}

/**
 * Counts per group slot: four confusion cells (index 2 × truth + decision: tn, fp, fn, tp) and a
 * row count per slot, in growable typed arrays; slot −1 is the missing group.
 */
class Tally {
  /** Read directly by the dense-code loop, which re-reads them after `addSlot`. */
  counts = new Float64Array(4 * 16);
  rows = new Float64Array(16);
  private readonly missingCounts = new Float64Array(4);
  private missingRows = 0;
  /** For each slot, its value in every sensitive column. */
  readonly slotValues: (readonly GroupValue[])[] = [];

  addSlot(values: readonly GroupValue[]): number {
    const slot = this.slotValues.length;
    this.slotValues.push(values);
    if (slot >= this.rows.length) {
      const counts = new Float64Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
      const rows = new Float64Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    return slot;
  }

  add(slot: number, cell: number, weight: number): void {
    if (slot < 0) {
      this.missingCounts[cell]! += weight;
      this.missingRows += 1;
    } else {
      this.counts[slot * 4 + cell]! += weight;
      this.rows[slot]! += 1;
    }
  }

  toGroupCounts(): GroupCounts {
    const groups = new Map<string, Cell>();
    this.slotValues.forEach((values, slot) => {
      const key = values.map((value) => String(value)).join('|');
      const cell = cellAt(this.counts, slot * 4, this.rows[slot]!);
      const earlier = groups.get(key);
      // Values that print alike (1 and '1') share a key, so their counts are one group.
      groups.set(key, earlier === undefined ? cell : addCells(earlier, cell));
    });
    const missing = this.missingRows === 0 ? emptyCell : cellAt(this.missingCounts, 0, this.missingRows);
    return freezeGroupCounts(groups, missing);
  }
}

function cellAt(counts: Float64Array, offset: number, rows: number): Cell {
  return { tp: counts[offset + 3]!, fp: counts[offset + 1]!, tn: counts[offset]!, fn: counts[offset + 2]!, rows };
}

/** Finds a row's slot from one or several columns, creating slots for new groups. */
function slotReader(columns: readonly Column<GroupValue>[], tally: Tally): (row: number) => number {
  const encoders = columns.map((column) => new ValueEncoder(column));
  if (encoders.length === 1) {
    const encoder = encoders[0]!;
    const slotOfIndex: number[] = [];
    return (row) => {
      const index = encoder.indexOf(row);
      if (index < 0) return -1;
      let slot = slotOfIndex[index];
      if (slot === undefined) slot = slotOfIndex[index] = tally.addSlot([encoder.values[index]]);
      return slot;
    };
  }
  // Several columns: a trie keyed by each column's value index leads to the slot.
  const root = new Map<number, unknown>();
  const indexes = new Int32Array(encoders.length);
  const last = encoders.length - 1;
  return (row) => {
    for (let column = 0; column <= last; column += 1) {
      const index = encoders[column]!.indexOf(row);
      if (index < 0) return -1;
      indexes[column] = index;
    }
    let node = root;
    for (let column = 0; column < last; column += 1) {
      let next = node.get(indexes[column]!) as Map<number, unknown> | undefined;
      if (next === undefined) node.set(indexes[column]!, (next = new Map()));
      node = next;
    }
    let slot = node.get(indexes[last]!) as number | undefined;
    if (slot === undefined) {
      slot = tally.addSlot(encoders.map((encoder, column) => encoder.values[indexes[column]!]));
      node.set(indexes[last]!, slot);
    }
    return slot;
  };
}

/** Numbers the distinct values of one sensitive column in order of appearance; −1 for missing. */
class ValueEncoder {
  readonly values: GroupValue[] = [];
  private readonly indexByValue = new Map<GroupValue, number>();
  private lastValue: GroupValue = undefined;
  private lastIndex = -1;

  constructor(private readonly column: Column<GroupValue>) {}

  indexOf(row: number): number {
    const value = this.column[row];
    if (value === this.lastValue) return this.lastIndex;
    let index: number;
    if (value === null || value === undefined || (typeof value === 'number' && value !== value)) index = -1;
    else {
      const known = this.indexByValue.get(value);
      if (known !== undefined) index = known;
      else {
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
          throw new RiskEngineError(`groupCounts: group value at row ${row} must be a string, number or boolean, got ${describe(value)}`);
        }
        index = this.values.length;
        this.values.push(value);
        this.indexByValue.set(value, index);
      }
    }
    this.lastValue = value;
    this.lastIndex = index;
    return index;
  }
}

function isColumn(value: unknown): value is Column<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** `groups` is several columns when it is an array of arrays. */
function groupColumns(groups: GroupCountsInput['groups']): readonly Column<GroupValue>[] {
  if (Array.isArray(groups) && groups.length > 0 && groups.every((column) => isColumn(column))) {
    return groups as readonly Column<GroupValue>[];
  }
  return [groups as Column<GroupValue>];
}

function checkColumn(name: string, column: unknown, expectedLength?: number): void {
  if (!isColumn(column)) throw new RiskEngineError(`groupCounts: ${name} must be an array or a typed array, got ${describe(column)}`);
  if (expectedLength !== undefined && column.length !== expectedLength) {
    throw new RiskEngineError(`groupCounts: ${name} has ${column.length} rows, expected ${expectedLength} (as yTrue)`);
  }
}
