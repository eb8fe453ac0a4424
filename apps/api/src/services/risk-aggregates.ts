/**
 * Register-wide risk figures computed by the database: counts per cell of the matrix with
 * GROUP BY, so a heatmap or an exposure summary costs one statement and returns at most one row
 * per cell, however many risks there are. The matrix then scores each cell (clamping a rating
 * above the top of a scale that has since shrunk to its top), exactly as it scores a risk.
 */
import { type RiskMatrix, riskHeatmap, scoreRisk } from '@assay/risk-engine';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Organisation } from '../entities/organisation.entity.js';
import { onScale } from './risk-criteria.js';

export interface CellCount {
  likelihood: number;
  impact: number;
  count: number;
}

/** Risks per (likelihood, impact) rating today: the residual rating where given when `residual`. */
export async function ratingCounts(em: EntityManager, organisation: Organisation, residual: boolean): Promise<CellCount[]> {
  const likelihood = residual ? 'coalesce(residual_likelihood, likelihood)' : 'likelihood';
  const impact = residual ? 'coalesce(residual_impact, impact)' : 'impact';
  const rows = await (em as SqlEntityManager).getConnection().execute<{ l: number; i: number; n: number | string }[]>(
    `select ${likelihood} as l, ${impact} as i, count(*) as n from risk where organisation_id = ? group by ${likelihood}, ${impact}`,
    [organisation.id],
  );
  // PostgreSQL answers count(*) as a bigint, which the driver gives as a string.
  return rows.map((row) => ({ likelihood: Number(row.l), impact: Number(row.i), count: Number(row.n) }));
}

export interface CountedHeatmap {
  cells: { likelihood: number; impact: number; score: number; level: string; count: number }[];
  total: number;
  maxCount: number;
}

/** Every cell of the matrix with its score, level and count, from counts per rating. */
export function heatmapFromCounts(counts: readonly CellCount[], matrix: RiskMatrix): CountedHeatmap {
  const cells = riskHeatmap([], matrix).cells.map((cell) => ({ ...cell }));
  const columns = matrix.impact.length;
  let total = 0;
  for (const entry of counts) {
    const { likelihood, impact } = onScale(entry, matrix);
    const cell = cells[(likelihood - 1) * columns + (impact - 1)]!;
    cell.count += entry.count;
    total += entry.count;
  }
  return { cells, total, maxCount: Math.max(0, ...cells.map((cell) => cell.count)) };
}

export interface CountedExposure {
  total: number;
  byLevel: { level: string; count: number }[];
  meanScore: number | null;
  aboveAppetite: number;
}

/** The exposure summary of `riskExposure` (counts per band, mean score, above appetite) from a counted heatmap. */
export function exposureFromHeatmap(heatmap: CountedHeatmap, matrix: RiskMatrix): CountedExposure {
  const byLevel = new Map(matrix.bands.map((band) => [band.level, 0]));
  let scoreSum = 0;
  let aboveAppetite = 0;
  for (const cell of heatmap.cells) {
    if (cell.count === 0) continue;
    byLevel.set(cell.level, (byLevel.get(cell.level) ?? 0) + cell.count);
    scoreSum += cell.score * cell.count;
    if (!scoreRisk(cell, matrix).withinAppetite) aboveAppetite += cell.count;
  }
  return {
    total: heatmap.total,
    byLevel: matrix.bands.map((band) => ({ level: band.level, count: byLevel.get(band.level) ?? 0 })),
    meanScore: heatmap.total === 0 ? null : scoreSum / heatmap.total,
    aboveAppetite,
  };
}
