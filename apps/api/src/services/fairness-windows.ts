import { mergeGroupCounts, RiskEngineError, type Cell, type FairnessWindow as EngineWindow, type GroupCounts } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import { AiSystem } from '../entities/ai-system.entity.js';
import { FairnessWindow } from '../entities/fairness-window.entity.js';
import { FairnessWindowCell } from '../entities/fairness-window-cell.entity.js';
import type { Organisation } from '../entities/organisation.entity.js';
import { badInput } from '../errors.js';
import { checkDate } from './dates.js';
import type { GroupCountsInput } from '../resolvers/fairness.type.js';

const GROUP_KEY_MAX = 200;
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
  const startsOn: Record<string, string> = {};
  if (period.from !== null) startsOn.$gte = period.from;
  if (period.to !== null) startsOn.$lt = period.to;
  const windows = await em.find(
    FairnessWindow,
    { organisation, aiSystem, attribute, ...(Object.keys(startsOn).length > 0 ? { startsOn } : {}) },
    { orderBy: { startsOn: 'asc' }, populate: ['cells'] },
  );
  return windows.map((window) => ({ start: window.startsOn, end: window.endsOn, counts: countsOfCells(window.cells.getItems()) }));
}

/** Replaces a window's cells with the given counts and sets its row total. */
export function setCells(em: EntityManager, window: FairnessWindow, counts: GroupCounts): void {
  window.cells.removeAll();
  for (const [groupKey, cell] of Object.entries(counts.groups)) window.cells.add(em.create(FairnessWindowCell, { window, groupKey, ...cell }));
  if (counts.missing.rows > 0) window.cells.add(em.create(FairnessWindowCell, { window, groupKey: null, ...counts.missing }));
  window.rows = Object.values(counts.groups).reduce((sum, cell) => sum + cell.rows, counts.missing.rows);
}

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
  const system = await em.findOne(AiSystem, { id, organisation });
  if (!system) throw badInput('aiSystemId', `names no AI system of your organisation: ${id}`);
  return system;
}
