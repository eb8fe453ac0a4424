import type { EntityName, FilterQuery, FindOneOptions, Loaded } from '@mikro-orm/core';
import { type Context, viewerOf } from '../context.js';

/** Record ids are UUIDs; anything else names no record (and PostgreSQL would refuse to compare it with one). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(id: string): boolean {
  return UUID.test(id);
}

/** The nil UUID: a valid uuid value that no record has (records get random version 4 ids). */
const NO_RECORD = '00000000-0000-0000-0000-000000000000';

/**
 * The id to look a record up by: the id itself, or for one that is no UUID the nil UUID, which
 * finds nothing on either database instead of PostgreSQL refusing the query.
 */
export function lookupId(id: string): string {
  return UUID.test(id) ? id : NO_RECORD;
}

/**
 * One record of the viewer's organisation, by id: null for another organisation's record, an
 * unknown id or one that is no UUID, alike, so a caller learns nothing about other tenants.
 */
export async function ownRecord<T extends object, P extends string = never>(
  context: Context,
  entity: EntityName<T>,
  id: string,
  options: FindOneOptions<T, P> = {},
): Promise<Loaded<T, P> | null> {
  if (!isRecordId(id)) return null;
  const { organisation } = viewerOf(context).membership;
  return context.em.findOne(entity, { id, organisation } as FilterQuery<T>, options);
}
