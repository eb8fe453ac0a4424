import { type EntityManager, type EntityName, type FilterQuery, LockMode } from '@mikro-orm/core';
import { type Context, viewerOf } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { isRecordId } from './records.js';
import { checkVersion } from './versioning.js';

/** Records of one kind that still point at the record to delete. */
export interface Referrers {
  count: number;
  /** What one of them is called, e.g. `risk`; and more than one, e.g. `risks`. */
  one: string;
  many: string;
}

/** What deleting one kind of record involves besides the record itself. */
export interface DeletePlan<T> {
  /** How the record is found; default: by id in the viewer's organisation. */
  where?: FilterQuery<T>;
  /** The parent to load with it, for a record whose organisation is its parent's (the audit log needs it). */
  populate?: readonly string[];
  /** A refusal of the record's own (a chosen certification body; an approved policy and the viewer's role). */
  check?: (em: EntityManager, record: T) => Promise<void> | void;
  /**
   * Records elsewhere that point at it, with the record in words (`an AI system`) and what to do
   * about them. Any at all refuse the delete: it never leaves them pointing at nothing.
   */
  referrers?: { named: string; advice: string; find: (em: EntityManager, record: T) => Promise<Referrers[]> };
  /** Records it owns, which go with it; each removal is written to the audit log. */
  children?: (em: EntityManager, record: T) => Promise<object[]>;
}

/** `2 risks, 1 impact assessment and 1 supplier`. */
function listed(referrers: readonly Referrers[]): string {
  const parts = referrers.map((entry) => `${entry.count} ${entry.count === 1 ? entry.one : entry.many}`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Deletes one record of the viewer's organisation with the records it owns, in one transaction,
 * or refuses: NOT_FOUND for an id that names none of the organisation's records, CONFLICT when
 * expectedVersion is given and the record has moved on since, BAD_USER_INPUT on `id` while other
 * records still point at it. On PostgreSQL the row stays locked from the checks to the delete, so
 * a record added meanwhile that points at it waits, then finds it gone.
 */
export async function deleteRecord<T extends { id: string; version: number }>(
  context: Context,
  entity: EntityName<T>,
  label: string,
  id: string,
  expectedVersion: number | null | undefined,
  plan: DeletePlan<T> = {},
): Promise<boolean> {
  const { organisation } = viewerOf(context).membership;
  if (!isRecordId(id)) throw notFound(label, id);
  return context.em.transactional(async (em) => {
    const where = plan.where ?? ({ id, organisation } as FilterQuery<T>);
    const record = await em.findOne(entity, where, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, populate: (plan.populate ?? []) as never });
    if (!record) throw notFound(label, id);
    if (expectedVersion != null) checkVersion(`${label} ${id}`, record.version, expectedVersion);
    await plan.check?.(em, record);
    if (plan.referrers) {
      const pointing = (await plan.referrers.find(em, record)).filter((entry) => entry.count > 0);
      if (pointing.length > 0) throw badInput('id', `names ${plan.referrers.named} that ${listed(pointing)} still refer${pointing.length === 1 && pointing[0]!.count === 1 ? 's' : ''} to; ${plan.referrers.advice}`);
    }
    for (const child of (await plan.children?.(em, record)) ?? []) em.remove(child);
    em.remove(record);
    await em.flush();
    return true;
  });
}
