import type { EntityManager } from '@mikro-orm/core';
import type { Organisation } from '../entities/organisation.entity.js';
import { badInput } from '../errors.js';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { type CountedExposure, exposureFromHeatmap, heatmapFromCounts } from './risk-aggregates.js';
import { changePlace, KeptAnswers } from './kept-answers.js';
import { criteriaOf } from './risk-criteria.js';

export type TrendInterval = 'week' | 'month';

/** Period ends from `from` to `to` (both included as far as a whole step reaches), weekly or monthly. */
export function periodEnds(from: string, to: string, interval: TrendInterval): string[] {
  const ends: string[] = [];
  const cursor = new Date(`${from}T00:00:00Z`);
  const last = new Date(`${to}T00:00:00Z`);
  const day = cursor.getUTCDate();
  for (let step = 1; ends.length < 1000; step += 1) {
    const next = new Date(cursor);
    if (interval === 'week') next.setUTCDate(cursor.getUTCDate() + 7 * step);
    else {
      // Month ends keep the starting day, clamped to short months (31 January → 28 February).
      next.setUTCDate(1);
      next.setUTCMonth(cursor.getUTCMonth() + step);
      const daysInMonth = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
      next.setUTCDate(Math.min(day, daysInMonth));
    }
    if (next > last) break;
    ends.push(next.toISOString().slice(0, 10));
  }
  if (ends.length === 1000) throw badInput('interval', 'gives more than 1,000 periods; choose a longer interval or a shorter span');
  return ends;
}

export interface ExposurePoint {
  readonly date: string;
  readonly inherent: CountedExposure;
  readonly residual: CountedExposure;
}

/**
 * The risk register's exposure at the end of each period, rebuilt from the assessment history:
 * each risk counts with its latest assessment made on or before that day (risks not yet assessed
 * do not count). Residual exposure takes the residual rating where one was given, else the
 * inherent one (an untreated risk keeps its inherent level). Every point is scored on the
 * organisation's criteria of today, so the series stays comparable after they change; a past
 * rating above the top of a scale that has since shrunk counts at its top.
 */
/**
 * The statement behind exposureOverTime: for moments in ascending order, how many risks enter
 * (sign 1) and leave (sign −1) each rating in each period (bucket b: the first moment at or after
 * the change). Each assessment adds its risk to its own cell and takes it out of the cell of the
 * risk's previous assessment, at the moment it was made; summed per period and cell by the
 * database, these steps rebuild the register on every date from a few hundred rows, not one per
 * assessment. Moments are milliseconds since the epoch on SQLite, timestamps on PostgreSQL.
 */
export function exposureStepsStatement(organisationId: string, moments: readonly (number | Date)[]): { sql: string; params: unknown[] } {
  const bucket = `case ${moments.map(() => 'when t <= ? then ?').join(' ')} end`;
  const bucketParams = moments.flatMap((moment, position) => [moment, position]);
  const sql = `with steps as (
      select a.assessed_at as t, a.likelihood as l, a.impact as i, a.residual_likelihood as rl, a.residual_impact as ri,
        lag(a.likelihood) over w as pl, lag(a.impact) over w as pi, lag(a.residual_likelihood) over w as prl, lag(a.residual_impact) over w as pri
      from risk_assessment a join risk r on r.id = a.risk_id
      where r.organisation_id = ? and a.assessed_at <= ?
      window w as (partition by a.risk_id order by a.assessed_at, a.id)
    )
    select ${bucket} as b, 1 as sign, l, i, rl, ri, count(*) as n from steps group by 1, l, i, rl, ri
    union all
    select ${bucket} as b, -1 as sign, pl, pi, prl, pri, count(*) as n from steps where pl is not null group by 1, pl, pi, prl, pri`;
  return { sql, params: [organisationId, moments.at(-1), ...bucketParams, ...bucketParams] };
}

export async function exposureOverTime(em: EntityManager, organisation: Organisation, dates: readonly string[]): Promise<ExposurePoint[]> {
  // Inside a transaction the changes it made are not committed (and may roll back): no reuse.
  if (em.isInTransaction()) return computeExposureOverTime(em, organisation, dates);
  const place = await changePlace(em, organisation);
  return [...(await keptSeries.answer(`${organisation.id} ${dates.join(',')}`, place, () => computeExposureOverTime(em, organisation, dates)))];
}

/** Exposure series already computed, by organisation and dates: the overview and the review pack ask for the same dates all day. */
const keptSeries = new KeptAnswers<ExposurePoint[]>(200);

async function computeExposureOverTime(em: EntityManager, organisation: Organisation, dates: readonly string[]): Promise<ExposurePoint[]> {
  const { matrix } = await criteriaOf(em, organisation);
  if (dates.length === 0) return [];
  const order = dates.map((date, index) => ({ date, index, end: new Date(`${date}T23:59:59.999Z`) })).sort((a, b) => a.end.getTime() - b.end.getTime());
  // SQLite holds moments as milliseconds since the epoch; PostgreSQL as timestamps.
  const moment = (value: Date) => (em.getPlatform() instanceof PostgreSqlPlatform ? value : value.getTime());
  const { sql, params } = exposureStepsStatement(organisation.id, order.map((entry) => moment(entry.end)));
  const rows = await (em as SqlEntityManager).getConnection().execute<StepRow[]>(sql, params);
  const byBucket = new Map<number, StepRow[]>();
  for (const row of rows) {
    const key = Number(row.b);
    byBucket.set(key, [...(byBucket.get(key) ?? []), row]);
  }
  // Risks per (likelihood, impact, residual likelihood, residual impact), carried from date to date.
  const current = new Map<string, { l: number; i: number; rl: number | null; ri: number | null; n: number }>();
  const points: ExposurePoint[] = new Array(dates.length);
  order.forEach((entry, position) => {
    for (const row of byBucket.get(position) ?? []) {
      const key = `${row.l}|${row.i}|${row.rl}|${row.ri}`;
      const cell = current.get(key) ?? { l: Number(row.l), i: Number(row.i), rl: row.rl === null ? null : Number(row.rl), ri: row.ri === null ? null : Number(row.ri), n: 0 };
      cell.n += Number(row.sign) * Number(row.n);
      current.set(key, cell);
    }
    const cells = [...current.values()].filter((cell) => cell.n !== 0);
    const inherent = heatmapFromCounts(cells.map((cell) => ({ likelihood: cell.l, impact: cell.i, count: cell.n })), matrix);
    const residual = heatmapFromCounts(cells.map((cell) => ({ likelihood: cell.rl ?? cell.l, impact: cell.ri ?? cell.i, count: cell.n })), matrix);
    points[entry.index] = { date: entry.date, inherent: exposureFromHeatmap(inherent, matrix), residual: exposureFromHeatmap(residual, matrix) };
  });
  return points;
}

interface StepRow {
  b: number | string;
  sign: number | string;
  l: number | string;
  i: number | string;
  rl: number | string | null;
  ri: number | string | null;
  n: number | string;
}
