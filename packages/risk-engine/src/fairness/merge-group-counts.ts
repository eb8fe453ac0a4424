import { addCells, checkGroupCounts, emptyCell, freezeGroupCounts } from './cell.js';
import type { Cell, GroupCounts } from './types.js';

/**
 * Adds up confusion counts made separately (per time window, per shard, per `GROUP BY` row)
 * into one `GroupCounts`, group by group. The merge is associative and commutative, and merging
 * nothing gives empty counts, so partial counts can be combined in any order.
 *
 * @throws {RiskEngineError} when an argument is not `GroupCounts` or holds a negative or
 * non-finite count.
 * @example
 * mergeGroupCounts(
 *   { groups: { a: { tp: 1, fp: 0, tn: 2, fn: 0, rows: 3 } }, missing: { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 } },
 *   { groups: { a: { tp: 1, fp: 1, tn: 0, fn: 0, rows: 2 }, b: { tp: 0, fp: 0, tn: 1, fn: 0, rows: 1 } },
 *     missing: { tp: 0, fp: 0, tn: 0, fn: 1, rows: 1 } },
 * );
 * // { groups: { a: { tp: 2, fp: 1, tn: 2, fn: 0, rows: 5 }, b: { tp: 0, fp: 0, tn: 1, fn: 0, rows: 1 } },
 * //   missing: { tp: 0, fp: 0, tn: 0, fn: 1, rows: 1 } }
 */
export function mergeGroupCounts(...counts: readonly GroupCounts[]): GroupCounts {
  const groups = new Map<string, Cell>();
  let missing = emptyCell;
  counts.forEach((part, index) => {
    checkGroupCounts('mergeGroupCounts', `counts[${index}]`, part);
    for (const [key, cell] of Object.entries(part.groups)) {
      const earlier = groups.get(key);
      groups.set(key, earlier === undefined ? cell : addCells(earlier, cell));
    }
    missing = addCells(missing, part.missing);
  });
  return freezeGroupCounts(groups, missing);
}
