import type { EntityManager } from '@mikro-orm/core';
import { AuditLogEntry } from '../entities/audit-log-entry.entity.js';
import { entryHash, GENESIS_HASH } from './chain.js';

export interface ChainCheck {
  /** Entries read. */
  readonly entries: number;
  readonly intact: boolean;
  /** The sequence number at which the chain first breaks; null when intact. */
  readonly brokenAt: number | null;
  /** What is wrong there, in plain words; null when intact. */
  readonly problem: string | null;
}

/**
 * Walks an organisation's audit log in sequence order and checks every link: the numbers run
 * 1, 2, 3 … without gaps (a gap is a deleted entry, a repeat an inserted one), each entry names
 * the hash of the one before, and each hash matches its own fields (a mismatch is an altered
 * entry). Reports the first break. Reads in pages, so memory stays flat on long logs.
 */
export async function verifyChain(em: EntityManager, organisationId: string, pageSize = 2000): Promise<ChainCheck> {
  let expected = 1;
  let previousHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    const page = await em.find(AuditLogEntry, { organisation: organisationId, sequence: { $gte: expected } }, { orderBy: { sequence: 'asc' }, limit: pageSize, disableIdentityMap: true });
    for (const entry of page) {
      entries += 1;
      const broken = (problem: string): ChainCheck => ({ entries, intact: false, brokenAt: entry.sequence, problem });
      if (entry.sequence !== expected) return broken(`entry ${expected} is missing (deleted), the next one is ${entry.sequence}`);
      if (entry.previousHash !== previousHash) return broken(`entry ${entry.sequence} does not follow entry ${expected - 1} (an entry was inserted, replaced or reordered)`);
      if (entry.hash !== entryHash(previousHash, entry)) return broken(`entry ${entry.sequence} was altered after it was written (its hash no longer matches its contents)`);
      previousHash = entry.hash;
      expected += 1;
    }
    if (page.length < pageSize) return { entries, intact: true, brokenAt: null, problem: null };
  }
}
