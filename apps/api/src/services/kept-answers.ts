import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Organisation } from '../entities/organisation.entity.js';

/**
 * Answers computed from an organisation's records, kept in this process while those records
 * have not changed. Each answer is kept with the organisation's change place (see
 * `changePlace`) read before it was computed, and given again only to a request that reads the
 * same place; the place comes from the shared database, so several API processes each keep
 * their own answers and none gives a stale one. An answer still being computed is shared too:
 * sixteen requests for the same review pack compute it once. The oldest answers go first beyond
 * `limit`; a failed computation is forgotten.
 */
export class KeptAnswers<T> {
  private readonly answers = new Map<string, { place: string; value: Promise<T> }>();

  constructor(private readonly limit: number) {}

  /**
   * The answer kept under `key` at `place`, or the one `compute` gives (then kept). `place` must
   * be read before `compute` reads anything, so that an answer never reflects less than the
   * place it is kept under.
   */
  answer(key: string, place: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.answers.get(key);
    if (kept !== undefined && kept.place === place) return kept.value;
    const value = compute();
    this.answers.delete(key);
    this.answers.set(key, { place, value });
    if (this.answers.size > this.limit) this.answers.delete(this.answers.keys().next().value!);
    value.catch(() => {
      if (this.answers.get(key)?.value === value) this.answers.delete(key);
    });
    return value;
  }

  /** How many answers are kept (for tests). */
  get size(): number {
    return this.answers.size;
  }
}

/**
 * Where an organisation's records stand, read in one statement of two indexed lookups: the
 * sequence of its latest audit-log entry (every change to its records takes the next one) and
 * the latest change to its fairness windows, which the audit log leaves out (monitoring data
 * comes in thousands of counts; `setCells` stamps each window it writes). Equal places mean
 * nothing has changed in between.
 */
export async function changePlace(em: EntityManager, organisation: Organisation): Promise<string> {
  const [row] = await (em as SqlEntityManager).getConnection().execute<{ place: number | string | null; windows: number | string | Date | null }[]>(
    `select (select max(sequence) from audit_log_entry where organisation_id = ?) as place,
      (select max(updated_at) from fairness_window where organisation_id = ?) as windows`,
    [organisation.id, organisation.id],
  );
  // Compared for equality only, so the moment keeps the form its database gives: milliseconds on
  // SQLite, text (to the microsecond) from PostgreSQL.
  const windows = row?.windows instanceof Date ? row.windows.toISOString() : String(row?.windows ?? '');
  return `${Number(row?.place ?? 0)}/${windows}`;
}
