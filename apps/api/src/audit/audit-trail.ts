import { type ChangeSet, ChangeSetType, type EntityMetadata, type EventSubscriber, type FlushEventArgs, helper, JsonType } from '@mikro-orm/core';
import { AuditLogEntry } from '../entities/audit-log-entry.entity.js';
import { Organisation } from '../entities/organisation.entity.js';
import { currentActor } from './actor.js';
import { entryHash, GENESIS_HASH } from './chain.js';

/**
 * What the log leaves out: itself, sign-in sessions (security events, not AIMS records), and the
 * monitoring data whose provenance is the import record (thousands of counts per import).
 */
const UNLOGGED = new Set(['AuditLogEntry', 'Session', 'SignInFailure', 'FairnessWindow', 'FairnessWindowCell']);

/** Fields never written to the log. */
const SECRET_FIELDS = new Set(['passwordHash', 'password_hash', 'tokenHash', 'token_hash']);

/** The organisation a changed record belongs to: its own, its parent's, or itself. */
function organisationOf(entity: object): Organisation | null {
  if (entity instanceof Organisation) return entity;
  const record = entity as Record<string, unknown>;
  if (record.organisation instanceof Organisation) return record.organisation;
  for (const parent of ['policy', 'risk', 'review', 'audit', 'finding', 'assessment', 'objective']) {
    const owner = record[parent] as Record<string, unknown> | undefined;
    if (owner && owner.organisation instanceof Organisation) return owner.organisation;
  }
  return null;
}

/**
 * Plain JSON of a change set's values, the same on both databases: dates as ISO text (SQLite hands
 * them over as milliseconds), JSON columns as values (not text), references as their ids, secrets
 * left out.
 */
function serialise(values: Record<string, unknown> | undefined | null, meta: EntityMetadata<object>): string | null {
  if (!values) return null;
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (SECRET_FIELDS.has(key)) continue;
    const property = meta.properties[key as never] as { runtimeType?: string; type?: string; customType?: unknown } | undefined;
    if (property?.runtimeType === 'Date' && (typeof value === 'number' || typeof value === 'string')) plain[key] = new Date(value).toISOString();
    // Discovery turns `type: 'json'` into a JsonType; the original values hold such columns as text.
    else if ((property?.type === 'json' || property?.customType instanceof JsonType) && typeof value === 'string') plain[key] = JSON.parse(value) as unknown;
    else plain[key] = normalise(value);
  }
  // Sorted top-level keys; a replacer list would also drop the keys of a JSON column's objects.
  return JSON.stringify(Object.fromEntries(Object.keys(plain).sort().map((key) => [key, plain[key]])));
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    const reference = value as { id?: unknown; getValue?: () => unknown };
    if (typeof reference.getValue === 'function') return reference.getValue();
    if (typeof reference.id === 'string') return reference.id;
  }
  return value;
}

/** For an update, the changed fields as they were; for a delete, the whole record. */
function beforeValues(changeSet: ChangeSet<object>): Record<string, unknown> | null {
  // MikroORM gives a delete's change set no original values: they are the entity's as last loaded or flushed.
  const original = (changeSet.type === ChangeSetType.DELETE ? helper(changeSet.entity).__originalEntityData : changeSet.originalEntity) as Record<string, unknown> | undefined;
  if (!original) return null;
  if (changeSet.type === ChangeSetType.DELETE) return original;
  return Object.fromEntries(Object.keys(changeSet.payload).map((key) => [key, original[key]]));
}

const OPERATIONS: Partial<Record<ChangeSetType, 'create' | 'update' | 'delete'>> = {
  [ChangeSetType.CREATE]: 'create',
  [ChangeSetType.UPDATE]: 'update',
  [ChangeSetType.DELETE]: 'delete',
};

/**
 * Writes an audit log entry for every change to an AIMS record, in the same transaction as the
 * change, chained per organisation by hash. Two writers racing for the same sequence number
 * collide on its unique index, and the later one is refused rather than forking the chain.
 */
export class AuditTrail implements EventSubscriber {
  async onFlush(args: FlushEventArgs): Promise<void> {
    const changeSets = args.uow.getChangeSets().filter((changeSet) => !UNLOGGED.has(changeSet.name) && OPERATIONS[changeSet.type] !== undefined);
    if (changeSets.length === 0) return;
    const actor = currentActor();
    const at = actor.recordedAt ?? new Date();
    const heads = new Map<string, { sequence: number; hash: string }>();
    for (const changeSet of changeSets) {
      const organisation = organisationOf(changeSet.entity as object);
      if (organisation === null) continue;
      let head = heads.get(organisation.id);
      if (head === undefined) {
        // In the flush's transaction when there is one: SQLite has a single connection, which it holds.
        const [last] = (await args.em
          .getConnection()
          .execute('select sequence, hash from audit_log_entry where organisation_id = ? order by sequence desc limit 1', [organisation.id], 'all', args.em.getTransactionContext())) as {
          sequence: number;
          hash: string;
        }[];
        head = last ? { sequence: Number(last.sequence), hash: last.hash } : { sequence: 0, hash: GENESIS_HASH };
      }
      const operation = OPERATIONS[changeSet.type]!;
      // The optimistic version is raised by the UPDATE itself, so it is not in the payload: log it.
      const meta = changeSet.meta as EntityMetadata<object>;
      const versionKey = meta.versionProperty as string | undefined;
      const original = changeSet.originalEntity as Record<string, unknown> | undefined;
      const payload = { ...(changeSet.payload as Record<string, unknown>) };
      const previous = { ...(beforeValues(changeSet as ChangeSet<object>) ?? {}) };
      if (operation === 'update' && versionKey && typeof original?.[versionKey] === 'number') {
        previous[versionKey] = original[versionKey];
        payload[versionKey] = (original[versionKey] as number) + 1;
      }
      const fields = {
        sequence: head.sequence + 1,
        at,
        actorId: actor.id,
        actor: actor.label,
        entityType: changeSet.name,
        entityId: String(changeSet.getPrimaryKey() ?? (changeSet.entity as { id?: string }).id ?? ''),
        operation,
        before: operation === 'create' ? null : serialise(previous, meta),
        after: operation === 'delete' ? null : serialise(payload, meta),
      };
      const entry = Object.assign(new AuditLogEntry(), fields, { organisation, previousHash: head.hash, hash: entryHash(head.hash, fields) });
      args.uow.computeChangeSet(entry);
      heads.set(organisation.id, { sequence: fields.sequence, hash: entry.hash });
    }
  }
}
