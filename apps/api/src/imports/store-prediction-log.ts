import { mergeGroupCounts, type GroupCounts } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import type { AiSystem } from '../entities/ai-system.entity.js';
import { FairnessWindow } from '../entities/fairness-window.entity.js';
import type { Finding } from '../entities/finding.entity.js';
import type { Organisation } from '../entities/organisation.entity.js';
import { PredictionImport } from '../entities/prediction-import.entity.js';
import type { User } from '../entities/user.entity.js';
import { conflict } from '../errors.js';
import { raiseBreachFindings } from '../services/fairness-thresholds.js';
import { countsOfCells, setCells } from '../services/fairness-windows.js';
import type { AggregatedLog } from './prediction-log.js';

export interface StoredImport {
  readonly id: string;
  readonly rows: number;
  readonly windows: { attribute: string; start: string; end: string; rows: number; added: boolean }[];
  readonly findingsOpened: Finding[];
}

/**
 * Writes an aggregated prediction log in one transaction: each window's counts are added to the
 * window already stored for that system, attribute and period (or start a new one), new windows
 * are checked against the fairness thresholds, and the import is recorded. A file whose SHA-256
 * was imported before for the same AI system is refused as a CONFLICT before anything is written.
 */
export async function storePredictionLog(
  em: EntityManager,
  organisation: Organisation,
  aiSystem: AiSystem,
  log: AggregatedLog,
  details: { source: string; importedBy: User | null; today: string },
): Promise<StoredImport> {
  return em.transactional(async (tx) => {
    const earlier = await tx.findOne(PredictionImport, { aiSystem, sha256: log.sha256 });
    if (earlier) {
      throw conflict(`This file was already imported for this AI system on ${earlier.importedAt.toISOString().slice(0, 10)} (${earlier.rows} rows); importing it again would count its rows twice`);
    }
    const summary: StoredImport['windows'] = [];
    const stored: { window: FairnessWindow; counts: GroupCounts }[] = [];
    for (const entry of log.windows) {
      const existing = await tx.findOne(FairnessWindow, { aiSystem, attribute: entry.attribute, startsOn: entry.start, endsOn: entry.end }, { populate: ['cells'] });
      const window = existing ?? tx.create(FairnessWindow, { organisation, aiSystem, attribute: entry.attribute, startsOn: entry.start, endsOn: entry.end, rows: 0 });
      const counts = existing ? mergeGroupCounts(countsOfCells(existing.cells.getItems()), entry.counts) : entry.counts;
      setCells(tx, window, counts);
      stored.push({ window, counts });
      summary.push({ attribute: entry.attribute, start: entry.start, end: entry.end, rows: entry.rows, added: existing !== null });
    }
    await tx.flush();
    const findingsOpened: Finding[] = [];
    for (const { window, counts } of stored) findingsOpened.push(...(await raiseBreachFindings(tx, window, counts, details.today)));
    const record = tx.create(PredictionImport, { organisation, aiSystem, sha256: log.sha256, source: details.source.slice(0, 300), rows: log.rows, windows: log.windows.length, importedBy: details.importedBy });
    await tx.flush();
    return { id: record.id, rows: log.rows, windows: summary, findingsOpened };
  });
}
