import { createHash } from 'node:crypto';

/** The hash before an organisation's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers, in a fixed order. */
export interface ChainedFields {
  readonly sequence: number;
  readonly at: Date;
  readonly actorId: string | null;
  readonly actor: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly operation: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** SHA-256 of the previous hash and the entry's fields (as a JSON array, so no field can run into the next). */
export function entryHash(previousHash: string, entry: ChainedFields): string {
  const fields = [entry.sequence, entry.at.toISOString(), entry.actorId, entry.actor, entry.entityType, entry.entityId, entry.operation, entry.before, entry.after];
  return createHash('sha256').update(previousHash).update(JSON.stringify(fields)).digest('hex');
}
