import type { EntityManager } from '@mikro-orm/core';
import { AuditLogEntry } from '../entities/audit-log-entry.entity.js';
import type { Organisation } from '../entities/organisation.entity.js';

/**
 * The records of one kind as they stood at a moment, rebuilt from the audit log: each record's
 * creation, then its changes in order, up to and including `at`; records deleted by then are
 * gone. Values are as the log holds them (dates as ISO text, references as ids). The log starts
 * when Assay began recording, so earlier moments show what was recorded by then.
 */
export async function recordsAt(em: EntityManager, organisation: Organisation, entityType: string, at: Date): Promise<Map<string, Record<string, unknown>>> {
  const entries = await em.find(AuditLogEntry, { organisation, entityType, at: { $lte: at } }, { orderBy: { sequence: 'asc' }, disableIdentityMap: true });
  const records = new Map<string, Record<string, unknown>>();
  for (const entry of entries) {
    if (entry.operation === 'delete') records.delete(entry.entityId);
    else records.set(entry.entityId, { ...(records.get(entry.entityId) ?? {}), ...(JSON.parse(entry.after ?? '{}') as Record<string, unknown>) });
  }
  return records;
}
