import type { SqlEntityManager } from '@mikro-orm/knex';
import { mergeGroupCounts, RiskEngineError, type Cell, type FairnessWindow as EngineWindow, type GroupCounts } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { AiSystem } from '../entities/ai-system.entity.js';
import { FairnessWindow } from '../entities/fairness-window.entity.js';
import { FairnessWindowCell, GROUP_KEY_MAX } from '../entities/fairness-window-cell.entity.js';
import type { Organisation } from '../entities/organisation.entity.js';
import { badInput } from '../errors.js';
import { checkDate } from './dates.js';
import type { GroupCountsInput } from '../resolvers/fairness.type.js';
import { lookupId } from './records.js';

const emptyCell: Cell = { tp: 0, fp: 0, tn: 0, fn: 0, rows: 0 };

/** Turns the GraphQL counts into the engine's GroupCounts, checked by the engine (which names the bad field). */
export function groupCountsOf(input: GroupCountsInput): GroupCounts {
  const groups: Record<string, Cell> = {};
  input.groups.forEach((entry, index) => {
    const key = entry.group;
    if (key.trim() === '') throw badInput(`counts.groups[${index}].group`, 'must not be empty');
    if (key.length > GROUP_KEY_MAX) throw badInput(`counts.groups[${index}].group`, `must be at most ${GROUP_KEY_MAX} characters, got ${key.length}`);
    if (Object.hasOwn(groups, key)) throw badInput(`counts.groups[${index}].group`, `repeats the group "${key}"; give each group once`);
    groups[key] = { tp: entry.tp, fp: entry.fp, tn: entry.tn, fn: entry.fn, rows: entry.rows };
  });
  const counts = { groups, missing: input.missing ?? emptyCell };
  try {
    return mergeGroupCounts(counts);
  } catch (error) {
    if (error instanceof RiskEngineError) {
      // "mergeGroupCounts: counts[0].groups["F"].tp must be …" → field counts.groups["F"].tp
      const detail = error.message.replace(/^mergeGroupCounts: counts\[0\]/, 'counts');
      const [field = 'counts', ...reason] = detail.split(' ');
      throw badInput(field, reason.join(' '));
    }
    throw error;
  }
}

/** A period given as optional from/to dates, checked; `to` is exclusive. */
export function periodOf(from: string | null | undefined, to: string | null | undefined): { from: string | null; to: string | null } {
  const start = from == null ? null : checkDate('from', from);
  const end = to == null ? null : checkDate('to', to);
  if (start !== null && end !== null && end <= start) throw badInput('to', `must be after from (${start}), got ${end}`);
  return { from: start, to: end };
}

/** The stored windows of an AI system and attribute whose start lies in the period, oldest first, as engine windows. */
export async function windowsOf(
  em: EntityManager,
  organisation: Organisation,
  aiSystem: AiSystem,
  attribute: string,
  period: { from: string | null; to: string | null },
): Promise<EngineWindow[]> {
  // One joined read of plain rows: hydrating a window and its cells as entities costs more than
  // the metrics computed from them.
  const conditions = ['w.organisation_id = ?', 'w.ai_system_id = ?', 'w.attribute = ?'];
  const params: unknown[] = [organisation.id, aiSystem.id, attribute];
  if (period.from !== null) {
    conditions.push('w.starts_on >= ?');
    params.push(period.from);
  }
  if (period.to !== null) {
    conditions.push('w.starts_on < ?');
    params.push(period.to);
  }
  const rows = await (em as SqlEntityManager).getConnection().execute<WindowRow[]>(
    `select w.id, w.starts_on, w.ends_on, c.group_key, c.tp, c.fp, c.tn, c.fn, c.rows
     from fairness_window w left join fairness_window_cell c on c.window_id = w.id
     where ${conditions.join(' and ')} order by w.starts_on, w.id`,
    params,
  );
  const windows: EngineWindow[] = [];
  // Rows come window by window (ordered by start and id); a window ends where the next id starts.
  let current: { id: string; start: string; end: string; groups: Record<string, Cell>; missing: Cell } | null = null;
  const close = () => {
    if (current !== null) windows.push({ start: current.start, end: current.end, counts: { groups: current.groups, missing: current.missing } });
  };
  for (const row of rows) {
    if (current === null || current.id !== row.id) {
      close();
      current = { id: row.id, start: isoDay(row.starts_on), end: isoDay(row.ends_on), groups: {}, missing: emptyCell };
    }
    if (row.rows === null) continue;
    const counts = cellOfRow(row);
    if (row.group_key === null) current.missing = counts;
    else current.groups[row.group_key] = counts;
  }
  close();
  return windows;
}

/** A window with its cells gathered into one JSON array of [group, tp, fp, tn, fn, rows] (text on SQLite). */
interface GatheredWindowRow {
  ai_system_id: string;
  attribute: string;
  starts_on: string | Date;
  ends_on: string | Date;
  cells: string | readonly (readonly [string | null, number | string | null, number | string | null, number | string | null, number | string | null, number | string | null])[];
}

/**
 * The windows of every AI system and attribute that carries a threshold in the organisation:
 * those starting before `to`, or only the latest of each (`latest`). One statement, whatever the
 * number of thresholds, one row a window (its cells gathered into JSON by the database, so a large
 * organisation's two years of weekly windows stay about a tenth of their rows). Keyed
 * "systemId attribute"; turn an entry into engine windows, oldest first, with `gatheredWindows`,
 * one threshold at a time.
 */
