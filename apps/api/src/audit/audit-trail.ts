import { type ChangeSet, ChangeSetType, type EntityManager, type EntityMetadata, type EventSubscriber, type FlushEventArgs, helper, JsonType, type TransactionEventArgs } from '@mikro-orm/core';
import { AuditLogEntry } from '../entities/audit-log-entry.entity.js';
import { Organisation } from '../entities/organisation.entity.js';
import { currentActor } from './actor.js';
import { type ChainedFields, entryHash, GENESIS_HASH } from './chain.js';

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

/** An entry described at flush time, numbered and chained when its transaction commits. */
interface PendingEntry {
  organisation: Organisation;
  fields: Omit<ChainedFields, 'sequence'>;
}

/**
 * Writes an audit log entry for every change to an AIMS record, in the same transaction as the
 * change, chained per organisation by hash.
 *
 * The entries are described when the flush computes its changes, but numbered and written only
 * just before their transaction commits, under a per-organisation lock: PostgreSQL's
 * transaction-scoped advisory lock (SQLite runs one transaction at a time on its one
 * connection). Reading the head of the chain and appending to it is then one step that
 * concurrent writers take in turn, so they never claim the same sequence number, and the lock is
 * the last one a transaction takes, held only until its commit, so it cannot deadlock with the
 * row locks taken before it. The unique index on (organisation, sequence) still refuses a fork.
 */
export class AuditTrail implements EventSubscriber {
  /** Entries waiting for the commit of the transaction their EntityManager flushed in. */
  private readonly pending = new WeakMap<EntityManager, PendingEntry[]>();

  constructor(private readonly database: 'sqlite' | 'postgresql') {}

  async onFlush(args: FlushEventArgs): Promise<void> {
    const changeSets = args.uow.getChangeSets().filter((changeSet) => !UNLOGGED.has(changeSet.name) && OPERATIONS[changeSet.type] !== undefined);
    if (changeSets.length === 0) return;
    if (!args.em.isInTransaction() && !args.em.config.get('implicitTransactions')) {
      throw new Error('AuditTrail: a flush that changes records must run in a transaction, which writes its audit entries');
    }
    const actor = currentActor();
    const at = actor.recordedAt ?? new Date();
    const pending = this.pending.get(args.em) ?? [];
    for (const changeSet of changeSets) {
      const organisation = organisationOf(changeSet.entity as object);
      if (organisation === null) continue;
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
      pending.push({
        organisation,
        fields: {
          at,
          actorId: actor.id,
          actor: actor.label,
          entityType: changeSet.name,
          entityId: String(changeSet.getPrimaryKey() ?? (changeSet.entity as { id?: string }).id ?? ''),
          operation,
          before: operation === 'create' ? null : serialise(previous, meta),
          after: operation === 'delete' ? null : serialise(payload, meta),
        },
      });
    }
    this.pending.set(args.em, pending);
  }

  async beforeTransactionCommit(args: TransactionEventArgs): Promise<void> {
    const pending = this.pending.get(args.em);
    if (pending === undefined || pending.length === 0) return;
    this.pending.delete(args.em);
    const connection = args.em.getConnection();
    const entries: AuditLogEntry[] = [];
    const organisations = [...new Map(pending.map((entry) => [entry.organisation.id, entry.organisation])).values()].sort((a, b) => a.id.localeCompare(b.id));
    for (const organisation of organisations) {
      if (this.database === 'postgresql') {
        await connection.execute("select pg_advisory_xact_lock(hashtextextended('assay audit log ' || ?, 0))", [organisation.id], 'all', args.transaction);
      }
      const [last] = (await connection.execute('select sequence, hash from audit_log_entry where organisation_id = ? order by sequence desc limit 1', [organisation.id], 'all', args.transaction)) as {
        sequence: number;
        hash: string;
      }[];
      let head = last ? { sequence: Number(last.sequence), hash: last.hash } : { sequence: 0, hash: GENESIS_HASH };
      for (const { fields } of pending.filter((entry) => entry.organisation.id === organisation.id)) {
        const chained = { ...fields, sequence: head.sequence + 1 };
        const entry = Object.assign(new AuditLogEntry(), chained, { organisation, previousHash: head.hash, hash: entryHash(head.hash, chained) });
        entries.push(entry);
        head = { sequence: chained.sequence, hash: entry.hash };
      }
    }
    await args.em.insertMany(AuditLogEntry, entries, { ctx: args.transaction });
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    this.pending.delete(args.em);
  }
}
