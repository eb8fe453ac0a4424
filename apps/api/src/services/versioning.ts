import { type EntityManager, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { badInput, conflict } from '../errors.js';

/**
 * Optimistic concurrency for edits: the client sends the version it read; a different current
 * version means someone else changed the record in between.
 */
export function checkVersion(what: string, current: number, expected: number | null | undefined): void {
  if (expected === null || expected === undefined) throw badInput('expectedVersion', 'is required to change an existing record');
  if (current !== expected) {
    throw conflict(`${what} was changed by someone else (now version ${current}, your edit is based on ${expected}); reload it and apply your change again`);
  }
}

/** Flushes, turning a write that lost a race into a CONFLICT the client can act on. */
export async function flushOrConflict(em: EntityManager, what: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError || error instanceof UniqueConstraintViolationException) {
      throw conflict(`${what} was changed by someone else while you edited it; reload it and apply your change again`);
    }
    throw error;
  }
}