export async function thresholdWindowRows(em: EntityManager, organisation: Organisation, which: { to: string } | 'latest'): Promise<Map<string, GatheredWindowRow[]>> {
  const { sql, params } = thresholdWindowsStatement(organisation.id, which, em.getPlatform() instanceof PostgreSqlPlatform);
  const rows = await (em as SqlEntityManager).getConnection().execute<GatheredWindowRow[]>(sql, params);
  const byKey = new Map<string, GatheredWindowRow[]>();
  for (const row of rows) {
    const key = `${row.ai_system_id} ${row.attribute}`;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [row]);
    else list.push(row);
  }
  return byKey;
}

/** The statement behind thresholdWindowRows (also timed bare by the API benchmark). */
export function thresholdWindowsStatement(organisationId: string, which: { to: string } | 'latest', postgres: boolean): { sql: string; params: unknown[] } {
  const gather = postgres ? 'json_agg(json_build_array(c.group_key, c.tp, c.fp, c.tn, c.fn, c.rows))' : 'json_group_array(json_array(c.group_key, c.tp, c.fp, c.tn, c.fn, c.rows))';
  const thresholded = (alias: string) =>
    `exists (select 1 from fairness_threshold t where t.organisation_id = ${alias}.organisation_id and t.ai_system_id = ${alias}.ai_system_id and t.attribute = ${alias}.attribute)`;
  const latest =
    which === 'latest'
      ? `join (
           select lw.ai_system_id, lw.attribute, max(lw.starts_on) as starts_on from fairness_window lw
           where lw.organisation_id = ? and ${thresholded('lw')} group by lw.ai_system_id, lw.attribute
         ) latest on latest.ai_system_id = w.ai_system_id and latest.attribute = w.attribute and latest.starts_on = w.starts_on`
      : '';
  return {
    sql: `select w.ai_system_id, w.attribute, w.starts_on, w.ends_on, ${gather} as cells
     from fairness_window w ${latest} left join fairness_window_cell c on c.window_id = w.id
     where w.organisation_id = ? and ${which === 'latest' ? '' : 'w.starts_on < ? and '}${thresholded('w')}
     group by w.id, w.ai_system_id, w.attribute, w.starts_on, w.ends_on
     order by w.ai_system_id, w.attribute, w.starts_on, w.id`,
    params: which === 'latest' ? [organisationId, organisationId] : [organisationId, which.to],
  };
}

/** Engine windows of gathered rows (see thresholdWindowRows), in their order. */
export function gatheredWindows(rows: readonly GatheredWindowRow[]): EngineWindow[] {
  return rows.map((row) => {
    const groups: Record<string, Cell> = {};
    let missing = emptyCell;
    const cells = typeof row.cells === 'string' ? (JSON.parse(row.cells) as Exclude<GatheredWindowRow['cells'], string>) : row.cells;
    for (const [groupKey, tp, fp, tn, fn, count] of cells) {
      if (count === null) continue;
      const cell = cellOfRow({ tp, fp, tn, fn, rows: count });
      if (groupKey === null) missing = cell;
      else groups[groupKey] = cell;
    }
    return { start: isoDay(row.starts_on), end: isoDay(row.ends_on), counts: { groups, missing } };
  });
}

/** A window joined with one of its cells, as both databases return it (PostgreSQL may give numbers as strings). */
interface WindowCellRow {
  starts_on: string | Date;
  ends_on: string | Date;
  group_key: string | null;
  tp: number | string | null;
  fp: number | string | null;
  tn: number | string | null;
  fn: number | string | null;
  rows: number | string | null;
}

interface WindowRow extends WindowCellRow {
  id: string;
}

/** The counts of a joined cell row. */
function cellOfRow(row: Pick<WindowCellRow, 'tp' | 'fp' | 'tn' | 'fn' | 'rows'>): Cell {
  return { tp: Number(row.tp), fp: Number(row.fp), tn: Number(row.tn), fn: Number(row.fn), rows: Number(row.rows) };
}

/** A date column as YYYY-MM-DD: PostgreSQL's driver may hand a date over as a Date at local midnight. */
function isoDay(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Replaces a window's cells with the given counts and sets its row total. */
export function setCells(em: EntityManager, window: FairnessWindow, counts: GroupCounts): void {
  const rows = Object.values(counts.groups).reduce((sum, cell) => sum + cell.rows, counts.missing.rows);
  // The row counts are 32-bit integer columns on both databases: checked before anything changes.
  if (rows > MAX_WINDOW_ROWS) throw badInput('counts', `add up to ${rows} rows in the window; a window holds at most ${MAX_WINDOW_ROWS}`);
  window.cells.removeAll();
  for (const [groupKey, cell] of Object.entries(counts.groups)) window.cells.add(em.create(FairnessWindowCell, { window, groupKey, ...cell }));
  if (counts.missing.rows > 0) window.cells.add(em.create(FairnessWindowCell, { window, groupKey: null, ...counts.missing }));
  window.rows = rows;
  window.updatedAt = new Date();
}

/** The most rows one window can count (its columns are 32-bit integers). */
export const MAX_WINDOW_ROWS = 2_147_483_647;

/** The engine's GroupCounts from stored cells. */
export function countsOfCells(cells: readonly FairnessWindowCell[]): GroupCounts {
  const groups: Record<string, Cell> = {};
  let missing = emptyCell;
  for (const cell of cells) {
    const counts = { tp: cell.tp, fp: cell.fp, tn: cell.tn, fn: cell.fn, rows: cell.rows };
    if (cell.groupKey === null) missing = counts;
    else groups[cell.groupKey] = counts;
  }
  return { groups, missing };
}

/** The AI system of the viewer's organisation with this id, or a BAD_USER_INPUT naming `aiSystemId`. */
export async function ownAiSystem(em: EntityManager, organisation: Organisation, id: string): Promise<AiSystem> {
  const system = await em.findOne(AiSystem, { id: lookupId(id), organisation });
  if (!system) throw badInput('aiSystemId', `names no AI system of your organisation: ${id}`);
  return system;
}
